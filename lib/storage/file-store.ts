// The one place bytes are kept: in PostgreSQL (stored_file), so the embedded demo needs nothing
// more. Callers hold only a stored file's id; pointing this module at an object store later means
// keeping the id, checksum and size here and moving the content.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";

export type StoredFileMeta = { id: string; sha256: string; size: number; mediaType: string };

export function sha256OfBytes(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Stores the bytes with their SHA-256, in the caller's transaction. */
export async function putFile(tx: Tx, content: Uint8Array, mediaType: string): Promise<StoredFileMeta> {
  const sha256 = sha256OfBytes(content);
  const row = await tx.storedFile.create({
    data: { sha256, size: content.byteLength, mediaType, content: new Uint8Array(content) },
    select: { id: true, sha256: true, size: true, mediaType: true },
  });
  return row;
}

/** The bytes and their metadata; the checksum is verified on every read, so a damaged file is never served. */
export async function getFile(db: Db | Tx, id: string): Promise<(StoredFileMeta & { content: Uint8Array }) | null> {
  const row = await db.storedFile.findUnique({ where: { id } });
  if (!row) return null;
  const content = new Uint8Array(row.content);
  if (sha256OfBytes(content) !== row.sha256) throw new Error(`stored file ${id}: checksum mismatch`);
  return { id: row.id, sha256: row.sha256, size: row.size, mediaType: row.mediaType, content };
}

/** Removes a file no record points at any more. */
export async function deleteFile(tx: Tx, id: string): Promise<void> {
  await tx.storedFile.delete({ where: { id } });
}
