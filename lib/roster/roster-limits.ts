// Shared by the upload form (checked before sending) and the command's schema; next.config.js lets
// a server action's body, and the proxy's copy of it, be this large and a little more.
/** 20 MB: a 100,000-row list is about 3–4 MB as xlsx and 7–9 MB as UTF-8 csv (docs/decisions/017). */
export const ROSTER_MAX_BYTES = 20 * 1024 * 1024;
