import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeIdNumber } from "@/lib/people/id-number";
import { ageOn, maskBankAccount, maskIdNumber } from "@/lib/people/masking";

describe("maskIdNumber", () => {
  it("keeps the first 6 and last 4", () => {
    expect(maskIdNumber("140322195003011234")).toBe("140322********1234");
    expect(maskIdNumber("11010519491231002x")).toBe("110105********002X");
  });
  it("masks other lengths without leaking more than the last 4", () => {
    expect(maskIdNumber("12345678")).toBe("****5678");
    expect(maskIdNumber("123")).toBe("***");
  });
  it("leaves nothing of the birth date: with the age beside it, dozens of numbers still fit the mask", () => {
    const today = new Date(Date.UTC(2026, 11, 1));
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1920, 0, 1)), max: new Date(Date.UTC(2020, 0, 1)), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (birth, seq) => {
        const id = makeIdNumber("140322", birth, seq, "M");
        const masked = maskIdNumber(id);
        const age = ageOn(birth, today);
        // Every birth date the age allows, with the visible sequence: how many give the same masked text?
        let fits = 0;
        for (let d = Date.UTC(today.getUTCFullYear() - age - 1, 0, 1); d <= Date.UTC(today.getUTCFullYear() - age, 11, 31); d += 86_400_000) {
          const candidate = new Date(d);
          if (ageOn(candidate, today) === age && maskIdNumber(makeIdNumber("140322", candidate, Number(id.slice(14, 17)), "M")) === masked) fits++;
        }
        expect(masked.slice(6, 14)).toBe("********");
        expect(fits).toBeGreaterThan(10);
      }),
      { seed: 20261201, numRuns: 100 },
    );
  });
});

describe("maskBankAccount", () => {
  it("shows only the last four digits", () => {
    expect(maskBankAccount("6222 0212 3456 7890")).toBe("**** **** **** 7890");
    expect(maskBankAccount("6217000010001234567")).toBe("**** **** **** ***4 567");
    expect(maskBankAccount("123")).toBe("***");
  });
});

describe("ageOn", () => {
  it("counts whole years, the birthday itself included", () => {
    const birth = new Date(Date.UTC(1960, 4, 15));
    expect(ageOn(birth, new Date(Date.UTC(2026, 4, 14)))).toBe(65);
    expect(ageOn(birth, new Date(Date.UTC(2026, 4, 15)))).toBe(66);
  });
});
