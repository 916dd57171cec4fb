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
