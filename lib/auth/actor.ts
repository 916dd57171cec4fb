import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in user as every query and action sees them. */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionPath: string;
  regionName: string;
  /** Set when an administrator chose the password; the console asks for a new one. */
  mustChangePassword: boolean;
};
