// Display formats fixed by the house style: dates YYYY-MM-DD, money ¥1,234.56. Amounts arrive as
// exact decimal strings ("1234.5", "-3.00"); formatting never goes through a float.
export function formatMoney(amount: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole = "0", frac = ""] = m;
  const grouped = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${grouped}.${frac.padEnd(2, "0")}`;
}

export function formatDate(date: Date | string): string {
  if (typeof date === "string") return date.slice(0, 10);
  return date.toISOString().slice(0, 10);
}

/** A moment as the county reads it: Beijing time, YYYY-MM-DD HH:mm:ss. */
export function formatDateTime(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 19).replace("T", " ");
}
