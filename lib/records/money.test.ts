import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { decimalToFen, decimalToRate, fenToDecimal } from "./money";

const dec = (text: string) => new Prisma.Decimal(text);
const MAX_FEN = 10n ** 14n - 1n;

describe("decimalToFen / fenToDecimal", () => {
  it.each([
    ["0", 0n],
    ["0.00", 0n],
    ["-0.00", 0n],
    ["0.01", 1n],
    ["0.1", 10n],
    ["1234.5", 123450n],
    ["1234.56", 123456n],
    ["-1234.56", -123456n],
    ["-0.01", -1n],
    ["999999999999.99", MAX_FEN],
    ["-999999999999.99", -MAX_FEN],
  ])("reads %s yuan as %s fen", (text, fen) => {
    expect(decimalToFen(dec(text))).toBe(fen);
  });

  it.each(["0.005", "1.001", "-0.005", "12.345"])("refuses %s (more than two decimals)", (text) => {
    expect(() => decimalToFen(dec(text))).toThrow(/at most two decimals/);
  });

  it("refuses an amount the column cannot hold, both ways", () => {
    expect(() => decimalToFen(dec("1000000000000.00"))).toThrow(/range/);
    expect(() => fenToDecimal(MAX_FEN + 1n)).toThrow(/range/);
    expect(() => fenToDecimal(-MAX_FEN - 1n)).toThrow(/range/);
  });

  it("writes two decimals", () => {
    expect(fenToDecimal(0n).toFixed(2)).toBe("0.00");
    expect(fenToDecimal(-5n).toFixed(2)).toBe("-0.05");
    expect(fenToDecimal(123450n).toFixed(2)).toBe("1234.50");
    expect(fenToDecimal(MAX_FEN).toFixed(2)).toBe("999999999999.99");
  });

  it("round-trips every fen amount the column holds", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_FEN, max: MAX_FEN }), (fen) => {
        expect(decimalToFen(fenToDecimal(fen))).toBe(fen);
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it("round-trips every two-decimal yuan text", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, negative) => {
        const text = `${negative ? "-" : ""}${whole}.${String(cents).padStart(2, "0")}`;
        expect(fenToDecimal(decimalToFen(dec(text))).equals(dec(text))).toBe(true);
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});

describe("decimalToRate", () => {
  it("reads a card marking exactly", () => {
    expect(decimalToRate(dec("0.2500"))).toEqual({ num: 25n, den: 100n });
    expect(decimalToRate(dec("0.15"))).toEqual({ num: 15n, den: 100n });
    expect(decimalToRate(dec("1"))).toEqual({ num: 1n, den: 1n });
  });

  it("refuses a negative rate", () => {
    expect(() => decimalToRate(dec("-0.1"))).toThrow(/rate/);
  });
});
