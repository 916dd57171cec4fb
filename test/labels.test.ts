// One source for the words a refusal notice prints: the rules library (lib/rules/library) is the
// source of the Chinese labels of identities and claim types and of the reason messages, because
// they are part of the engine's output (worksheets, receipts' hashed reasons). messages/zh-CN.json
// carries the same text so pages render it through next-intl; messages/en.json translates it.
import { describe, expect, it } from "vitest";
import { CLAIM_TYPES, IDENTITY_TYPES } from "@/lib/rules/domain";
import { ALL_TIERS } from "@/lib/people/enrolment-tiers";
import { CONDITION_CODES, CONDITION_LISTS } from "@/lib/rules/library/conditions";
import { CLAIM_TYPE_LABELS, IDENTITY_LABELS } from "@/lib/rules/library/labels";
import { REASON_CODES, REASONS } from "@/lib/rules/library/reasons";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const SECTIONS = [
  { section: "identity", codes: IDENTITY_TYPES, library: IDENTITY_LABELS, zh: zh.identity, en: en.identity },
  { section: "claimType", codes: CLAIM_TYPES, library: CLAIM_TYPE_LABELS, zh: zh.claimType, en: en.claimType },
  { section: "reason", codes: REASON_CODES, library: Object.fromEntries(REASON_CODES.map((code) => [code, REASONS[code].message])), zh: zh.reason, en: en.reason },
] as const;

const CHINESE = /[\u4e00-\u9fff]/;

describe("labels: the rules library and the message files agree", () => {
  it("covers every code of each vocabulary", () => {
    expect(SECTIONS.map(({ section, codes }) => [section, codes.length])).toEqual([
      ["identity", 14],
      ["claimType", 8],
      ["reason", REASON_CODES.length],
    ]);
    for (const { codes, library } of SECTIONS) expect(Object.keys(library).sort()).toEqual([...codes].sort());
  });

  for (const { section, library, zh: messages } of SECTIONS) {
    it(`messages/zh-CN.json ${section}.* is the library's text, word for word (fix the message file, not the library)`, () => {
      expect(messages).toEqual(library);
    });
  }

  for (const { section, codes, en: messages } of SECTIONS) {
    it(`messages/en.json translates every ${section} code, in English`, () => {
      expect(Object.keys(messages).sort()).toEqual([...codes].sort());
      const untranslated = Object.entries(messages).filter(([, text]) => text.trim() === "" || CHINESE.test(text));
      expect(untranslated).toEqual([]);
    });
  }
});

describe("labels of the registry's conditions (codes from the policy library) and tiers", () => {
  it("every condition code and every policy list that names one has a label in both message files", () => {
    for (const code of CONDITION_CODES) {
      expect(zh.condition, code).toHaveProperty(code);
      expect(CHINESE.test((en.condition as Record<string, string>)[code] ?? "中"), code).toBe(false);
    }
    expect(Object.keys(zh.conditionList).sort()).toEqual([...CONDITION_LISTS].sort());
    expect(Object.keys(en.conditionList).sort()).toEqual([...CONDITION_LISTS].sort());
  });

  it("every tier of any jurisdiction has a label in both message files", () => {
    expect(Object.keys(zh.tier).sort()).toEqual([...ALL_TIERS].sort());
    expect(Object.keys(en.tier).sort()).toEqual([...ALL_TIERS].sort());
  });
});
