import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests: real PostgreSQL. global-setup.ts migrates a template database once per run;
// file-database.ts gives every test file its own clone of it, so files may run in parallel
// (INTEGRATION_WORKERS, default 2; 1 runs them one after another).
const workers = Number(process.env.INTEGRATION_WORKERS ?? 2);

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,app,scripts,prisma,test}/**/*.int.test.ts"],
    exclude: ["node_modules/**", "lib/generated/**"],
    environment: "node",
    globalSetup: ["test/integration/global-setup.ts"],
    setupFiles: ["test/integration/file-database.ts"],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    minWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
