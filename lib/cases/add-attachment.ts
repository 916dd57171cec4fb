// An attachment: pdf, jpg or png as its content says (magic numbers via file-type, never the file
// name), at most 10 MB, stored with its SHA-256 through lib/storage/.
import { fileTypeFromBuffer } from "file-type";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { isPathInScope } from "@/lib/regions/scope";
import { putFile } from "@/lib/storage/file-store";
import { addAttachmentSchema } from "./case.schema";
import { assertClerkHolds, bumpVersion } from "./clerk-edit";
import { CASE_CONFLICT_KEY, loadCase } from "./run-transition";

/** The media types an attachment may be, by what its first bytes say. */
export const ATTACHMENT_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

export async function detectAttachmentType(content: Uint8Array): Promise<(typeof ATTACHMENT_MEDIA_TYPES)[number] | null> {
  const detected = await fileTypeFromBuffer(content);
  const mime = detected?.mime;
  return ATTACHMENT_MEDIA_TYPES.find((type) => type === mime) ?? null;
}

/** The file's name as shown and sent back on download: no path, no control characters, bounded. */
function cleanFileName(file: Blob): string {
  const raw = file instanceof File ? file.name : "";
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f"]/g, "")).slice(0, 120).join("").trim();
  return clean || "attachment";
}

export const addAttachment = defineCommand({ permission: "case:file", schema: addAttachmentSchema }, async (tx, input, ctx) => {
  const loaded = await loadCase(tx, input.caseId);
  if (!loaded || !isPathInScope(ctx.actor, loaded.kase.regionPath)) throw new NotFoundError({ action: "case:file", entity: "case", entityId: input.caseId });
  if (loaded.kase.version !== input.version) throw new ConflictError(CASE_CONFLICT_KEY);
  assertClerkHolds(ctx.actor, loaded);
  const content = new Uint8Array(await input.file.arrayBuffer());
  const mediaType = await detectAttachmentType(content);
  if (!mediaType) throw new ValidationError([{ path: ["file"], message: "cases.validation.fileType" }]);
  const stored = await putFile(tx, content, mediaType);
  const fileName = cleanFileName(input.file);
  const attachment = await tx.attachment.create({
    data: { caseId: loaded.kase.id, kind: input.kind, fileName, storedFileId: stored.id, uploadedById: ctx.actor.kind === "user" ? ctx.actor.id : loaded.kase.filedBy },
    select: { id: true },
  });
  const version = await bumpVersion(tx, loaded);
  await writeAudit(
    tx,
    ctx.actor,
    { action: "case.addAttachment", entityId: loaded.kase.id, regionCode: loaded.region.code, after: { version, detail: { attachmentId: attachment.id, kind: input.kind, mediaType, size: stored.size, sha256: stored.sha256 } } },
    ctx.requestId,
  );
  return { id: attachment.id, sha256: stored.sha256, mediaType, size: stored.size, version };
});
