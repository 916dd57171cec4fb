// Shared by `npm run demo` and `npm test`: make a fresh machine able to run the project, using
// only the npm registry and Debian's packages. Nothing here needs node_modules to exist yet.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const root = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

export function log(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function dpkgInstalled(name) {
  return spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" }).stdout?.includes("install ok installed") ?? false;
}

let aptUpdated = false;
export function aptInstall(packages) {
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  if (!has("apt-get")) throw new Error(`missing system packages ${missing.join(", ")} and no apt-get to install them`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  log(`installing Debian packages: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "update", "-qq"], { env });
    aptUpdated = true;
  }
  run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "install", "-y", "-qq", "--no-install-recommends", ...missing], { env });
}

/** `npm install` (not `npm ci`: it fails on other platforms' optional packages) when needed. */
export function ensureNodeModules() {
  const marker = join(root, "node_modules", ".package-lock.json");
  const lock = join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("npm install");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

export function generatePrismaClient() {
  run("node", ["scripts/prisma.mjs", "generate"], { stdio: ["ignore", "ignore", "inherit"] });
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function sh(command) {
  return execSync(command, { cwd: root, encoding: "utf8" });
}
