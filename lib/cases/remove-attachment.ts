// The clerk removes an attachment while holding the case; its bytes go with it (nothing else points at them).
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isPathInScope } from "@/lib/regions/scope";
import { deleteFile } from "@/lib/storage/file-store";
import { removeAttachmentSchema } from "./case.schema";
import { assertClerkHolds, bumpVersion } from "./clerk-edit";
import { CASE_CONFLICT_KEY, loadCase } from "./run-transition";

export const removeAttachment = defineCommand({ permission: "case:file", schema: removeAttachmentSchema }, async (tx, input, ctx) => {
  const loaded = await loadCase(tx, input.caseId);
  if (!loaded || !isPathInScope(ctx.actor, loaded.kase.regionPath)) throw new NotFoundError({ action: "case:file", entity: "case", entityId: input.caseId });
  const attachment = await tx.attachment.findFirst({ where: { id: input.attachmentId, caseId: loaded.kase.id }, select: { id: true, kind: true, storedFileId: true } });
  if (!attachment) throw new NotFoundError({ action: "case:file", entity: "case", entityId: input.caseId });
  if (loaded.kase.version !== input.version) throw new ConflictError(CASE_CONFLICT_KEY);
  assertClerkHolds(ctx.actor, loaded);
  await tx.attachment.delete({ where: { id: attachment.id } });
  await deleteFile(tx, attachment.storedFileId);
  const version = await bumpVersion(tx, loaded);
  await writeAudit(tx, ctx.actor, { action: "case.removeAttachment", entityId: loaded.kase.id, regionCode: loaded.region.code, after: { version, detail: { attachmentId: attachment.id, kind: attachment.kind } } }, ctx.requestId);
  return { id: attachment.id, version };
});
