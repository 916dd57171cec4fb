import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One PostgreSQL code path everywhere: a real server in production and CI, the embedded PGlite
// served on a local port for the quick start (docs/decisions/002-embedded-database.md).
export function createPrisma(url: string | undefined = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.__prisma ??= createPrisma();
  return globalForPrisma.__prisma;
}

// Created on first use, not on import: `next build` loads every module without a database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value: unknown = Reflect.get(target, property);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
