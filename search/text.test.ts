import { describe, expect, it } from "vitest";
import { chineseBigrams, pinyinTokens } from "./text.ts";

describe("pinyinTokens", () => {
  it("makes full pinyin and initials for every suffix, so mid-title syllables match", () => {
    const { full, initials } = pinyinTokens("紫阳修脚师培训班");
    expect(full.split(" ")).toContain("xiujiaoshipeixunban");
    expect(full.split(" ")).toContain("ziyangxiujiaoshipeixunban");
    expect(initials.split(" ")).toContain("xjspxb");
  });
  it("ignores text without Chinese", () => {
    expect(pinyinTokens("CNC 123")).toEqual({ full: "", initials: "" });
  });
});

describe("chineseBigrams", () => {
  it("covers infixes such as 工程 inside 在建工程", () => {
    expect(chineseBigrams("在建工程施工员").split(" ")).toEqual(["在建", "建工", "工程", "程施", "施工", "工员"]);
  });
});
