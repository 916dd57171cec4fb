import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { formatMoney } from "@/lib/format";
import { WORKSHEET_AMOUNTS, type WorksheetCitation, type WorksheetData } from "@/lib/trial/worksheet";

export type DocumentNames = Record<string, string>;

function Citation({ citation, documents }: { citation: WorksheetCitation; documents: DocumentNames }) {
  if (!citation) return <span className="text-slate-400">—</span>;
  return (
    <cite className="not-italic" data-testid="citation">
      {documents[citation.document] ?? citation.document} {citation.article}
    </cite>
  );
}

function show(value: unknown, separator: string): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return /^-?\d+\.\d{2}$/.test(value) ? formatMoney(value) : value;
  if (Array.isArray(value)) return value.map((v) => show(v, separator)).join(separator);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The calculation worksheet: what each stage paid, the article behind each amount, why a stage
 * paid nothing, and the full trace with the receipt an auditor can re-check.
 */
export function Worksheet({ data, documents }: { data: WorksheetData; documents: DocumentNames }) {
  const t = useTranslations("worksheet");
  const f = useTranslations("format");
  const list = f("listSeparator");
  return (
    <section aria-labelledby="worksheet-title" className="space-y-5" data-testid="worksheet">
      <h2 id="worksheet-title" className="text-lg font-semibold">{t("title")}</h2>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {WORKSHEET_AMOUNTS.map((field) => (
          <div key={field} className={`rounded-lg border p-3 ${field === "personal" ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}>
            <dt className="text-xs text-slate-600">{t(`amounts.${field}`)}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={`amount-${field}`}>{formatMoney(data[field])}</dd>
          </div>
        ))}
      </dl>

      <DataTable caption={t("lines")} showCaption columns={[{ label: t("item") }, { label: t("amount"), align: "right" }, { label: t("basis") }]}>
            {data.lines.length === 0 ? (
              <tr><td colSpan={3} className="px-3 py-3 text-slate-500">{t("noLines")}</td></tr>
            ) : data.lines.map((line) => (
              <tr key={line.id} data-testid={`line-${line.id}`}>
                <td className="px-3 py-2">{line.label}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.amount)}</td>
                <td className="px-3 py-2"><Citation citation={line.citation} documents={documents} /></td>
              </tr>
            ))}
      </DataTable>

      {data.reasons.length > 0 ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
          <h3 className="font-medium text-amber-900">{t("reasons")}</h3>
          <ul className="mt-2 space-y-1">
            {data.reasons.map((r, i) => (
              <li key={`${r.code}-${i}`} data-testid={`reason-${r.code}`}>
                <span className="font-mono text-xs text-amber-800">{r.code}</span> {r.message}
                {r.detail ? t("detail", { detail: r.detail }) : ""} — <Citation citation={r.citation} documents={documents} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {data.flags.length > 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <h3 className="font-medium">{t("flags")}</h3>
          <ul className="mt-2 space-y-1">
            {data.flags.map((f, i) => (
              <li key={`${f.code}-${f.field}-${i}`}>
                {t(`flag.${f.code === "SETTLED_DIFFERS" ? "differs" : f.code === "SETTLED_PAST_CAP" ? "pastCap" : "used"}`, { field: t.has(`amounts.${f.field}`) ? t(`amounts.${f.field}`) : f.field, settled: formatMoney(f.settled), computed: f.computed ? formatMoney(f.computed) : "", cap: f.cap ? formatMoney(f.cap) : "", paidBefore: f.paidBefore ? formatMoney(f.paidBefore) : "" })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t("trace", { count: data.trace.length })}</summary>
        <ol className="mt-3 space-y-2">
          {data.trace.map((line, i) => (
            <li key={`${line.id}-${i}`} className="border-l-2 border-brand-100 pl-3">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-mono text-xs text-slate-500">{line.id}</span>
                <span>{line.label}</span>
                <span className="font-semibold tabular-nums">{show(line.value, list)}</span>
              </div>
              <div className="text-slate-600">{line.formula}</div>
              {Object.keys(line.inputs).length > 0 ? (
                <div className="text-xs text-slate-500">
                  {Object.entries(line.inputs).map(([k, v]) => `${k} = ${show(v, list)}`).join(f("clauseSeparator"))}
                </div>
              ) : null}
              <div className="text-xs text-slate-500">
                <Citation citation={line.citation} documents={documents} />
                {line.params.length > 0 ? ` · ${f("label", { label: t("params") })}${line.params.map((p) => `${p.id}@${p.jurisdiction}@${p.from}`).join(list)}` : ""}
              </div>
            </li>
          ))}
        </ol>
      </details>

      {data.receipt ? (
        <dl className="grid gap-1 rounded-lg border border-slate-200 bg-white p-3 font-mono text-xs text-slate-600" data-testid="receipt">
          <div><dt className="inline">{f("label", { label: t("receipt.engine") })}</dt><dd className="inline">{data.receipt.engineVersion}</dd></div>
          <div><dt className="inline">{f("label", { label: t("receipt.ruleset") })}</dt><dd className="inline break-all">{data.receipt.rulesetHash}</dd></div>
          <div><dt className="inline">{f("label", { label: t("receipt.input") })}</dt><dd className="inline break-all">{data.receipt.inputHash}</dd></div>
          <div><dt className="inline">{f("label", { label: t("receipt.output") })}</dt><dd className="inline break-all">{data.receipt.outputHash}</dd></div>
        </dl>
      ) : null}
    </section>
  );
}
