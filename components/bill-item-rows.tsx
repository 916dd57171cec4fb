"use client";

import { useTranslations } from "next-intl";
import { FEE_KINDS, ITEM_CLASSES } from "@/lib/rules/domain";

/**
 * The rows of a hospital bill's items (fee kind, class, amount, days), as the trial form and the
 * application's bill form both enter them: fields `item_fee_<i>`, `item_class_<i>`,
 * `item_amount_<i>`, `item_days_<i>`, gathered by their schemas.
 */
export function BillItemRows({ rows, value, amountError }: { rows: number; value: (name: string) => string | undefined; amountError?: (row: number) => string | undefined }) {
  const t = useTranslations("trial");
  const label = (row: number, field: string) => t("rowLabel", { row: row + 1, field: t(field) });
  return (
    <table className="mt-1 min-w-full text-sm">
      <thead className="text-left text-slate-700">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">{t("fee")}</th>
          <th scope="col" className="py-1 pr-2 font-medium">{t("class")}</th>
          <th scope="col" className="py-1 pr-2 font-medium">{t("amount")}</th>
          <th scope="col" className="py-1 pr-2 font-medium">{t("days")}</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            <td className="py-1 pr-2">
              <select name={`item_fee_${i}`} aria-label={label(i, "fee")} defaultValue={value(`item_fee_${i}`) || "OTHER"} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5">
                {FEE_KINDS.map((f) => <option key={f} value={f}>{t(`feeKind.${f}`)}</option>)}
              </select>
            </td>
            <td className="py-1 pr-2">
              <select name={`item_class_${i}`} aria-label={label(i, "class")} defaultValue={value(`item_class_${i}`) || "A"} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5">
                {ITEM_CLASSES.map((c) => <option key={c} value={c}>{t(`itemClass.${c}`)}</option>)}
              </select>
            </td>
            <td className="py-1 pr-2">
              <input name={`item_amount_${i}`} inputMode="decimal" aria-label={label(i, "amount")} aria-invalid={amountError?.(i) ? true : undefined} defaultValue={value(`item_amount_${i}`)} className="w-full rounded-md border border-slate-300 px-2 py-1.5 tabular-nums aria-[invalid]:border-red-600" />
            </td>
            <td className="py-1 pr-2">
              <input name={`item_days_${i}`} inputMode="numeric" aria-label={label(i, "days")} defaultValue={value(`item_days_${i}`)} className="w-24 rounded-md border border-slate-300 px-2 py-1.5 tabular-nums" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
