import { describe, expect, it } from "vitest";
import { formatDate, formatNumber } from "./format.ts";

describe("the site's formatters", () => {
  it("write dates in China time, in the reader's language", () => {
    // 20:30 UTC on 1 December is already 2 December in China.
    const late = "2026-12-01T20:30:00.000Z";
    expect(formatDate(late, "zh-CN")).toBe("2026年12月2日");
    expect(formatDate(late, "en")).toBe("2 Dec 2026");
    expect(formatDate(new Date(late), "zh-CN", "dateTime")).toBe("2026年12月2日 04:30");
    expect(formatDate(late, "en", "shortDateTime")).toBe("02/12/2026, 04:30:00");
    expect(formatDate(null, "zh-CN")).toBe("");
  });

  it("group numbers as readers expect", () => {
    expect(formatNumber(1234567, "zh-CN")).toBe("1,234,567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
});
