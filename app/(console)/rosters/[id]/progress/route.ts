import { getActor } from "@/lib/auth/session";
import { writeRefusal } from "@/lib/audit/write-refusal";
import { notFoundResponse } from "@/lib/cases/file-response";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { rosterProgress } from "@/lib/roster/roster.queries";

/** How far the list's job has got, as JSON, for the progress bar on the list's page (polled). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  const { id } = await params;
  const progress = await rosterProgress(prisma, actor, id);
  if (!progress) {
    await writeRefusal(prisma, actor, new NotFoundError({ action: "roster:read", entity: "roster", entityId: id }), null);
    return notFoundResponse();
  }
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
}
