import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests: real PostgreSQL at DATABASE_URL (scripts/test.mjs provides one). Files run
// one after another because they share that database.
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
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
