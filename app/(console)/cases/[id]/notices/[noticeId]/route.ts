import { downloadActor, fileResponse, notFoundResponse, refusedDownload } from "@/lib/cases/file-response";
import { noticeDownload } from "@/lib/cases/cases.queries";
import { recordDownload } from "@/lib/cases/record-download";
import { prisma } from "@/lib/db";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; noticeId: string }> }) {
  const actor = await downloadActor();
  if (!actor) return notFoundResponse();
  const { id, noticeId } = await params;
  const file = await noticeDownload(prisma, actor, id, noticeId);
  if (!file) return refusedDownload(actor, { entity: "notice", entityId: noticeId });
  await recordDownload(prisma, actor, { kind: "notice", fileId: noticeId, caseId: id, regionCode: file.regionCode, fileName: file.fileName, sha256: file.sha256 });
  return fileResponse(file, !new URL(request.url).searchParams.has("view"));
}
