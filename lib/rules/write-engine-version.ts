// `npm run rules:version`: rewrites engine-version.ts from the rules module's current source.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINE_DIR, engineSourceHash, engineVersionFile } from "./engine-source";

const hash = engineSourceHash();
writeFileSync(join(ENGINE_DIR, "engine-version.ts"), engineVersionFile(hash));
process.stdout.write(`lib/rules/engine-version.ts: ${hash}\n`);
