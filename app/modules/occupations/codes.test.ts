import { describe, expect, it } from "vitest";
import { isWellFormedCode, levelOf, parentCodeOf, parentCodesOf, relatedness } from "./codes.ts";

describe("occupation codes", () => {
  it("tell their level from their shape", () => {
    expect(levelOf("4")).toBe("major");
    expect(levelOf("4-10")).toBe("medium");
    expect(levelOf("4-10-03")).toBe("minor");
    expect(levelOf("4-10-03-05")).toBe("occupation");
    for (const bad of ["", "0", "9", "4-1", "4-10-3", "4-10-03-05-01", "41003", " 4-10", "4–10"]) {
      expect(isWellFormedCode(bad), bad).toBe(false);
      expect(levelOf(bad), bad).toBeNull();
    }
  });

  it("name their parents up to the major group", () => {
    expect(parentCodeOf("4-10-03-05")).toBe("4-10-03");
    expect(parentCodeOf("4")).toBeNull();
    expect(parentCodesOf("4-10-03-05")).toEqual(["4-10-03", "4-10", "4"]);
    expect(parentCodesOf("6-29")).toEqual(["6"]);
    expect(parentCodesOf("not a code")).toEqual([]);
  });

  it("relatedness is 4 for the same occupation, 3 the same minor group, 2 medium, 1 major, 0 otherwise", () => {
    expect(relatedness("4-10-03-05", "4-10-03-05")).toBe(4); // 修脚师, 修脚师
    expect(relatedness("4-10-03-05", "4-10-03-02")).toBe(3); // 修脚师, 美发师
    expect(relatedness("4-10-03-05", "4-10-01-05")).toBe(2); // 修脚师, 养老护理员
    expect(relatedness("4-10-03-05", "4-03-02-01")).toBe(1); // 修脚师, 中式烹调师
    expect(relatedness("4-10-03-05", "6-29-01-04")).toBe(0); // 修脚师, 钢筋工
    // same digits in another branch are not shared: 6-10-01-01 and 4-10-01-01 share nothing
    expect(relatedness("6-10-01-01", "4-10-01-01")).toBe(0);
    expect(relatedness("6-29-01-04", "6-29-02-04")).toBe(2);
  });

  it("relatedness is symmetric, counts a group to its own depth and is 0 for anything malformed", () => {
    const codes = ["4-10-03-05", "4-10-03-02", "4-10-01-05", "6-29-01-04", "4-10", "4"];
    for (const a of codes) for (const b of codes) expect(relatedness(a, b)).toBe(relatedness(b, a));
    expect(relatedness("4-10", "4-10-03-05")).toBe(2);
    expect(relatedness("4", "4-10-03-05")).toBe(1);
    expect(relatedness("", "")).toBe(0);
    expect(relatedness("修脚师", "修脚师")).toBe(0);
    expect(relatedness("4-10-03-05 ", "4-10-03-05")).toBe(0);
  });
});
