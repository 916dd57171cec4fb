// The one crossing between the database's yuan (numeric(14,2), Prisma Decimal) and the rules
// module's fen (bigint). Both directions go through the decimal text, never through a float, and
// neither rounds: a third decimal is a data error, not something to round away.
import { Prisma } from "@/lib/generated/prisma/client";
import { formatYuan, parseRate, parseYuan, type Fen, type Rate } from "@/lib/rules/money";

/** numeric(14,2) holds twelve digits before the point: |fen| < 10^14. */
const FEN_LIMIT = 10n ** 14n;

function assertInColumn(fen: Fen, text: string): void {
  if (fen >= FEN_LIMIT || fen <= -FEN_LIMIT) throw new RangeError(`amount out of numeric(14,2) range: ${text}`);
}

/** A numeric(14,2) amount in yuan as fen; throws on more than two decimals or out of range. */
export function decimalToFen(value: Prisma.Decimal): Fen {
  // toFixed() without digits writes the exact value and never uses exponent notation.
  const text = value.toFixed();
  let fen: Fen;
  try {
    fen = parseYuan(text);
  } catch {
    throw new RangeError(`not a yuan amount with at most two decimals: ${text}`);
  }
  assertInColumn(fen, text);
  return fen;
}

/** Fen as the Decimal a numeric(14,2) column stores; throws when it does not fit the column. */
export function fenToDecimal(fen: Fen): Prisma.Decimal {
  const text = formatYuan(fen);
  assertInColumn(fen, text);
  return new Prisma.Decimal(text);
}

/** A numeric(5,4) rate (a pharmacy-card marking such as 0.25) as an exact fraction. */
export function decimalToRate(value: Prisma.Decimal): Rate {
  const text = value.toFixed();
  try {
    return parseRate(text);
  } catch {
    throw new RangeError(`not a non-negative rate: ${text}`);
  }
}
