import { describe, expect, it } from "vitest";
import { makeIdNumber } from "@/lib/people/id-number";
import { createPersonSchema, idNumberField, updatePersonSchema } from "@/lib/people/person.schema";

const messageOf = (input: string) => {
  const r = idNumberField.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => i.message);
};

describe("idNumberField", () => {
  it("accepts a valid number, a final X and a lower-case x, and derives birth date and sex", () => {
    expect(idNumberField.parse("440524188001010014")).toMatchObject({ idNumber: "440524188001010014", birthDate: "1880-01-01", sex: "M" });
    expect(idNumberField.parse("11010519491231002X")).toMatchObject({ idNumber: "11010519491231002X", birthDate: "1949-12-31", sex: "F" });
    expect(idNumberField.parse(" 11010519491231002x ")).toMatchObject({ idNumber: "11010519491231002X" });
  });
  it("names what is wrong: check digit, legacy 15 digits, length, format, birth date, missing", () => {
    expect(messageOf("110105194912310021")).toEqual(["validation.idNumberCheckDigit"]);
    expect(messageOf("11010519491231002Y")).toEqual(["validation.idNumberFormat"]);
    expect(messageOf("140322580309123")).toEqual(["validation.idNumberLegacy"]);
    expect(messageOf("14032258030912")).toEqual(["validation.idNumberLength"]);
    const first = "14032219490230123";
    expect(messageOf(first + makeIdNumber("140322", "1949-03-01", 123, "M").slice(17))).toEqual(["validation.idNumberBirthDate"]);
    expect(messageOf("  ")).toEqual(["validation.idNumberRequired"]);
  });
});

describe("person schemas", () => {
  const base = { idNumber: "440524188001010014", name: "李四", regionCode: "140322100", ruralHukou: "false", hukouProvince: "SX", phone: "", bankAccount: "6222 0212 3456 7890" };
  it("keeps empty optional fields as null and strips the card's spaces", () => {
    expect(createPersonSchema.parse(base)).toMatchObject({ ruralHukou: false, phone: null, bankAccount: "6222021234567890" });
  });
  it("an edit with a blank ID number keeps the number", () => {
    expect(updatePersonSchema.parse({ ...base, id: "6f1e2f4a-0a7b-4c1d-9e2f-3a4b5c6d7e8f", version: "3", idNumber: "", diedOn: "", movedOutOn: "2025-05-01" })).toMatchObject({ idNumber: undefined, version: 3, diedOn: null, movedOutOn: "2025-05-01" });
  });
});
