import { z } from "zod";

// PostgreSQL refuses a NUL byte in text and a lone UTF-16 surrogate in JSON; other control
// characters have no place in a name or a search. Refused at the schema, with a message, before
// they reach a query (where they were a 500).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function isCleanText(text: string): boolean {
  return text.search(CONTROL) < 0 && text.search(LONE_SURROGATE) < 0;
}

/** For text that is kept rather than refused (the audit log's record of what was tried): controls dropped, a lone surrogate as U+FFFD. */
export function storableText(text: string): string {
  return text.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** Free text typed into a form or a URL: at most `max` characters, nothing PostgreSQL would refuse. */
export function cleanText(max: number, tooLong = "validation.tooLong") {
  return z.string().max(max, { message: tooLong }).refine(isCleanText, { message: "validation.invalidCharacters" });
}

/** A LIKE pattern's wildcards typed by a user match themselves (Prisma's `contains` does not escape them). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
