// The current list of a bureau's categories in the county, in the layout of YQ-JZ-2019 附件2
// ("____县医疗救助重点救助对象名单"), with full ID numbers because the medical-security bureau marks
// the identities in its settlement system by them: every export is audited (PIPL Art. 51).
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { DomainError } from "@/lib/errors";
import { IDENTITY_LABELS } from "@/lib/rules/library/labels";
import { BUREAU_CATEGORIES, ROSTER_BUREAUS } from "@/lib/roster/roster-categories";

export const exportCurrentListSchema = z.strictObject({ bureau: z.enum(ROSTER_BUREAUS) });

export const ANNEX2_HEADER = ["序号", "乡镇", "姓名", "身份证号", "类别", "家庭人口", "认定日期"] as const;
const PAGE = 5_000;

export const exportCurrentList = defineCommand({ permission: "person:view-id", schema: exportCurrentListSchema, timeoutMs: 120_000 }, async (tx, input, { actor, requestId }) => {
  const county = await tx.region.findUniqueOrThrow({ where: { code: actor.regionCode }, select: { code: true, name: true, path: true, level: true } });
  assertCan(actor, "person:view-id", { entity: "person", regionPath: county.path });
  if (county.level !== "COUNTY") throw new DomainError("roster.countyOnly");

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("附件2");
  sheet.addRow([`${county.name}医疗救助重点救助对象名单`]).commit();
  sheet.addRow([...ANNEX2_HEADER]).commit();
  const townships = new Map((await tx.region.findMany({ where: { parentCode: county.code }, select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  let n = 0;
  for (let cursor: string | undefined; ; ) {
    const page = await tx.personIdentity.findMany({
      where: { validTo: null, type: { in: [...BUREAU_CATEGORIES[input.bureau]] }, person: { region: { path: { startsWith: `${county.path}/` } } } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, type: true, validFrom: true, person: { select: { name: true, idNumber: true, regionCode: true, region: { select: { parentCode: true } }, household: { select: { _count: { select: { members: true } } } } } } },
    });
    for (const i of page) {
      const township = townships.get(i.person.regionCode) ?? townships.get(i.person.region.parentCode ?? "") ?? "";
      sheet.addRow([(n += 1), township, i.person.name, i.person.idNumber, IDENTITY_LABELS[i.type], i.person.household?._count.members ?? "", i.validFrom.toISOString().slice(0, 10)]).commit();
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  sheet.commit();
  await workbook.commit();
  await writeAudit(tx, actor, { action: "roster.export", entityId: `${county.code}:${input.bureau}`, regionCode: county.code, after: { bureau: input.bureau, rows: n } }, requestId);
  return { content: Buffer.concat(chunks), rows: n };
});
