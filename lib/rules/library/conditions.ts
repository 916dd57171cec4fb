// The conditions a person's record may carry, read from the policy lists that name them: the
// 在乡复员军人 extras (cancer, long-term bedridden), the 7 large outpatient diseases, the 26 major
// diseases, the two diseases and the card's 7 chronic diseases. A new list or disease in the
// library is a new code here, with no code change; its labels are in the message files.
import type { Condition } from "../domain";
import type { Citation } from "./documents";
import type { DiseaseGroup, ParameterId, ParameterValues, ParameterVersion } from "./parameters";
import type { PolicyLibrary } from "./policy-library";
import { DEFAULT_LIBRARY } from "./policy-library";

export const CONDITION_LISTS = ["allowanceExtras", "largeOutpatient", "majorDisease", "twoDiseases", "cardChronic"] as const;
export type ConditionList = (typeof CONDITION_LISTS)[number];

export type ConditionEntry = { code: Condition; lists: ConditionList[]; citations: Citation[] };

type ListVersion = { citation: Citation; groups: readonly (readonly Condition[])[] };

function versionsOf<K extends ParameterId>(library: PolicyLibrary, id: K): readonly ParameterVersion<ParameterValues[K]>[] {
  return library.data.parameters[id].versions;
}

// Each list as groups of codes: a disease with the spellings a bill may carry; a plain code is a group of one.
function listVersions(library: PolicyLibrary): [ConditionList, ListVersion[]][] {
  const single = (codes: readonly string[]) => codes.map((code) => [code]);
  const diseases = (groups: readonly DiseaseGroup[]) => groups.map((group) => group.codes);
  return [
    ["allowanceExtras", versionsOf(library, "specialCare.monthlyAllowance").map((v) => ({ citation: v.citation, groups: single(Object.keys(v.value.extras)) }))],
    ["largeOutpatient", versionsOf(library, "assistance.largeOutpatientDiseases").map((v) => ({ citation: v.citation, groups: diseases(v.value) }))],
    ["majorDisease", versionsOf(library, "assistance.majorDiseaseQuota").map((v) => ({ citation: v.citation, groups: diseases(v.value.diseases) }))],
    ["twoDiseases", versionsOf(library, "insurance.twoDiseases").map((v) => ({ citation: v.citation, groups: single(Object.keys(v.value.limits)) }))],
    ["cardChronic", versionsOf(library, "card.chronic").map((v) => ({ citation: v.citation, groups: single(v.value.diseases) }))],
  ];
}

/**
 * Every condition code of every version of those lists, once, in list order. A disease is recorded
 * under the first of its codes, unless one of them is already a condition (恶性肿瘤 is the extras'
 * CANCER; 儿童苯丙酮尿症 the outpatient list's PHENYLKETONURIA).
 */
export function conditionCatalogue(library: PolicyLibrary = DEFAULT_LIBRARY): ConditionEntry[] {
  const entries = new Map<Condition, ConditionEntry>();
  for (const [list, versions] of listVersions(library)) {
    for (const version of versions) {
      for (const codes of version.groups) {
        const code = codes.find((c) => entries.has(c)) ?? codes[0];
        if (code === undefined) continue;
        const entry = entries.get(code) ?? { code, lists: [], citations: [] };
        if (!entry.lists.includes(list)) entry.lists.push(list);
        if (!entry.citations.some((c) => c.document === version.citation.document && c.article === version.citation.article)) entry.citations.push(version.citation);
        entries.set(code, entry);
      }
    }
  }
  return [...entries.values()];
}

const CATALOGUE = conditionCatalogue();

/** The codes a registry condition may have (the form's choices; the command refuses others). */
export const CONDITION_CODES: readonly Condition[] = CATALOGUE.map((entry) => entry.code);

/** The conditions that change an entitlement (QJ-YF-2023 Art. 8(1)): the trial form's choices. */
export const ALLOWANCE_EXTRA_CONDITIONS: readonly Condition[] = CATALOGUE.filter((entry) => entry.lists.includes("allowanceExtras")).map((entry) => entry.code);
