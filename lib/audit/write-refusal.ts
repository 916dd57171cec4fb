import type { CommandActor } from "@/lib/auth/actor";
import { boundText, writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db";
import type { RefusalError } from "@/lib/errors";

/**
 * A refusal (permission, region, state, duty) is audited in a transaction of its own, after the
 * work it refused was rolled back: by commands (lib/command.ts) and by pages (requireActor, a
 * record outside the region).
 */
export async function writeRefusal(db: Db, actor: CommandActor, error: RefusalError, requestId: string | null): Promise<void> {
  // The id may come from a URL: bounded before it reaches the checked payload.
  const raw = error.detail;
  const detail = raw && { ...raw, entityId: raw.entityId === undefined ? undefined : boundText(raw.entityId, 64) };
  await db.$transaction((tx) =>
    writeAudit(
      tx,
      actor,
      {
        action: "access.refused",
        entityId: detail?.entityId ?? detail?.action ?? "-",
        // A deployment-wide job (no region of its own) leaves a deployment-wide row.
        regionCode: actor.regionCode || null,
        after: {
          action: detail?.action ?? "-",
          refusal: error.refusal,
          ...(detail?.entity ? { entity: detail.entity } : {}),
          ...(detail?.entityId ? { entityId: detail.entityId } : {}),
          ...(detail?.state ? { state: detail.state } : {}),
        },
      },
      requestId,
    ),
  );
}
