type Column = { label: string; align?: "left" | "right" };

/** The house table: a caption for screen readers (or shown), header cells with scope, striped body. */
export function DataTable({ caption, showCaption = false, columns, children, testId, alignTop = false }: {
  caption: string;
  showCaption?: boolean;
  columns: Column[];
  children: React.ReactNode;
  testId?: string;
  alignTop?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <caption className={showCaption ? "px-3 py-2 text-left font-medium" : "sr-only"}>{caption}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={`px-3 py-2 font-medium ${c.align === "right" ? "text-right" : ""}`}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-slate-100 ${alignTop ? "align-top" : ""}`}>{children}</tbody>
      </table>
    </div>
  );
}
