import { describe, expect, it } from "vitest";
import { cleanText, escapeLike, isCleanText, storableText } from "@/lib/text-input";

describe("text input", () => {
  it("refuses NUL, control characters and lone surrogates, and keeps Chinese, emoji and tabs", () => {
    expect(isCleanText("王静 😀\t")).toBe(true);
    for (const bad of ["a\u0000b", "\u0007", "\uD800", "x\uDC00", "\u007F"]) expect(isCleanText(bad)).toBe(false);
    expect(cleanText(3).safeParse("四个字啊").success).toBe(false);
  });
  it("keeps what was tried in a storable form", () => {
    expect(storableText("a\u0000b\uD800c😀")).toBe("ab\uFFFDc😀");
    expect(isCleanText(storableText("x\uDC00\u0001"))).toBe(true);
  });
  it("escapes LIKE wildcards", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
