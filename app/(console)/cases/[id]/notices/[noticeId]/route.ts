import { downloadActor, fileResponse, notFoundResponse } from "@/lib/cases/file-response";
import { noticeDownload } from "@/lib/cases/cases.queries";
import { prisma } from "@/lib/db";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; noticeId: string }> }) {
  const actor = await downloadActor();
  if (!actor) return notFoundResponse();
  const { id, noticeId } = await params;
  const file = await noticeDownload(prisma, actor, id, noticeId);
  if (!file) return notFoundResponse();
  return fileResponse(file, !new URL(request.url).searchParams.has("view"));
}
