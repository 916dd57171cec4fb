import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { JURISDICTIONS } from "@/lib/rules/domain";

// The closed list of what the audit log records, each with the shape of what it keeps. Auditors
// read these rows years later, so every string is bounded and every payload is checked on write.
// Labels: messages/*.json "auditAction", keyed by the action with "." read as "_" (a test checks).

const bounded = (max: number) => z.string().max(max);
const code = bounded(20);
const count = z.number().int().min(0);

const userSnapshot = z.strictObject({
  username: bounded(32),
  displayName: bounded(40),
  role: z.enum(ROLES),
  regionCode: code,
  active: z.boolean(),
});

/** The client address a sign-in came from (lib/auth/login.ts throttleKey: bounded, stripped). */
const address = bounded(64);
const loginCounter = z.strictObject({ failedLoginCount: count, locked: z.boolean().optional(), address: address.optional() });
const signInFrom = z.strictObject({ address });

const refusal = z.strictObject({
  // A permission, or a page's path when a page refused.
  action: bounded(80),
  refusal: z.enum(["permission", "region", "state", "duty"]),
  entity: bounded(20).optional(),
  entityId: bounded(64).optional(),
  state: bounded(30).optional(),
});

const jobSummary = z.strictObject({
  name: bounded(60),
  total: count.optional(),
  done: count.optional(),
  error: bounded(500).optional(),
  /** What the run found or did, e.g. a list's added / removed / changed / errors. */
  counts: z.record(bounded(20), count).refine((c) => Object.keys(c).length <= 10, "too many counts").optional(),
});

// A case's step: the states it moved between, the version it wrote, and what the workflow module
// said about it (lib/workflow: the transition's detail, already small). The timeline reads these.
const caseStates = z.enum(["DRAFT", "SUBMITTED", "TOWNSHIP_REVIEW", "PUBLICITY", "COUNTY_REVIEW", "APPROVED", "PAID", "RETURNED", "REJECTED", "WITHDRAWN"]);
const caseDetail = z.record(bounded(40), z.json()).refine((detail) => JSON.stringify(detail).length <= 4000, "detail too long");
const caseStep = z.strictObject({ from: caseStates.nullable(), to: caseStates, version: count, detail: caseDetail });
const caseChange = z.strictObject({ version: count, detail: caseDetail });

// A person as the audit log keeps them: the numbers masked as every list shows them (the full ID
// number is shown only on demand, itself audited), so the log is no second copy of the register.
const isoDay = z.iso.date();
const personSnapshot = z.strictObject({
  name: bounded(40),
  idNumber: bounded(18),
  regionCode: code,
  ruralHukou: z.boolean(),
  hukouProvince: bounded(2),
  phone: bounded(20).nullable(),
  bankAccount: bounded(30).nullable(),
  diedOn: isoDay.nullable(),
  movedOutOn: isoDay.nullable(),
});

const identityPeriod = z.strictObject({
  identityId: z.uuid(),
  type: bounded(30),
  validFrom: isoDay,
  validTo: isoDay.nullable(),
  certificate: bounded(60).nullable(),
  sourceCaseId: z.uuid().nullable(),
  certifiedBy: z.enum(ROLES),
});
const identityEnd = z.strictObject({ identityId: z.uuid(), validTo: isoDay.nullable() });

// Rows written before tiers were recorded have no tier key; every new row has one.
const enrolmentPeriod = z.strictObject({ enrolmentId: z.uuid(), scheme: bounded(20), tier: bounded(20).nullable(), validFrom: isoDay, validTo: isoDay.nullable() });
const enrolmentEnd = z.strictObject({ enrolmentId: z.uuid(), validTo: isoDay.nullable() });
const conditionEnd = z.strictObject({ conditionId: z.uuid(), validTo: isoDay.nullable() });

const uuids = z.array(z.uuid()).max(2000);
// Rows from before decision 020 have no servicemen or proposals.
const mergedRows = z.strictObject({ claims: uuids, cases: uuids, identities: uuids, enrolments: uuids, conditions: uuids, family: uuids, servicemen: uuids, proposals: uuids });

const hospitalSnapshot = z.strictObject({
  code: bounded(20),
  name: bounded(60),
  regionCode: code,
  level: z.number().int().min(1).max(3),
  priceClass: z.number().int().min(1).max(3),
  runBy: z.enum(["COUNTY", "CITY", "PROVINCE"]),
  isPublic: z.boolean(),
  province: bounded(2),
  cardDesignated: z.boolean(),
});

// Households and family links (docs/decisions/020), on each person's row so their history reads them.
const relationToHead = z.enum(["HEAD", "SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW", "OTHER"]);
const membership = z.strictObject({ householdId: z.uuid().nullable(), relationToHead });
const householdPlace = z.strictObject({ householdId: z.uuid(), regionCode: code, address: bounded(100) });
const servicemanSnapshot = z.strictObject({
  personId: z.uuid().nullable(),
  name: bounded(20).nullable(),
  kind: z.enum(["VETERAN", "MARTYR", "DIED_ON_DUTY", "DIED_OF_ILLNESS"]),
  diedOn: isoDay.nullable(),
  certificate: bounded(60).nullable(),
  hukouProvince: bounded(2).nullable(),
});
const familyLink = z.strictObject({ servicemanId: z.uuid().nullable(), relationToServiceman: z.enum(["SPOUSE", "CHILD", "PARENT", "PARENT_IN_LAW"]).nullable() });
const proposalState = z.enum(["PENDING", "ACCEPTED", "REJECTED"]);

// A county's tree from the national division dataset (lib/regions): codes, and the names of what
// was renamed or deleted (what exists afterwards can be read from the region table).
const jurisdiction = z.enum(JURISDICTIONS).nullable();
const regionName = bounded(60);
const regionCodes = z.array(code).max(5000);
const treeCounts = { townships: count, villages: count };
const countyJurisdiction = z.strictObject({ jurisdiction, effective: jurisdiction });

type EventSpec = { entity: string; before?: z.ZodType; after?: z.ZodType };

export const AUDIT_EVENTS = {
  "auth.login.success": { entity: "user", after: signInFrom.optional() },
  // A name that is no account has no counter to show (and no region: every county's auditors see it).
  "auth.login.failure": { entity: "user", before: loginCounter.optional(), after: z.union([loginCounter, signInFrom]).optional() },
  "auth.lockout": { entity: "user", before: loginCounter, after: loginCounter },
  // A sign-in attempt on a locked account: refused whatever the password, the counter unchanged.
  "auth.login.locked": { entity: "user", after: z.strictObject({ address, passwordMatched: z.boolean() }) },
  "auth.login.inactive": { entity: "user", after: signInFrom },
  // The attempt that took a client address over its limit (later ones in the window are not written).
  "auth.login.throttled": { entity: "user", after: z.strictObject({ address, failures: count }) },
  "auth.logout": { entity: "user" },
  "auth.session.expired": { entity: "user", after: z.strictObject({ signedInAt: z.iso.datetime() }) },
  // A wrong current password on the change-password form (throttled like sign-in).
  "account.currentPasswordWrong": { entity: "user", after: z.strictObject({ failures: count }) },
  "access.refused": { entity: "access", after: refusal },
  "user.create": { entity: "user", after: userSnapshot },
  "user.update": { entity: "user", before: userSnapshot, after: userSnapshot },
  "user.resetPassword": { entity: "user", before: z.strictObject({ locked: z.boolean() }), after: z.strictObject({ locked: z.boolean(), mustChangePassword: z.boolean() }) },
  "user.changePassword": { entity: "user" },
  // A full ID number shown on demand (the row names whose; the number itself is never logged).
  "person.viewIdNumber": { entity: "person" },
  // A file that leaves the system with personal data in it: an attachment, a notice, a 公示 list.
  "file.download": {
    entity: "file",
    after: z.strictObject({ kind: z.enum(["attachment", "notice", "publicityList"]), caseId: bounded(64).optional(), fileName: bounded(200), sha256: bounded(64) }),
  },
  // possibleDuplicates: the records of the same name, birth date and township the clerk was shown
  // and registered the person beside anyway.
  "person.create": { entity: "person", after: personSnapshot.extend({ possibleDuplicates: z.array(z.uuid()).max(20).optional() }) },
  "person.update": { entity: "person", before: personSnapshot, after: personSnapshot },
  // A duplicate merged into the record kept (on the duplicate's row: every moved row by id, to undo it).
  "person.merge": { entity: "person", before: z.strictObject({ mergedIntoId: z.null() }), after: z.strictObject({ mergedIntoId: z.uuid(), reason: bounded(200), moved: mergedRows }) },
  "person.mergeKeep": { entity: "person", after: z.strictObject({ mergedId: z.uuid(), reason: bounded(200) }) },
  "hospital.create": { entity: "hospital", after: hospitalSnapshot },
  "hospital.update": { entity: "hospital", before: hospitalSnapshot, after: hospitalSnapshot },
  // Enrolment and condition periods, on the person's row like identity periods.
  "enrolment.add": { entity: "person", after: enrolmentPeriod },
  "enrolment.end": { entity: "person", before: enrolmentEnd, after: enrolmentEnd },
  "enrolment.correct": { entity: "person", before: enrolmentPeriod, after: enrolmentPeriod.extend({ reason: bounded(200) }) },
  "condition.add": { entity: "person", after: z.strictObject({ conditionId: z.uuid(), condition: bounded(30), validFrom: isoDay, validTo: isoDay.nullable(), evidence: bounded(120) }) },
  "condition.end": { entity: "person", before: conditionEnd, after: conditionEnd },
  // Identity periods, on the person's row (entityId = the person) so the person's history reads them.
  "identity.add": { entity: "person", after: identityPeriod },
  "identity.end": { entity: "person", before: identityEnd, after: identityEnd },
  // A township clerk's proposal of an identity, and the certifying bureau's decision on it.
  "identity.propose": {
    entity: "person",
    after: z.strictObject({ proposalId: z.uuid(), type: bounded(30), validFrom: isoDay, bureau: z.enum(ROLES), reason: bounded(200), attachment: bounded(100).nullable() }),
  },
  "identity.proposalAccept": {
    entity: "person",
    before: z.strictObject({ proposalId: z.uuid(), state: proposalState }),
    after: z.strictObject({ proposalId: z.uuid(), state: proposalState, identityId: z.uuid(), certificate: bounded(60).nullable() }),
  },
  "identity.proposalReject": {
    entity: "person",
    before: z.strictObject({ proposalId: z.uuid(), state: proposalState }),
    after: z.strictObject({ proposalId: z.uuid(), state: proposalState, reason: bounded(200) }),
  },
  "household.create": { entity: "person", after: householdPlace.extend({ relationToHead }) },
  "household.update": { entity: "person", before: householdPlace, after: householdPlace },
  "household.join": { entity: "person", before: membership, after: membership },
  "household.setRelation": { entity: "person", before: membership, after: membership },
  "household.leave": { entity: "person", before: membership, after: membership },
  // The serviceman's own record (a martyr's, usually on no register), and a member's link to it.
  "serviceman.create": { entity: "serviceman", after: servicemanSnapshot },
  "serviceman.update": { entity: "serviceman", before: servicemanSnapshot, after: servicemanSnapshot },
  "serviceman.link": { entity: "person", before: familyLink, after: familyLink },
  "serviceman.unlink": { entity: "person", before: familyLink, after: familyLink },
  "audit.export": {
    entity: "audit_log",
    after: z.strictObject({ filter: z.partialRecord(z.enum(["actor", "action", "entity", "entityId", "from", "to"]), bounded(64)), rows: count }),
  },
  "demo.seed": { entity: "database", after: z.record(bounded(40), count) },
  "job.start": { entity: "job", after: jobSummary },
  "job.finish": { entity: "job", after: jobSummary },
  "job.fail": { entity: "job", after: jobSummary },
  "case.create": { entity: "case", after: caseStep },
  "case.submit": { entity: "case", after: caseStep },
  "case.resubmit": { entity: "case", after: caseStep },
  "case.withdraw": { entity: "case", after: caseStep },
  "case.investigate": { entity: "case", after: caseStep },
  "case.publicize": { entity: "case", after: caseStep },
  "case.object": { entity: "case", after: caseStep },
  "case.forward": { entity: "case", after: caseStep },
  "case.return": { entity: "case", after: caseStep },
  "case.reject": { entity: "case", after: caseStep },
  "case.approve": { entity: "case", after: caseStep },
  "case.refuse": { entity: "case", after: caseStep },
  "case.countyReturn": { entity: "case", after: caseStep },
  "case.serveNotice": { entity: "case", after: caseStep },
  "case.recordPayment": { entity: "case", after: caseStep },
  "case.updateBills": { entity: "case", after: caseChange },
  "case.addAttachment": { entity: "case", after: caseChange },
  "case.removeAttachment": { entity: "case", after: caseChange },
  "case.issueNotice": { entity: "case", after: caseChange },
  "case.postPayout": { entity: "case", after: caseChange },
  "case.grantIdentity": { entity: "case", after: caseChange },
  // 动态调整 lists (lib/roster): the bureau's upload (the file; its comparison is the roster-check
  // job's job.finish, with the counts), the bureau's confirmation, the roster-apply job's changes to
  // the registry with the certificate, and the medical-security bureau's receipt.
  "roster.upload": {
    entity: "roster",
    after: z.strictObject({ bureau: z.enum(["CIVIL_AFFAIRS", "VETERANS_AFFAIRS"]), period: bounded(10), fileName: bounded(200), sha256: bounded(64), bytes: count }),
  },
  "roster.confirm": {
    entity: "roster",
    before: z.strictObject({ state: bounded(20) }),
    after: z.strictObject({ state: bounded(20), certificateDate: z.iso.date(), added: count, removed: count, changed: count }),
  },
  "roster.apply": {
    entity: "roster",
    before: z.strictObject({ state: bounded(20) }),
    after: z.strictObject({ state: bounded(20), certificateDate: z.iso.date(), certificateSha256: bounded(64), added: count, removed: count, changed: count, peopleCreated: count }),
  },
  // The current list with full ID numbers, exported (PIPL Art. 51: who took whose numbers, when).
  "roster.export": { entity: "roster", after: z.strictObject({ bureau: z.enum(["CIVIL_AFFAIRS", "VETERANS_AFFAIRS"]), rows: count }) },
  "roster.acknowledge": { entity: "roster", before: z.strictObject({ state: bounded(20) }), after: z.strictObject({ state: bounded(20) }) },
  // The operator's new county (scripts/county.ts): its tree, jurisdiction and the ancestors it needed.
  "region.addCounty": {
    entity: "region",
    after: z.strictObject({ name: regionName, path: bounded(40), jurisdiction, effectiveJurisdiction: jurisdiction, dataset: bounded(40), ...treeCounts, createdAncestors: z.array(code).max(2) }),
  },
  "region.reload": {
    entity: "region",
    before: z.strictObject({ dataset: bounded(40).nullable(), ...treeCounts }),
    after: z.strictObject({
      dataset: bounded(40),
      ...treeCounts,
      added: regionCodes,
      renamed: z.array(z.strictObject({ code, from: regionName, to: regionName })).max(5000),
      restored: regionCodes,
      retired: regionCodes,
      deleted: z.array(z.strictObject({ code, name: regionName })).max(5000),
    }),
  },
  "region.setJurisdiction": { entity: "region", before: countyJurisdiction, after: countyJurisdiction },
  // A year of the holiday notice typed in because the calendar package does not carry it yet.
  "calendar.enterYear": { entity: "calendar", after: z.strictObject({ year: z.number().int(), notice: bounded(200), holidays: count, workdays: count, replaced: z.boolean() }) },
} as const satisfies Record<string, EventSpec>;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];
export const auditActionSchema = z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]);

type Spec<A extends AuditAction> = (typeof AUDIT_EVENTS)[A];
type Payload<A extends AuditAction, K extends "before" | "after"> =
  Spec<A> extends Record<K, infer S extends z.ZodType>
    ? undefined extends z.input<S>
      ? { [P in K]?: z.input<S> }
      : { [P in K]: z.input<S> }
    : { [P in K]?: never };

/** One audit row to write: the action, the record it is about, and the payload its action allows. */
export type AuditEvent<A extends AuditAction = AuditAction> = A extends AuditAction
  ? { action: A; entityId: string; regionCode?: string | null } & Payload<A, "before"> & Payload<A, "after">
  : never;

/** Message key of an action's label (next-intl reads dots as nesting). */
export function auditLabelKey(action: string): string {
  return `auditAction.${action.replaceAll(".", "_")}`;
}

export const AUDIT_TEXT_MAX = { entityId: 64, actorName: 64 } as const;
