// The CJK font embedded in every PDF the workflow prints: Noto Sans SC (SIL OFL), a static TTF from
// @expo-google-fonts/noto-sans-sc, read from disk once. pdfkit embeds only the glyphs a document
// uses, so a notice stays small although the font file is 10 MB. No network is involved.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const cache = new Map<FontWeight, Buffer>();

// Resolved from the project root at run time, not from this file's URL: a bundled server chunk
// has no node_modules next to it.
const resolveFromRoot = createRequire(join(process.cwd(), "package.json")).resolve;

export function fontPath(weight: FontWeight): string {
  return resolveFromRoot(FONT_FILES[weight]);
}

export function loadFont(weight: FontWeight): Buffer {
  let font = cache.get(weight);
  if (!font) {
    font = readFileSync(fontPath(weight));
    cache.set(weight, font);
  }
  return font;
}
