import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { ValidationError } from "@/lib/errors";
import { effectiveJurisdiction, provinceCodeOf } from "@/lib/regions/county-jurisdiction";
import { lockManagedCounty } from "@/lib/regions/managed-county";
import { isJurisdiction } from "@/lib/records/to-rules";
import { setCountyJurisdictionSchema } from "@/lib/regions/regions.schema";

/**
 * The county's administrator sets which of the rules' jurisdictions the county's people fall under
 * (or none of its own: the nearest above it then applies, if any). A jurisdiction of another
 * province is refused. Cases already filed keep the jurisdiction they were filed under.
 */
export const setCountyJurisdiction = defineCommand({ permission: "region:manage", schema: setCountyJurisdictionSchema }, async (tx, input, { actor, requestId }) => {
  const county = await lockManagedCounty(tx, actor, input.countyCode);
  const province = county.path.split("/")[0];
  if (input.jurisdiction && provinceCodeOf(input.jurisdiction) !== province) throw new ValidationError([{ path: ["jurisdiction"], message: "validation.jurisdictionOtherProvince" }]);
  const before = await effectiveJurisdiction(tx, county.path);
  await tx.region.update({ where: { code: county.code }, data: { jurisdiction: input.jurisdiction } });
  const after = await effectiveJurisdiction(tx, county.path);
  await writeAudit(
    tx,
    actor,
    {
      action: "region.setJurisdiction",
      entityId: county.code,
      regionCode: county.code,
      before: { jurisdiction: county.jurisdiction !== null && isJurisdiction(county.jurisdiction) ? county.jurisdiction : null, effective: before?.jurisdiction ?? null },
      after: { jurisdiction: input.jurisdiction, effective: after?.jurisdiction ?? null },
    },
    requestId,
  );
  return { code: county.code, jurisdiction: input.jurisdiction, effective: after };
});
