import { describe, expect, it } from "vitest";
import { cleanText, escapeLike, isCleanText } from "@/lib/text-input";

describe("text input", () => {
  it("refuses NUL, control characters and lone surrogates, and keeps Chinese, emoji and tabs", () => {
    expect(isCleanText("王静 😀\t")).toBe(true);
    for (const bad of ["a\u0000b", "\u0007", "\uD800", "x\uDC00", "\u007F"]) expect(isCleanText(bad)).toBe(false);
    expect(cleanText(3).safeParse("四个字啊").success).toBe(false);
  });
  it("escapes LIKE wildcards", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
