import { describe, expect, it } from "vitest";
import { formatDate, formatMoney } from "@/lib/format";

describe("formatMoney", () => {
  it("groups thousands and keeps two decimals", () => {
    expect(formatMoney("1234.56")).toBe("¥1,234.56");
    expect(formatMoney("1234567.5")).toBe("¥1,234,567.50");
    expect(formatMoney("0")).toBe("¥0.00");
    expect(formatMoney("-30.00")).toBe("-¥30.00");
    expect(formatMoney("007.10")).toBe("¥7.10");
  });
  it("refuses what is not an exact amount", () => {
    expect(() => formatMoney("1.234")).toThrow();
    expect(() => formatMoney("abc")).toThrow();
  });
});

describe("formatDate", () => {
  it("prints YYYY-MM-DD", () => {
    expect(formatDate(new Date("2025-03-10T00:00:00Z"))).toBe("2025-03-10");
    expect(formatDate("2025-03-10")).toBe("2025-03-10");
  });
});
