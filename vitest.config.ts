import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests: beside the code, no database, no network.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,components,app,scripts,prisma,test}/**/*.test.{ts,tsx}"],
    exclude: ["**/*.int.test.ts", "node_modules/**", "lib/generated/**"],
    environment: "node",
    testTimeout: 60_000,
  },
});
