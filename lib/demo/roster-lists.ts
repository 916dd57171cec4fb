// Last quarter's 动态调整 lists of 盂县 (YQ-JZ-2019 附件3), built from the demo people so that a
// newcomer can upload them at once: 民政局's (additions, removals, a 低保 → 特困 change and one new
// person), the same with three bad rows, and 退役军人事务局's. Pure and deterministic; written to
// prisma/demo-lists/ by scripts/write-demo-lists.ts and checked against the demo data by a test.
import type { IdentityType } from "@/lib/generated/prisma/enums";
import { makeIdNumber } from "@/lib/people/id-number";
import type { DemoData } from "./index";

export const DEMO_LIST_PERIOD = "2026Q3";
export const DEMO_LIST_HEADER = ["序号", "乡镇", "姓名", "身份证号", "类别", "家庭人口", "调整原因", "生效日期"] as const;
export const DEMO_LIST_FILES = {
  civil: "yx-2026Q3-civil-affairs.xlsx",
  civilWithErrors: "yx-2026Q3-civil-affairs-with-errors.xlsx",
  veterans: "yx-2026Q3-veterans-affairs.xlsx",
} as const;

export type DemoListRow = { township: string; name: string; idNumber: string; category: string; householdSize: string; reason: string; effectiveDate: string };

const CIVIL: readonly IdentityType[] = ["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"];
const VETERAN: readonly IdentityType[] = ["DEMOBILIZED", "WAR_VETERAN", "NUCLEAR_TEST_VETERAN", "ILL_RETURNED_VETERAN", "MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY", "VETERAN_RURAL", "VETERAN", "VETERAN_FAMILY"];

/** The person the e2e journey follows: added to 低保 in 秀水镇, seen by its clerk only. */
export const DEMO_LIST_NEW_PERSON = { name: "韩秀兰", township: "秀水镇", idNumber: makeIdNumber("140322", "1958-11-23", 0, "F") };

export function demoLists(data: DemoData): Record<keyof typeof DEMO_LIST_FILES, DemoListRow[]> {
  const townshipName = new Map(data.regions.map((r) => [r.code, r.name]));
  const townshipOf = (regionCode: string) => townshipName.get(regionCode.slice(0, 9)) ?? "";
  const yx = data.people.filter((p) => p.countyKey === "yx");
  const open = (personId: string, types: readonly IdentityType[]) => data.identities.filter((i) => i.personId === personId && i.validTo === null && types.includes(i.type));
  const householdSize = (householdId: string) => String(data.people.filter((p) => p.householdId === householdId).length);
  const row = (p: (typeof yx)[number], category: string, reason: string, effectiveDate: string, withSize = true): DemoListRow => ({
    township: townshipOf(p.regionCode), name: p.name, idNumber: p.idNumber, category, householdSize: withSize ? householdSize(p.householdId) : "", reason, effectiveDate,
  });

  const subsistence = yx.filter((p) => p.relationToHead === "HEAD" && open(p.id, CIVIL).length === 1 && open(p.id, CIVIL)[0]!.type === "SUBSISTENCE");
  const noCivil = yx.filter((p) => p.relationToHead === "HEAD" && p.regionCode.startsWith("140322100") && data.identities.every((i) => i.personId !== p.id || !CIVIL.includes(i.type)));
  const [leaving1, leaving2, upgraded] = subsistence;
  const [joining1, joining2] = noCivil;
  if (!leaving1 || !leaving2 || !upgraded || !joining1 || !joining2) throw new Error("demo data too small for the demo lists");
  const civil: DemoListRow[] = [
    row(joining1, "低保", "新增（因病）", "2026-07-15"),
    row(joining2, "低保", "新增（因残）", "2026-08-03"),
    { ...DEMO_LIST_NEW_PERSON, category: "低保", householdSize: "1", reason: "新增（独居老人）", effectiveDate: "2026-08-20" },
    row(upgraded, "特困", "新增（低保转特困）", "2026-09-01"),
    row(leaving1, "低保", "减少（收入超标）", "2026-08-31"),
    row(leaving2, "低保", "减少（死亡）", "2026-09-12"),
  ];
  const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
  const civilWithErrors: DemoListRow[] = [
    { ...civil[0]!, idNumber: wrongCheck(civil[0]!.idNumber) },
    { ...civil[1]!, township: "秀山镇" },
    civil[2]!,
    civil[3]!,
    { ...civil[4]!, effectiveDate: "2026-10-08" },
    civil[5]!,
  ];

  const veteransHeld = yx.filter((p) => open(p.id, ["DEMOBILIZED", "WAR_VETERAN", "VETERAN_RURAL"]).length > 0);
  const noVeteran = yx.filter((p) => p.relationToHead === "HEAD" && data.identities.every((i) => i.personId !== p.id || !VETERAN.includes(i.type)) && p.birthDate < "1966-01-01");
  const [veteranLeaving] = veteransHeld;
  const [veteranJoining1, veteranJoining2] = noVeteran;
  if (!veteranLeaving || !veteranJoining1 || !veteranJoining2) throw new Error("demo data too small for the veterans' list");
  const leavingType = open(veteranLeaving.id, ["DEMOBILIZED", "WAR_VETERAN", "VETERAN_RURAL"])[0]!.type;
  const veterans: DemoListRow[] = [
    row(veteranJoining1, "农村籍退役人员", "新增（年满60周岁）", "2026-07-20"),
    row(veteranJoining2, "参战退役军人", "新增（补充认定）", "2026-08-10"),
    row(veteranLeaving, { DEMOBILIZED: "在乡复员军人", WAR_VETERAN: "参战退役军人", VETERAN_RURAL: "农村籍退役人员" }[leavingType as "DEMOBILIZED"], "减少（死亡）", "2026-09-05"),
  ];
  return { civil, civilWithErrors, veterans };
}
