import type { z } from "zod";
import type { CommandActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/decide";
import type { Permission } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db, Tx } from "@/lib/db";
import { RefusalError, ValidationError } from "@/lib/errors";

export type CommandOptions = { requestId?: string | null };

/** What a command's body receives besides its input. */
export type CommandContext = { actor: CommandActor; requestId: string | null };

/**
 * A use case, callable from a page's action, a job or a test: `(db | tx, actor, input) → result`.
 * Given the client it runs in its own transaction; given a transaction (a job composing several
 * commands) it joins it.
 */
export type Command<S extends z.ZodType, T> = ((db: Db | Tx, actor: CommandActor, input: z.input<S>, options?: CommandOptions) => Promise<T>) & {
  readonly permission: Permission;
  readonly schema: S;
};

function isClient(db: Db | Tx): db is Db {
  return typeof (db as Partial<Db>).$transaction === "function";
}

/**
 * The one way to write. The command checks the actor may take its action at all, parses its input
 * with the schema the form uses (a ValidationError names each field), then runs its body in one
 * transaction. The body loads its record and calls assertCan(actor, permission, record) for the
 * region, state and duty, and writes its audit row inside the transaction. A refusal rolls
 * everything back and is itself audited, in a transaction of its own.
 */
export function defineCommand<S extends z.ZodType, T>(
  config: { permission: Permission; schema: S; timeoutMs?: number },
  body: (tx: Tx, input: z.output<S>, ctx: CommandContext) => Promise<T>,
): Command<S, T> {
  const run = async (db: Db | Tx, actor: CommandActor, input: z.input<S>, options: CommandOptions = {}): Promise<T> => {
    const ctx: CommandContext = { actor, requestId: options.requestId ?? null };
    try {
      assertCan(actor, config.permission);
      const parsed = config.schema.safeParse(input);
      if (!parsed.success) throw new ValidationError(parsed.error.issues);
      if (!isClient(db)) return await body(db, parsed.data, ctx);
      return await db.$transaction((tx) => body(tx, parsed.data, ctx), { timeout: config.timeoutMs ?? 15_000, maxWait: 10_000 });
    } catch (error) {
      if (error instanceof RefusalError && isClient(db)) await auditRefusal(db, actor, error, ctx.requestId);
      throw error;
    }
  };
  return Object.assign(run, { permission: config.permission, schema: config.schema });
}

async function auditRefusal(db: Db, actor: CommandActor, error: RefusalError, requestId: string | null): Promise<void> {
  const detail = error.detail;
  await db.$transaction((tx) =>
    writeAudit(
      tx,
      actor,
      {
        action: "access.refused",
        entityId: detail?.entityId ?? detail?.action ?? "-",
        regionCode: actor.regionCode,
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
