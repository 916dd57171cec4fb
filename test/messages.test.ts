import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("message files", () => {
  it("zh-CN and en have exactly the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it("no message is empty", () => {
    const leaves = (o: object, p: string): [string, string][] =>
      Object.entries(o).flatMap(([k, v]): [string, string][] => (v && typeof v === "object" ? leaves(v, `${p}${k}.`) : [[`${p}${k}`, String(v)]]));
    for (const [name, file] of [["zh-CN", zh], ["en", en]] as const) {
      const all = leaves(file, "");
      expect(all.length).toBeGreaterThan(0);
      for (const [key, text] of all) expect(text.trim(), `${name}:${key}`).not.toBe("");
    }
  });
});
