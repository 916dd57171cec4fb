import { describe, expect, it } from "vitest";
import { parseCaseFile } from "@/lib/rules/case.schema";
import { caseFileConverter } from "./case-file";
import { generateDemoData } from "./index";

describe("demo data as rules case files", () => {
  const data = generateDemoData();
  const toCase = caseFileConverter(data);

  it("gives every demo person a case file the rules module accepts", () => {
    for (const p of data.people) {
      const r = parseCaseFile(toCase(p.id));
      expect(r.ok ? [] : r.issues, p.id).toEqual([]);
    }
  });

  it("says how family members are related to the serviceman", () => {
    const family = data.people.filter((p) =>
      data.identities.some((i) => i.personId === p.id && ["MARTYR_FAMILY", "DUTY_DEATH_FAMILY", "ILLNESS_DEATH_FAMILY", "VETERAN_FAMILY"].includes(i.type)),
    );
    expect(family.length).toBeGreaterThan(20);
    for (const p of family) expect(toCase(p.id).person.relation, p.id).toBeDefined();
  });
});
