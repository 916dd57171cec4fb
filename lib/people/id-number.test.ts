import { describe, expect, it } from "vitest";
import { checkDigit, makeIdNumber, validateIdNumber } from "./id-number";

const TODAY = new Date(Date.UTC(2026, 0, 1));

describe("checkDigit", () => {
  it("computes the GB 11643-1999 examples", () => {
    expect(checkDigit("11010519491231002")).toBe("X");
    expect(checkDigit("44052418800101001")).toBe("4");
  });
  it("rejects input that is not 17 digits", () => {
    expect(() => checkDigit("1234")).toThrow();
    expect(() => checkDigit("1101051949123100X")).toThrow();
  });
});

describe("validateIdNumber", () => {
  it("accepts the standard's examples and reads birth date, sex and area", () => {
    expect(validateIdNumber("11010519491231002X", TODAY)).toEqual({
      ok: true,
      idNumber: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "F",
      areaCode: "110105",
    });
    expect(validateIdNumber("440524188001010014", TODAY)).toMatchObject({ ok: true, birthDate: "1880-01-01", sex: "M" });
  });
  it("accepts a lower-case x and normalises it", () => {
    const r = validateIdNumber(" 11010519491231002x ", TODAY);
    expect(r).toMatchObject({ ok: true, idNumber: "11010519491231002X" });
  });
  it("reports LENGTH", () => {
    expect(validateIdNumber("", TODAY)).toEqual({ ok: false, reason: "LENGTH" });
    expect(validateIdNumber("11010519491231002", TODAY)).toEqual({ ok: false, reason: "LENGTH" });
    expect(validateIdNumber("11010519491231002X1", TODAY)).toEqual({ ok: false, reason: "LENGTH" });
    expect(validateIdNumber("110105491231002", TODAY)).toEqual({ ok: false, reason: "LENGTH" });
  });
  it("reports FORMAT", () => {
    expect(validateIdNumber("1101051949123100XX", TODAY)).toEqual({ ok: false, reason: "FORMAT" });
    expect(validateIdNumber("11010519491231002Y", TODAY)).toEqual({ ok: false, reason: "FORMAT" });
    expect(validateIdNumber("11010519491231 02X", TODAY)).toEqual({ ok: false, reason: "FORMAT" });
  });
  it("reports BIRTH_DATE for impossible or future dates", () => {
    const mk = (ymd: string) => {
      const first = `140322${ymd}123`;
      return first + checkDigit(first);
    };
    expect(validateIdNumber(mk("19490230"), TODAY)).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdNumber(mk("19491301"), TODAY)).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdNumber(mk("19490001"), TODAY)).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdNumber(mk("19000229"), TODAY)).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdNumber(mk("20260102"), TODAY)).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdNumber(mk("20000229"), TODAY).ok).toBe(true);
    expect(validateIdNumber(mk("20260101"), TODAY).ok).toBe(true);
  });
  it("reports CHECK_DIGIT", () => {
    expect(validateIdNumber("110105194912310021", TODAY)).toEqual({ ok: false, reason: "CHECK_DIGIT" });
    expect(validateIdNumber("440524188001010015", TODAY)).toEqual({ ok: false, reason: "CHECK_DIGIT" });
  });
});

describe("makeIdNumber", () => {
  it("builds valid IDs with the requested sex, date and area", () => {
    for (const [sex, seq] of [["M", 0], ["M", 998], ["M", 999], ["F", 1], ["F", 0], ["F", 999]] as const) {
      const id = makeIdNumber("500110", "1962-07-15", seq, sex);
      const r = validateIdNumber(id, TODAY);
      expect(r).toMatchObject({ ok: true, sex, birthDate: "1962-07-15", areaCode: "500110" });
    }
  });
  it("accepts a Date", () => {
    const id = makeIdNumber("140322", new Date(Date.UTC(1950, 2, 1)), 123, "M");
    expect(id.slice(0, 17)).toBe("14032219500301123");
  });
  it("rejects bad arguments", () => {
    expect(() => makeIdNumber("14032", "1950-03-01", 1, "M")).toThrow();
    expect(() => makeIdNumber("140322", "1950-02-30", 1, "M")).toThrow();
    expect(() => makeIdNumber("140322", "1950-03-01", 1000, "M")).toThrow();
  });
});
