import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ConflictError } from "@/lib/errors";
import { isEmptyPlan, planCountyReload } from "@/lib/regions/county-reload-plan";
import { lockManagedCounty } from "@/lib/regions/managed-county";
import { reloadCountySchema } from "@/lib/regions/regions.schema";

/**
 * The county's administrator brings the county's townships and villages in line with the national
 * division dataset, as the page showed it (the plan's hash): new units are added, renamed ones
 * renamed, retired ones the dataset lists again restored; a unit gone from the dataset is deleted
 * only if nothing refers to it, and otherwise kept and marked as no longer current, so no person,
 * user, household, case or audit row ever loses its region.
 */
export const reloadCounty = defineCommand({ permission: "region:manage", schema: reloadCountySchema, timeoutMs: 120_000 }, async (tx, input, { actor, requestId }) => {
  const county = await lockManagedCounty(tx, actor, input.countyCode);
  const plan = await planCountyReload(tx, county);
  if (plan.hash !== input.planHash) throw new ConflictError("regions.reloadChanged");
  const setting = await tx.countySetting.findUnique({ where: { regionCode: county.code }, select: { divisionsDataset: true } });
  if (isEmptyPlan(plan) && setting?.divisionsDataset === plan.dataset) return { changed: 0, plan };

  const now = new Date();
  const adds = plan.changes.flatMap((c) => (c.kind === "ADD" ? [c] : []));
  // Townships first: a new village may lie in a new township.
  for (const level of ["TOWNSHIP", "VILLAGE"] as const) {
    const rows = adds.filter((a) => a.level === level);
    if (rows.length === 0) continue;
    await tx.region.createMany({
      data: rows.map((a) => ({ code: a.code, name: a.name, level, parentCode: a.parentCode, path: level === "TOWNSHIP" ? `${county.path}/${a.code}` : `${county.path}/${a.parentCode}/${a.code}` })),
    });
  }
  for (const c of plan.changes) {
    if (c.kind === "RENAME") await tx.region.update({ where: { code: c.code }, data: { name: c.to } });
  }
  const restored = plan.changes.flatMap((c) => (c.kind === "RESTORE" ? [c.code] : []));
  if (restored.length > 0) await tx.region.updateMany({ where: { code: { in: restored } }, data: { retiredAt: null } });
  if (plan.retire.length > 0) await tx.region.updateMany({ where: { code: { in: plan.retire.map((r) => r.code) } }, data: { retiredAt: now } });
  for (const level of ["VILLAGE", "TOWNSHIP"] as const) {
    const codes = plan.remove.filter((r) => r.level === level).map((r) => r.code);
    if (codes.length > 0) await tx.region.deleteMany({ where: { code: { in: codes } } });
  }
  await tx.countySetting.upsert({
    where: { regionCode: county.code },
    create: { regionCode: county.code, divisionsDataset: plan.dataset, divisionsLoadedAt: now },
    update: { divisionsDataset: plan.dataset, divisionsLoadedAt: now },
  });

  await writeAudit(
    tx,
    actor,
    {
      action: "region.reload",
      entityId: county.code,
      regionCode: county.code,
      before: { dataset: setting?.divisionsDataset ?? null, ...plan.before },
      after: {
        dataset: plan.dataset,
        ...plan.after,
        added: adds.map((a) => a.code),
        renamed: plan.changes.flatMap((c) => (c.kind === "RENAME" ? [{ code: c.code, from: c.from, to: c.to }] : [])),
        restored,
        retired: plan.retire.map((r) => r.code),
        deleted: plan.remove.map((r) => ({ code: r.code, name: r.name })),
      },
    },
    requestId,
  );
  return { changed: plan.changes.length + plan.retire.length + plan.remove.length, plan };
});
