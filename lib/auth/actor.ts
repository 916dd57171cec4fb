import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in user as every query and command sees them. */
export type Actor = {
  kind: "user";
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

/**
 * A job working with no person at the keyboard. It acts inside one region like a user does, with
 * the SYSTEM grants of lib/auth/permissions.ts; an import job also names the batch it applies, so
 * that every row it writes is audited as that import's (and, through the batch, its uploader's).
 */
export type SystemActor = {
  kind: "system";
  job: string;
  jobId: string;
  batchId?: string | undefined;
  regionCode: string;
  regionPath: string;
};

/** Whoever runs a command: a signed-in user or a job. */
export type CommandActor = Actor | SystemActor;

export function systemActor(job: string, jobId: string, region: { code: string; path: string }, batchId?: string): SystemActor {
  return { kind: "system", job, jobId, batchId, regionCode: region.code, regionPath: region.path };
}
