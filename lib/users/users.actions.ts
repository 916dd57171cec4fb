"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { createUser } from "@/lib/users/create-user";
import { resetPassword } from "@/lib/users/reset-password";
import { updateUser } from "@/lib/users/update-user";
import { USER_FIELD_LABELS } from "@/lib/users/users.schema";

export const createUserAction = defineAction(createUser, {
  fieldLabels: USER_FIELD_LABELS,
  after: (user) => {
    revalidatePath("/admin/users");
    return user;
  },
});

export const updateUserAction = defineAction(updateUser, {
  fieldLabels: USER_FIELD_LABELS,
  after: ({ id }) => {
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${id}`);
    return null;
  },
});

export const resetPasswordAction = defineAction(resetPassword, {
  fieldLabels: USER_FIELD_LABELS,
  after: ({ id }) => {
    revalidatePath(`/admin/users/${id}`);
    return null;
  },
});
