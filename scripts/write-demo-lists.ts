// Writes the demo 动态调整 lists (lib/demo/roster-lists.ts) to prisma/demo-lists/ as xlsx in the
// 附件3 layout. Run after changing the demo data: `npx tsx scripts/write-demo-lists.ts`.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { generateDemoData } from "@/lib/demo/index";
import { DEMO_LIST_FILES, DEMO_LIST_HEADER, demoLists } from "@/lib/demo/roster-lists";

const TITLES = { civil: "民政局", civilWithErrors: "民政局", veterans: "退役军人事务局" } as const;

const lists = demoLists(generateDemoData());
for (const [key, file] of Object.entries(DEMO_LIST_FILES) as [keyof typeof DEMO_LIST_FILES, string][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "优抚医保通";
  workbook.created = new Date("2026-10-09T00:00:00Z");
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet("附件3");
  sheet.addRow([`盂县2026年第三季度医疗救助重点救助对象动态调整名单（${TITLES[key]}）`]);
  sheet.addRow([...DEMO_LIST_HEADER]);
  lists[key].forEach((r, i) => sheet.addRow([i + 1, r.township, r.name, r.idNumber, r.category, r.householdSize, r.reason, r.effectiveDate]));
  sheet.columns.forEach((c, i) => (c.width = [6, 12, 10, 22, 16, 10, 20, 12][i] ?? 12));
  await workbook.xlsx.writeFile(join(import.meta.dirname, "..", "prisma", "demo-lists", file));
  console.log(`${file}: ${lists[key].length} rows`);
}
