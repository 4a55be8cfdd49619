import { describe, expect, it } from "vitest";
import { INSTANT_EVERY_MS, nextRunAfter } from "./schedule.ts";

const china = (iso: string) => new Date(`${iso}+08:00`);

describe("when a saved search is checked next", () => {
  it("at once: within minutes", () => {
    const now = china("2026-12-02T10:00:00");
    expect(nextRunAfter("instant", now).getTime()).toBe(now.getTime() + INSTANT_EVERY_MS);
  });

  it("daily: the next 8:00 China time, today before eight, tomorrow after", () => {
    expect(nextRunAfter("daily", china("2026-12-02T07:59:00"))).toEqual(china("2026-12-02T08:00:00"));
    expect(nextRunAfter("daily", china("2026-12-02T08:00:00"))).toEqual(china("2026-12-03T08:00:00"));
    expect(nextRunAfter("daily", china("2026-12-02T23:30:00"))).toEqual(china("2026-12-03T08:00:00"));
  });

  it("weekly: Monday 8:00 China time (2026-12-07 is a Monday)", () => {
    expect(nextRunAfter("weekly", china("2026-12-02T10:00:00"))).toEqual(china("2026-12-07T08:00:00"));
    expect(nextRunAfter("weekly", china("2026-12-07T07:00:00"))).toEqual(china("2026-12-07T08:00:00"));
    expect(nextRunAfter("weekly", china("2026-12-07T08:00:00"))).toEqual(china("2026-12-14T08:00:00"));
  });
});
