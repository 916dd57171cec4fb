import { describe, expect, it } from "vitest";
import { isDecodablePath } from "@/lib/security/request-path";

describe("isDecodablePath", () => {
  it("accepts ordinary, Chinese and reserved-character paths", () => {
    for (const p of ["/", "/people", "/people/%E4%B8%AD", "/people/------------------------------------", "/people/%00", "/a%2Fb"]) expect(isDecodablePath(p)).toBe(true);
  });
  it("refuses a lone surrogate and broken percent-encoding", () => {
    for (const p of ["/people/%ED%A0%80", "/people/%ZZ", "/people/%", "/people/%E4%B8"]) expect(isDecodablePath(p)).toBe(false);
  });
});
