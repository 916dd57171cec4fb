import { DEFAULT_LIBRARY } from "@/lib/rules/library/policy-library";

/** Document key → its number (晋医保发〔2024〕19号 …), for citations on worksheets. */
export function documentNames(): Record<string, string> {
  return Object.fromEntries(DEFAULT_LIBRARY.data.documents.map((d) => [d.key, d.number]));
}
