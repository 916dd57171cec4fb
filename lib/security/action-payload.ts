// A server action's request body, checked before Next.js decodes it. Next decodes the body with
// React's reply decoder before any action code runs, and answers a body that is not a well-formed
// reply (cut-off multipart, JSON that is not an array, a reference to a part that was never sent)
// with a 500. proxy.ts refuses such a body with a 400 first; a well-formed one goes on unchanged.
//
// The reply format (react-server-dom: encodeReply): plain JSON when no argument needs more, else
// multipart with the root under field "0" and outlined values under their hex ids; strings
// starting with "$" are references ("$$" is a literal "$"). Our actions take a FormData (sent as
// fields prefixed "<id>_", referenced as "$K<id>") and plain JSON (the previous ActionState).

/** References to another part of the same body, which must then be present. */
const PART_REFERENCE = /^\$[@QWBF]([0-9a-f]+)$/;

const UNPARSABLE = Symbol("unparsable");

type Parts = { has(name: string): boolean; json(name: string): unknown };

function referencesAreSound(value: unknown, parts: Parts, seen: Set<string>, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$") || value.startsWith("$$")) return true;
    const part = PART_REFERENCE.exec(value)?.[1];
    if (part === undefined) return true;
    const name = String(parseInt(part, 16));
    if (!parts.has(name)) return false;
    if (seen.has(name)) return true;
    seen.add(name);
    const inner = parts.json(name);
    if (inner === UNPARSABLE) return false;
    return inner === undefined || referencesAreSound(inner, parts, seen, depth + 1);
  }
  if (Array.isArray(value)) return value.every((v) => referencesAreSound(v, parts, seen, depth + 1));
  if (value !== null && typeof value === "object") return Object.values(value).every((v) => referencesAreSound(v, parts, seen, depth + 1));
  return true;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A plain-JSON reply: an array of arguments, referring to no other part. */
export function isSoundJsonReply(text: string): boolean {
  const parsed = parseJson(text);
  if (!parsed.ok || !Array.isArray(parsed.value)) return false;
  return referencesAreSound(parsed.value, { has: () => false, json: () => undefined }, new Set());
}

/** A multipart reply: the root under "0" is an array of arguments whose references all resolve. */
export function isSoundFormReply(form: FormData): boolean {
  const root = form.get("0");
  if (root === null) return true; // a plain form post: every field is an argument's entry
  if (typeof root !== "string") return false;
  const parsed = parseJson(root);
  if (!parsed.ok || !Array.isArray(parsed.value)) return false;
  const parts: Parts = {
    has: (name) => form.has(name),
    json: (name) => {
      const part = form.get(name);
      if (typeof part !== "string") return undefined;
      const inner = parseJson(part);
      return inner.ok ? inner.value : UNPARSABLE;
    },
  };
  return referencesAreSound(parsed.value, parts, new Set());
}

/** Whether a request carrying a Next-Action header has a body Next.js can decode. */
export async function isSoundActionRequest(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) return isSoundFormReply(await request.clone().formData());
    return isSoundJsonReply(await request.clone().text());
  } catch {
    return false;
  }
}
