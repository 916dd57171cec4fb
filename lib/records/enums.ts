// The database's enums and the rules module's lists are two spellings of one vocabulary. These
// types make `tsc` fail when either side gains or loses a member; the error names the members one
// side lacks (`onlyInPrisma` / `onlyInRules`). With the sets equal, a Prisma value is a rules value
// as it stands, so the mapper needs no translation tables and no casts.
import type * as Db from "@/lib/generated/prisma/enums";
import type * as Rules from "@/lib/rules/domain";

type SameMembers<A extends string, B extends string> = [Exclude<A, B> | Exclude<B, A>] extends [never]
  ? true
  : { onlyInPrisma: Exclude<A, B>; onlyInRules: Exclude<B, A> };

type Agree<T extends true> = T;

export type PrismaEnumsAgreeWithRules = [
  Agree<SameMembers<Db.IdentityType, Rules.IdentityType>>,
  Agree<SameMembers<Db.InsuranceScheme, Rules.InsuranceScheme>>,
  Agree<SameMembers<Db.ClaimType, Rules.ClaimType>>,
  Agree<SameMembers<Db.Route, Rules.Route>>,
  Agree<SameMembers<Db.FeeKind, Rules.FeeKind>>,
  Agree<SameMembers<Db.ItemClass, Rules.ItemClass>>,
  Agree<SameMembers<Db.ServicemanRelation, Rules.Relation>>,
  Agree<SameMembers<Db.HospitalOwner, Rules.RunBy>>,
  Agree<SameMembers<Db.Sex, Rules.Person["sex"]>>,
];
