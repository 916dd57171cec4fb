"use server";

import { defineAction } from "@/lib/action";
import { PASSWORD_FIELD_LABELS } from "@/lib/auth/account.schema";
import { signIn } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";

export const changePasswordAction = defineAction(changePassword, {
  fieldLabels: PASSWORD_FIELD_LABELS,
  // Every older session (other browsers included) ended with the change; this one signs in anew
  // with the password the command just accepted.
  after: async ({ username }, formData) => {
    await signIn("credentials", { username, password: String(formData.get("next") ?? ""), redirectTo: "/account/password?changed=1" });
    return null;
  },
});
