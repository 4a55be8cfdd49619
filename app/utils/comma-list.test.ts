import { describe, expect, it } from "vitest";
import { fromCommaList, toCommaList } from "./comma-list.ts";

describe("comma lists", () => {
  it("round-trips, and an empty list is one comma that no code matches", () => {
    expect(toCommaList(["returnee", "graduate"])).toBe(",returnee,graduate,");
    expect(fromCommaList(toCommaList(["returnee", "graduate"]))).toEqual(["returnee", "graduate"]);
    expect(toCommaList([])).toBe(",");
    expect(fromCommaList(",")).toEqual([]);
    expect(fromCommaList(null)).toEqual([]);
    // Old rows written without the outer commas read the same.
    expect(fromCommaList("a,b")).toEqual(["a", "b"]);
  });
});
