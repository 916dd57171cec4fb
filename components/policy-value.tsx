import { formatMoney } from "@/lib/format";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Renders a parameter's value as data: amounts as ¥, rates as they are ("85%"), code lists as
// chips, tables as nested definition lists.
export function PolicyValue({ value, depth = 0 }: { value: Json; depth?: number }) {
  if (value === null) return <span className="text-slate-400">—</span>;
  if (typeof value === "string") return <span className="tabular-nums">{/^\d+\.\d{2}$/.test(value) ? formatMoney(value) : value}</span>;
  if (typeof value === "number" || typeof value === "boolean") return <span className="tabular-nums">{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) {
      return (
        <span className="flex flex-wrap gap-1">
          {value.map((v, i) => <span key={`${String(v)}-${i}`} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{String(v)}</span>)}
        </span>
      );
    }
    return (
      <ol className="space-y-1">
        {value.map((v, i) => <li key={i} className="border-l border-slate-200 pl-2"><PolicyValue value={v} depth={depth + 1} /></li>)}
      </ol>
    );
  }
  return (
    <dl className={`grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 ${depth > 0 ? "text-xs" : ""}`}>
      {Object.entries(value).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-mono text-xs text-slate-500">{k}</dt>
          <dd><PolicyValue value={v} depth={depth + 1} /></dd>
        </div>
      ))}
    </dl>
  );
}
