import { z } from "zod";
import { assertCan } from "@/lib/auth/decide";
import { writeAudit } from "@/lib/audit/write-audit";
import { defineCommand } from "@/lib/command";
import { NotFoundError } from "@/lib/errors";

export const recordDownloadSchema = z.strictObject({
  kind: z.enum(["attachment", "notice", "publicityList"]),
  /** The file's own id (attachment, notice), or the list's township for a 公示 list. */
  fileId: z.string().min(1).max(64),
  caseId: z.uuid().optional(),
  regionCode: z.string().regex(/^\d{6,12}$/),
  fileName: z.string().min(1).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Every file that leaves the system with personal data in it is audited (who took which file,
 * when, and its checksum), like an export. The download routes call it after the scoped query
 * found the file, so the region is checked twice: by the query and here.
 */
export const recordDownload = defineCommand({ permission: "case:read", schema: recordDownloadSchema }, async (tx, input, { actor, requestId }) => {
  const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { code: true, path: true } });
  if (!region) throw new NotFoundError({ action: "case:read", entity: input.kind, entityId: input.fileId });
  assertCan(actor, "case:read", { entity: "case", id: input.caseId ?? input.fileId, regionPath: region.path });
  await writeAudit(tx, actor, {
    action: "file.download",
    entityId: input.fileId,
    regionCode: region.code,
    after: { kind: input.kind, ...(input.caseId ? { caseId: input.caseId } : {}), fileName: input.fileName, sha256: input.sha256 },
  }, requestId);
  return null;
});
