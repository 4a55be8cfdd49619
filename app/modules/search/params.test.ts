import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchParams, searchUrl } from "./params.ts";

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe("parseSearchParams", () => {
  it("reads a full, valid search state", () => {
    const { params, notes } = parse("q=修脚师&kind=course&kind=job&county=610924&town=610924100&industry=tourism&pay=3000_5000&posted=7&group=returnee&brand=ziyang_pedicure&sort=newest&page=3");
    expect(notes).toEqual([]);
    expect(params).toEqual({
      q: "修脚师", kind: ["course", "job"], county: "610924", town: "610924100", industry: "tourism",
      pay: "3000_5000", posted: "7", group: "returnee", brand: "ziyang_pedicure", sort: "newest", page: 3,
    });
  });

  it("defaults an empty URL to the first page of everything", () => {
    expect(parse("")).toEqual({ params: { q: "", kind: [], sort: "relevance", page: 1 }, notes: [] });
  });

  const badValues: Record<string, string[]> = {
    kind: ["jobs", "JOB", "' OR 1=1", "", "x".repeat(500)],
    county: ["61092", "6109240", "abcdef", "610924'", "-1", "٦١٠٩٢٤"],
    town: ["61092400", "6109240011", "town", "610924100;"],
    industry: ["Tourism", "旅游", "a b", "x".repeat(60), "1abc"],
    pay: ["cheap", "0", "lt3000 ", "GTE8000"],
    posted: ["2", "-7", "365", "week"],
    group: ["students", "returnee,graduate", "RETURNEE"],
    brand: ["紫阳修脚师", "ziyang pedicure", "\"><script>"],
    sort: ["price", "NEWEST", "random()", "1"],
    page: ["0", "-1", "1.5", "abc", "999999999999", "501", "1e3"],
  };
  for (const [name, values] of Object.entries(badValues)) {
    it(`drops bad ${name} values with a note and keeps the rest`, () => {
      for (const value of values) {
        const { params, notes } = parse(`q=养老&${name}=${encodeURIComponent(value)}`);
        expect(params.q).toBe("养老");
        expect(params.page).toBe(1);
        expect(params.sort).toBe("relevance");
        if (name === "kind") expect(params.kind).toEqual([]);
        else if (name !== "page" && name !== "sort") expect((params as unknown as Record<string, unknown>)[name]).toBeUndefined();
        if (value !== "") expect(notes.map((n) => n.param)).toContain(name);
      }
    });
  }

  it("truncates oversized queries and says so", () => {
    const { params, notes } = parse(`q=${"工".repeat(5000)}`);
    expect(params.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(notes).toEqual([{ param: "q", key: "notes.queryTruncated" }]);
  });

  it("notes unknown parameters instead of failing", () => {
    const { notes } = parse("q=a&color=red");
    expect(notes).toEqual([{ param: "color", key: "notes.unknownParam" }]);
  });

  it("derives the county from a town, and drops a town outside the chosen county", () => {
    expect(parse("town=610924102").params.county).toBe("610924");
    const mismatch = parse("county=610902&town=610924102");
    expect(mismatch.params.town).toBeUndefined();
    expect(mismatch.notes[0]?.param).toBe("town");
  });

  it("round-trips through searchUrl", () => {
    const url = searchUrl({ q: "电子 线束", kind: ["job"], county: "610902", sort: "pay", page: 2 });
    expect(parse(url.split("?")[1]!).params).toMatchObject({ q: "电子 线束", kind: ["job"], county: "610902", sort: "pay", page: 2 });
  });
});
