import "server-only";
import { getActor } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { writeRefusal } from "@/lib/audit/write-refusal";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

// Downloads are checked like pages: no session, no permission or a record outside the actor's
// region all answer 404, so a guessed URL tells nothing about what exists.
export async function downloadActor(): Promise<Actor | null> {
  const actor = await getActor();
  return actor && hasPermission(actor.role, "case:read") ? actor : null;
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** A signed-in reader asked for a file that is not theirs to see (or not there): audited like a page's refusal. */
export async function refusedDownload(actor: Actor, detail: { entity: string; entityId: string }): Promise<Response> {
  await writeRefusal(prisma, actor, new NotFoundError({ action: "case:read", ...detail }), null);
  return notFoundResponse();
}

/** The bytes with their type; inline (viewed in the browser) unless a download was asked for. */
export function fileResponse(file: { fileName: string; mediaType: string; content: Uint8Array; sha256: string }, download: boolean): Response {
  const disposition = `${download ? "attachment" : "inline"}; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return new Response(new Blob([new Uint8Array(file.content)], { type: file.mediaType }), {
    status: 200,
    headers: {
      "content-type": file.mediaType,
      "content-disposition": disposition,
      "content-length": String(file.content.byteLength),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // A stored PDF is shown by the browser's viewer, never run as a page of this site.
      "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      etag: `"${file.sha256}"`,
    },
  });
}
