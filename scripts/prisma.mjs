#!/usr/bin/env node
// Runs the Prisma CLI with the WebAssembly schema engine bridge (scripts/prisma-schema-engine.mjs)
// instead of the native engine the CLI would download from binaries.prisma.sh.
//   node scripts/prisma.mjs migrate deploy        (npm run prisma -- migrate deploy)
// Programmatic use: import { runPrisma, prismaEnv } from "./prisma.mjs".
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..");
export const bridge = path.join(here, "prisma-schema-engine.mjs");
const require = createRequire(import.meta.url);
export const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");

/** Environment for a Prisma CLI child process: the bridge as schema engine, no telemetry. */
export function prismaEnv(extra = {}) {
  return {
    ...process.env,
    // Commands the CLI spawns (the seed) find local binaries even outside npm scripts.
    PATH: [path.join(root, "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(path.delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY: bridge,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_DISABLE_WARNINGS: process.env.PRISMA_DISABLE_WARNINGS ?? "1",
    ...extra,
  };
}

/**
 * Runs `prisma <args>`; resolves with {code, stdout, stderr} (output captured when capture=true,
 * otherwise inherited). Rejects only if the process cannot start.
 */
export function runPrisma(args, { env = {}, cwd = root, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd,
      env: prismaEnv(env),
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { code } = await runPrisma(process.argv.slice(2), { cwd: process.cwd() });
  process.exit(code);
}
