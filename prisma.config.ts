import { defineConfig } from "prisma/config";

// The schema engine runs from WebAssembly (scripts/prisma-schema-engine.mjs) because the CLI's
// native engine download is not reachable offline; the npm scripts set PRISMA_SCHEMA_ENGINE_BINARY.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    // Through node, not a bare `tsx`: the wrapper runs outside npm, without node_modules/.bin on PATH.
    seed: "node --import tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
