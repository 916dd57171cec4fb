// Which bureau sends which categories (YQ-JZ-2019 §6(1): 民政 the 低保/特困 lists, 退役军人事务 the
// 在乡重点优抚对象; issue 9: 民政 also the 低收入), and the words the lists use for them.
import type { IdentityType } from "@/lib/generated/prisma/enums";
import { IDENTITY_LABELS } from "@/lib/rules/library/labels";

export const ROSTER_BUREAUS = ["CIVIL_AFFAIRS", "VETERANS_AFFAIRS"] as const;
export type RosterBureau = (typeof ROSTER_BUREAUS)[number];

export const BUREAU_CATEGORIES: Readonly<Record<RosterBureau, readonly IdentityType[]>> = {
  CIVIL_AFFAIRS: ["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"],
  VETERANS_AFFAIRS: [
    "DEMOBILIZED",
    "WAR_VETERAN",
    "NUCLEAR_TEST_VETERAN",
    "ILL_RETURNED_VETERAN",
    "MARTYR_FAMILY",
    "DUTY_DEATH_FAMILY",
    "ILLNESS_DEATH_FAMILY",
    "VETERAN_RURAL",
    "VETERAN",
    "VETERAN_FAMILY",
  ],
};

/**
 * A person is in at most one of 特困, 低保 and 低收入 at a time (each is the tier below the other):
 * moving between them is a change, being listed in two is a conflict. 优抚 identities combine.
 */
export const EXCLUSIVE_GROUPS: readonly (readonly IdentityType[])[] = [["EXTREME_POVERTY", "SUBSISTENCE", "LOW_INCOME"]];

export function exclusiveWith(type: IdentityType): readonly IdentityType[] {
  return EXCLUSIVE_GROUPS.find((group) => group.includes(type))?.filter((t) => t !== type) ?? [];
}

// The short forms the bureaus write in the 类别 column, besides the full labels.
const ALIASES: Readonly<Record<string, IdentityType>> = {
  特困: "EXTREME_POVERTY",
  特困人员: "EXTREME_POVERTY",
  特困供养: "EXTREME_POVERTY",
  低保: "SUBSISTENCE",
  城乡低保: "SUBSISTENCE",
  农村低保: "SUBSISTENCE",
  城市低保: "SUBSISTENCE",
  低保户: "SUBSISTENCE",
  低收入: "LOW_INCOME",
  低收入人口: "LOW_INCOME",
  复员军人: "DEMOBILIZED",
  在乡复员军人: "DEMOBILIZED",
  参战: "WAR_VETERAN",
  参战人员: "WAR_VETERAN",
  参试: "NUCLEAR_TEST_VETERAN",
  参试人员: "NUCLEAR_TEST_VETERAN",
  带病回乡: "ILL_RETURNED_VETERAN",
  烈属: "MARTYR_FAMILY",
  烈士家属: "MARTYR_FAMILY",
  因公牺牲遗属: "DUTY_DEATH_FAMILY",
  病故遗属: "ILLNESS_DEATH_FAMILY",
};

const BY_WORD: ReadonlyMap<string, IdentityType> = new Map([
  ...Object.entries(IDENTITY_LABELS).map(([type, label]) => [label, type as IdentityType] as const),
  ...Object.entries(ALIASES),
]);

export function categoryOf(word: string): IdentityType | null {
  return BY_WORD.get(word.replace(/\s+/g, "")) ?? null;
}
