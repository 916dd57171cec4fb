import { downloadActor, fileResponse, notFoundResponse, refusedDownload } from "@/lib/cases/file-response";
import { attachmentDownload } from "@/lib/cases/cases.queries";
import { recordDownload } from "@/lib/cases/record-download";
import { prisma } from "@/lib/db";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await downloadActor();
  if (!actor) return notFoundResponse();
  const { id, attachmentId } = await params;
  const file = await attachmentDownload(prisma, actor, id, attachmentId);
  if (!file) return refusedDownload(actor, { entity: "attachment", entityId: attachmentId });
  await recordDownload(prisma, actor, { kind: "attachment", fileId: attachmentId, caseId: id, regionCode: file.regionCode, fileName: file.fileName, sha256: file.sha256 });
  return fileResponse(file, new URL(request.url).searchParams.has("download"));
}
