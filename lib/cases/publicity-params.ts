import type { Actor } from "@/lib/auth/actor";
import { isIsoDate } from "@/lib/rules/dates";
import { chinaDate } from "@/lib/workflow/case-machine";
import { addDays } from "@/lib/workflow/deadlines";

// The 公示 list's township and period, from the page's (or the PDF link's) query string. A
// township officer's list is their township's; the county chooses. The period defaults to the
// 公示 that started in the last 30 days.
export type PublicityParams = { township: string | null; from: string; to: string };

export function publicityParams(actor: Pick<Actor, "regionCode" | "role">, raw: Record<string, string | string[] | undefined>, townships: readonly { code: string }[]): PublicityParams {
  const one = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string).trim() : "");
  const today = chinaDate(new Date());
  const to = isIsoDate(one("to")) ? one("to") : today;
  const from = isIsoDate(one("from")) ? one("from") : addDays(to, -30);
  const asked = one("township");
  const own = townships.find((r) => r.code === actor.regionCode)?.code ?? null;
  const township = own ?? townships.find((r) => r.code === asked)?.code ?? null;
  return { township, from: from <= to ? from : to, to };
}

export function publicityQuery(params: PublicityParams): string {
  return new URLSearchParams({ ...(params.township ? { township: params.township } : {}), from: params.from, to: params.to }).toString();
}
