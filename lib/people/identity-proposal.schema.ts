// A township clerk's proposal of an identity, and the bureau's decision on it.
import { z } from "zod";
import { BUREAU_KEYS, IDENTITY_BUREAUS, type IdentityBureau } from "@/lib/people/identity-bureaus";
import type { IdentityType } from "@/lib/rules/domain";
import { isIsoDate } from "@/lib/rules/dates";
import { cleanText } from "@/lib/text-input";

/** The bureaus a clerk proposes to: the medical bureau's recognitions come out of its own cases. */
export const PROPOSAL_BUREAUS = BUREAU_KEYS.filter((key) => !IDENTITY_BUREAUS[key].fromCase) as Exclude<IdentityBureau, "medical">[];
export type ProposalBureau = (typeof PROPOSAL_BUREAUS)[number];

export const PROPOSABLE_TYPES = [...new Set(PROPOSAL_BUREAUS.flatMap((key) => IDENTITY_BUREAUS[key].types))] as [IdentityType, ...IdentityType[]];

/** The bureau that certifies a type (LOW_INCOME: civil affairs, whose list it is). */
export function proposalBureauOf(type: IdentityType): ProposalBureau {
  const bureau = PROPOSAL_BUREAUS.find((key) => (IDENTITY_BUREAUS[key].types as readonly IdentityType[]).includes(type));
  if (!bureau) throw new Error(`no bureau certifies ${type} on a proposal`);
  return bureau;
}

const optional = <T extends z.ZodType<string>>(schema: T) => z.union([z.literal(""), schema]).optional().transform((v) => v || null);
const reason = (key: string) => z.string({ message: key }).trim().min(4, { message: key }).pipe(cleanText(200));

export const proposeIdentitySchema = z.object({
  personId: z.uuid({ message: "validation.invalid" }),
  type: z.enum(PROPOSABLE_TYPES, { message: "validation.identityType" }),
  validFrom: z.string({ message: "validation.date" }).trim().refine(isIsoDate, { message: "validation.date" }),
  reason: reason("validation.proposalReason"),
  // Where the paper evidence is kept (a file number, an archive box): a reference, not an upload.
  attachment: optional(z.string().trim().pipe(cleanText(100))),
});

export const acceptProposalSchema = z.object({
  proposalId: z.uuid({ message: "validation.invalid" }),
  // The certificate (or list batch) the bureau certifies the identity by.
  certificate: optional(z.string().trim().pipe(cleanText(60))),
});

export const rejectProposalSchema = z.object({
  proposalId: z.uuid({ message: "validation.invalid" }),
  rejectReason: reason("validation.rejectReason"),
});

export const PROPOSAL_FIELD_LABELS = {
  type: "proposals.type",
  validFrom: "proposals.validFrom",
  reason: "proposals.reason",
  attachment: "proposals.attachment",
  certificate: "identityForm.certificate",
  rejectReason: "proposals.rejectReason",
} as const;

/** The bureau a role decides proposals for, if any. */
export function proposalBureauOfRole(role: string): ProposalBureau | null {
  return PROPOSAL_BUREAUS.find((key) => IDENTITY_BUREAUS[key].role === role) ?? null;
}
