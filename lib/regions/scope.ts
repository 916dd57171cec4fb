import type { Actor } from "@/lib/auth/actor";

// A record is in scope when its region lies at or below the actor's region. Region paths are
// "/"-joined code chains, so a prefix match on path + "/" (or equality) is exact: 140322100 never
// matches 1403221000 by accident.
export function regionWhere(actor: Pick<Actor, "regionPath">) {
  return {
    OR: [{ path: actor.regionPath }, { path: { startsWith: `${actor.regionPath}/` } }],
  };
}

export function isPathInScope(actor: Pick<Actor, "regionPath">, path: string): boolean {
  return path === actor.regionPath || path.startsWith(`${actor.regionPath}/`);
}

/**
 * The region codes that start with `prefix` (a village's code extends its township's), as a range
 * rather than a LIKE, so that an index on the code can be walked in order and stop early (the
 * people list, docs/decisions/018). Codes are digits, which every collation orders digit by digit:
 * 140322101 ≤ 140322101xxx < 140322102.
 */
export function codesUnder(prefix: string): { gte: string; lt: string } | { startsWith: string } {
  if (!/^\d+$/.test(prefix) || /^9+$/.test(prefix)) return { startsWith: prefix };
  return { gte: prefix, lt: String(BigInt(prefix) + 1n).padStart(prefix.length, "0") };
}
