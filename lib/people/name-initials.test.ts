import { describe, expect, it } from "vitest";
import { nameInitials } from "@/lib/people/name-initials";

describe("nameInitials", () => {
  it("takes the first pinyin letter of each character", () => {
    expect(nameInitials("张三丰")).toBe("zsf");
    expect(nameInitials("王建国")).toBe("wjg");
  });
  it("reads a surname with several readings as a surname, keeps Latin letters and drops the rest", () => {
    expect(nameInitials("曾乐乐")).toBe("cll");
    expect(nameInitials("阿依·Mary")).toBe("aymary");
  });
});
