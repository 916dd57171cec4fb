// The thin node wrapper for receipts: sha256 from node:crypto, kept out of the pure core so the
// engine itself can run anywhere (server action, worker, browser).
import { createHash } from "node:crypto";
import type { Hasher } from "./compute-claim";

export const sha256Hex: Hasher = (text) => createHash("sha256").update(text, "utf8").digest("hex");
