import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { MergeForm } from "@/components/people/merge-form";
import { refuseNotFound, requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { mergePreview } from "@/lib/people/duplicates.queries";
import { ageOn, maskIdNumber } from "@/lib/people/masking";
import { chinaDate } from "@/lib/workflow/case-machine";

export async function generateMetadata() {
  const t = await getTranslations("merge");
  return { title: t("title") };
}

type Side = NonNullable<Awaited<ReturnType<typeof mergePreview>>>["keep"];

export default async function MergePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("person:merge");
  const t = await getTranslations();
  const raw = await searchParams;
  const keepId = typeof raw.keep === "string" ? raw.keep : "";
  const mergeId = typeof raw.merge === "string" ? raw.merge : "";
  if (!keepId || !mergeId) {
    return (
      <section aria-labelledby="merge-title" className="space-y-4">
        <h1 id="merge-title" className="text-xl font-semibold">{t("merge.title")}</h1>
        <EmptyState title={t("merge.pick")} />
        <Link href="/people/duplicates" className="text-sm text-brand-700 underline underline-offset-2">{t("merge.toDuplicates")}</Link>
      </section>
    );
  }
  const preview = await mergePreview(actor, keepId, mergeId);
  if (!preview) return refuseNotFound(actor, { action: "person:merge", entity: "person", entityId: mergeId.slice(0, 64) });
  const { keep, merge } = preview;
  const today = new Date();
  const already = Boolean(keep.mergedIntoId || merge.mergedIntoId);
  const paid = merge._count.payouts > 0 || merge.ledger !== null;
  const moving = [
    ["claims", merge._count.claims],
    ["cases", merge._count.cases],
    ["identities", merge._count.identities],
    ["enrolments", merge._count.insuranceEnrollments],
    ["conditions", merge._count.conditions],
    ["proposals", merge._count.identityProposals],
    // The duplicate's serviceman record (decision 020): it moves, or its family joins the kept one's.
    ["family", merge.servicemanRecord?._count.family ?? 0],
  ] as const;

  const column = (side: Side, role: "duplicate" | "kept") => (
    <section aria-labelledby={`merge-${role}`} className={`rounded-lg border bg-white p-4 text-sm ${role === "duplicate" ? "border-amber-300" : "border-brand-300"}`} data-testid={`merge-${role}`}>
      <h2 id={`merge-${role}`} className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t(`merge.${role}`)}</h2>
      <p className="mt-1 text-lg font-semibold"><Link href={`/people/${side.id}`} className="text-brand-700 underline-offset-2 hover:underline">{side.name}</Link></p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">{t("people.idNumber")}</dt><dd className="font-mono tabular-nums">{maskIdNumber(side.idNumber)}</dd>
        <dt className="text-slate-500">{t("people.sex")}</dt><dd>{t(`sex.${side.sex}`)}</dd>
        <dt className="text-slate-500">{t("people.age")}</dt><dd>{t("people.ageYears", { age: ageOn(side.birthDate, today) })}</dd>
        <dt className="text-slate-500">{t("people.region")}</dt><dd>{side.region.parent ? `${side.region.parent.name} ` : ""}{side.region.name}</dd>
        <dt className="text-slate-500">{t("merge.registeredOn")}</dt><dd className="tabular-nums">{chinaDate(side.createdAt)}</dd>
        {side.diedOn ? <><dt className="text-slate-500">{t("people.diedOn")}</dt><dd className="tabular-nums">{formatDate(side.diedOn)}</dd></> : null}
        <dt className="text-slate-500">{t("people.identities")}</dt>
        <dd>{side.identities.length === 0 ? "—" : side.identities.map((i) => <span key={i.id} className="block tabular-nums">{t(`identity.${i.type}`)} {formatDate(i.validFrom)} — {i.validTo ? formatDate(i.validTo) : t("common.ongoing")}</span>)}</dd>
        {moving.map(([key]) => (
          <div key={key} className="contents"><dt className="text-slate-500">{t(`merge.count.${key}`)}</dt><dd className="tabular-nums">{countOf(side, key)}</dd></div>
        ))}
      </dl>
    </section>
  );

  return (
    <section aria-labelledby="merge-title" className="space-y-4">
      <Link href="/people/duplicates" className="text-sm text-brand-700 hover:underline">← {t("merge.toDuplicates")}</Link>
      <h1 id="merge-title" className="text-xl font-semibold">{t("merge.title")}</h1>
      <p className="text-sm text-slate-600">{t("merge.explain")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        {column(merge, "duplicate")}
        {column(keep, "kept")}
      </div>
      <Link href={`/people/merge?keep=${merge.id}&merge=${keep.id}`} className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">{t("merge.swap")}</Link>
      {already ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t("people.alreadyMerged")}</p> : paid ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t("people.mergePaid")}</p>
      ) : (
        <>
          <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="merge-moves">
            <h2 className="font-medium">{t("merge.willMove", { name: keep.name })}</h2>
            <ul className="mt-1 list-inside list-disc">
              {moving.map(([key, n]) => <li key={key}>{t(`merge.move.${key}`, { count: n })}</li>)}
            </ul>
            <p className="mt-2 text-slate-600">{t("merge.afterwards")}</p>
          </div>
          <MergeForm keepId={keep.id} mergeId={merge.id} />
        </>
      )}
    </section>
  );
}

function countOf(side: Side, key: "claims" | "cases" | "identities" | "enrolments" | "conditions" | "proposals" | "family"): number {
  const counts = side._count;
  if (key === "enrolments") return counts.insuranceEnrollments;
  if (key === "proposals") return counts.identityProposals;
  if (key === "family") return side.servicemanRecord?._count.family ?? 0;
  return counts[key];
}
