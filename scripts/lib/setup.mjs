// Shared by `npm run demo` and `npm test`: make a fresh machine able to run the project, using
// only the npm registry and Debian's packages. Nothing here needs node_modules to exist yet.
import { execSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

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
  // On Node < 24, npm warns EBADENGINE for this project and a few packages: expected, the scripts
  // then re-run themselves on the Node 24 this install brings (ensureRuntime).
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

/** The Node major the project runs on (package.json engines; docs/decisions/007). */
export const RUNTIME_MAJOR = 24;

/** node_modules' Node binary (the `node-<platform>-<arch>` package of devDependencies), if installed. */
export function pinnedNode() {
  const bin = join(root, "node_modules", `node-${process.platform}-${process.arch}`, "bin", "node");
  return existsSync(bin) ? bin : null;
}

/**
 * Runs the calling script under the pinned Node 24 when this one is older: `npm run demo` and
 * `npm test` start on whatever Node ≥ 20.19 the machine has, install node_modules (which brings
 * Node 24 from the npm registry), then continue here under Node 24. Its directory goes first on
 * PATH, so every child (npx next, vitest, playwright, prisma, tsx) runs on it too. Resolves when
 * the caller should go on in this process; otherwise never (it exits with the child's status).
 */
export async function ensureRuntime(scriptPath) {
  const major = Number(process.versions.node.split(".")[0]);
  const pinned = pinnedNode();
  if (major >= RUNTIME_MAJOR) {
    // Already on it (npm scripts find node_modules/.bin/node first): children inherit this node.
    process.env.PATH = [dirname(process.execPath), process.env.PATH].filter(Boolean).join(delimiter);
    return;
  }
  if (!pinned) {
    log(`Node ${process.versions.node}: no node-${process.platform}-${process.arch} package for this platform; continuing on it (the project expects Node ${RUNTIME_MAJOR})`);
    return;
  }
  log(`Node ${process.versions.node} → re-running under ${pinned.replace(root + "/", "")}`);
  const env = { ...process.env, PATH: [dirname(pinned), process.env.PATH].filter(Boolean).join(delimiter) };
  const child = spawn(pinned, [scriptPath, ...process.argv.slice(2)], { cwd: root, stdio: "inherit", env });
  // Ctrl+C reaches the child through the terminal's process group; the child decides when to end.
  const forward = (signal) => () => child.kill(signal);
  process.on("SIGINT", () => {});
  process.on("SIGTERM", forward("SIGTERM"));
  process.on("SIGHUP", forward("SIGHUP"));
  await new Promise(() => child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0))));
}
