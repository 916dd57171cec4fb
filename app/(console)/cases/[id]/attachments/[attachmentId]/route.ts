import { downloadActor, fileResponse, notFoundResponse } from "@/lib/cases/file-response";
import { attachmentDownload } from "@/lib/cases/cases.queries";
import { prisma } from "@/lib/db";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await downloadActor();
  if (!actor) return notFoundResponse();
  const { id, attachmentId } = await params;
  const file = await attachmentDownload(prisma, actor, id, attachmentId);
  if (!file) return notFoundResponse();
  return fileResponse(file, new URL(request.url).searchParams.has("download"));
}
