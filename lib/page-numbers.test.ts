import { describe, expect, it } from "vitest";
import { pageNumbers } from "@/lib/page-numbers";

describe("pageNumbers", () => {
  it("shows the first, the last and two either side, with gaps", () => {
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageNumbers(12, 12)).toEqual([1, null, 10, 11, 12]);
  });
});
