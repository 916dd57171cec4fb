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
    for (const [name, file] of [["zh-CN", zh], ["en", en]] as const) {
      const walk = (o: object, p: string): void => {
        for (const [k, v] of Object.entries(o)) {
          if (v && typeof v === "object") walk(v, `${p}${k}.`);
          else expect(String(v).trim(), `${name}:${p}${k}`).not.toBe("");
        }
      };
      walk(file, "");
    }
  });
});
