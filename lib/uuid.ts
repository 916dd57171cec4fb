import { z } from "zod";

const uuid = z.uuid();

/** Ids in URLs and forms are checked before a query: a malformed one (36 hyphens) would make PostgreSQL throw. */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
