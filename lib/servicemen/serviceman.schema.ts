// The serviceman's record and a family member's link to it (退役军人事务局's forms).
import { z } from "zod";
import { idNumberField } from "@/lib/people/person.schema";
import { isIsoDate } from "@/lib/rules/dates";
import { cleanText } from "@/lib/text-input";
import { chinaDate } from "@/lib/workflow/case-machine";

export const SERVICEMAN_KINDS = ["VETERAN", "MARTYR", "DIED_ON_DUTY", "DIED_OF_ILLNESS"] as const;
export type ServicemanKindValue = (typeof SERVICEMAN_KINDS)[number];
/** His death is what makes the family 三属: the record says when. */
export const DEAD_KINDS: readonly ServicemanKindValue[] = ["MARTYR", "DIED_ON_DUTY", "DIED_OF_ILLNESS"];
export const SERVICEMAN_RELATIONS = ["SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW"] as const;

const optional = <T extends z.ZodType<string>>(schema: T) => z.union([z.literal(""), schema]).optional().transform((v) => v || null);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const uuid = z.uuid({ message: "validation.invalid" });

const fields = {
  // Name and province only where he is on no register; otherwise his person record gives them.
  name: optional(z.string().trim().pipe(cleanText(20, "validation.servicemanNameTooLong"))),
  kind: z.enum(SERVICEMAN_KINDS, { message: "validation.servicemanKind" }),
  diedOn: optional(z.string().trim().refine(isIsoDate, { message: "validation.date" }).refine((d) => d <= chinaDate(new Date()), { message: "validation.dateNotFuture" })),
  certificate: optional(z.string().trim().pipe(cleanText(60))),
  hukouProvince: optional(z.string().trim().regex(/^[A-Z]{2}$/, { message: "validation.province" })),
};

const deathDated = (v: { kind: ServicemanKindValue; diedOn: string | null }) => !DEAD_KINDS.includes(v.kind) || v.diedOn !== null;

/** A record of a serviceman on no register; optionally linked at once to the family member the form came from. */
export const createServicemanSchema = z
  .object({
    ...fields,
    familyId: optional(uuid),
    relationToServiceman: optional(z.enum(SERVICEMAN_RELATIONS, { message: "validation.servicemanRelation" })),
  })
  .refine((v) => v.name !== null, { path: ["name"], message: "validation.servicemanName" })
  .refine((v) => v.hukouProvince !== null, { path: ["hukouProvince"], message: "validation.province" })
  .refine(deathDated, { path: ["diedOn"], message: "validation.servicemanDiedOn" })
  .refine((v) => v.familyId === null || v.relationToServiceman !== null, { path: ["relationToServiceman"], message: "validation.servicemanRelation" });

export const updateServicemanSchema = z
  .object({
    servicemanId: uuid,
    version: z.coerce.number({ message: "validation.version" }).int({ message: "validation.version" }).min(1, { message: "validation.version" }).max(2_147_483_647, { message: "validation.version" }),
    ...fields,
  })
  .refine(deathDated, { path: ["diedOn"], message: "validation.servicemanDiedOn" });

/** A family member to a serviceman record, or to a serviceman on the register named by his ID number. */
export const linkServicemanSchema = z
  .object({
    personId: uuid,
    relationToServiceman: z.enum(SERVICEMAN_RELATIONS, { message: "validation.servicemanRelation" }),
    servicemanId: optional(uuid),
    servicemanIdNumber: z.preprocess(blankToUndefined, idNumberField.optional()),
  })
  .refine((v) => (v.servicemanId === null) !== (v.servicemanIdNumber === undefined), { path: ["servicemanId"], message: "validation.servicemanChoose" });

export const unlinkServicemanSchema = z.object({ personId: uuid });

export const SERVICEMAN_FIELD_LABELS = {
  name: "servicemen.name",
  kind: "servicemen.kind",
  diedOn: "servicemen.diedOn",
  certificate: "servicemen.certificate",
  hukouProvince: "servicemen.hukouProvince",
  relationToServiceman: "servicemen.relation",
  servicemanId: "servicemen.record",
  servicemanIdNumber: "servicemen.idNumber",
} as const;
