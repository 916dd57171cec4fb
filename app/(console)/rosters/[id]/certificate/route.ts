import { getActor } from "@/lib/auth/session";
import { fileResponse, notFoundResponse } from "@/lib/cases/file-response";
import { prisma } from "@/lib/db";
import { rosterCertificate } from "@/lib/roster/roster.queries";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  const { id } = await params;
  const file = await rosterCertificate(prisma, actor, id);
  if (!file) return notFoundResponse();
  return fileResponse(file, !new URL(request.url).searchParams.has("view"));
}
