import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServices, seedNow, type TestServices } from "../../tests/setup/test-env.ts";
import { rebuildIndex } from "../../search/indexer.ts";
import { loader as searchApi } from "./api.v1.search.ts";
import { loader as itemApi } from "./api.v1.$kind.$id.ts";
import { loader as searchPage } from "./search.tsx";
import { loader as detailPage } from "./$kind.$id.tsx";

const args = (url: string, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${url}`), params, context: { clientAddress: "127.0.0.1" } });

interface SearchBody {
  query: Record<string, unknown>;
  notes: { param: string; key: string }[];
  source: string;
  total: number;
  page: number;
  totalPages: number;
  results: { kind: string; id: number; title: string; url: string; api: string }[];
  facets: { kind: Record<string, number> };
}

/** The documented public item keys per kind (README "Open read API"); anything else is private. */
const PLACE_KEYS = ["regionCode", "countyCode", "place"];
const POSTING_KEYS = [
  "id", "kind", "title", "organization", ...PLACE_KEYS, "address", "industryCode", "industry", "occupation", "occupationCode", "credentials",
  "skillCodes", "description", "requirements", "skills", "education", "experienceYears", "ageMin", "ageMax", "contractType", "payMin",
  "payMax", "payPeriod", "headcount", "benefits", "groups", "groupOnly", "brandCode", "howToApply", "contactPhone", "durationMonths", "eligibleMajors", "workDate",
  "startTime", "endTime", "status", "publishedAt", "validFrom", "validUntil",
];
const PUBLIC_KEYS: Record<string, string[]> = {
  job: POSTING_KEYS,
  internship: POSTING_KEYS,
  gig: POSTING_KEYS,
  base: [
    "id", "kind", "name", "type", "level", "organizationName", ...PLACE_KEYS, "address", "description", "services", "industries",
    "totalPlaces", "freePlaces", "rentTerms", "rentFreeYears", "supportLoans", "supportSubsidy", "groups", "contactPhone", "status", "publishedAt",
  ],
  course: [
    "id", "kind", "title", "brandCode", "brandName", "trade", "providerName", "providerPhone", ...PLACE_KEYS, "address", "description",
    "startDate", "endDate", "schedule", "hours", "totalPlaces", "placesLeft", "cost", "subsidy", "certificate", "leadsTo", "industryCode",
    "groups", "enrolDeadline", "status", "publishedAt",
  ],
};
const ORGANIZATION_KEYS = ["name", "verified", "description", "contactPhone", "responses"];
/** Moderation, audit and internal columns of Posting, IncubationBase, TrainingCourse and Organization. */
const INTERNAL_KEYS = [
  "rejectionReason", "reviewedById", "reviewedAt", "submittedAt", "closedAt", "createdById", "createdAt", "updatedAt", "organizationId",
  "providerId", "provider", "brand", "verifiedById", "verifiedAt", "creditCode", "creditCodeWarning", "contactName",
];

/** Every key anywhere in a JSON value. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, into);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  }
  return into;
}

function expectPublicShape(kind: string, item: Record<string, unknown>, label: string) {
  expect(Object.keys(item).sort(), label).toEqual([...PUBLIC_KEYS[kind]!].sort());
  if ("organization" in item) expect(Object.keys(item.organization as object).sort(), label).toEqual([...ORGANIZATION_KEYS].sort());
  const keys = keysDeep(item);
  for (const internal of INTERNAL_KEYS) expect(keys.has(internal), `${label}: ${internal}`).toBe(false);
}

describe("open read API and page loaders, against real SQLite and Meilisearch", () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices("api", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now: seedNow() });
  });
  afterAll(() => services.cleanup());

  it("GET /api/v1/search answers JSON with results, facets and links, open to other sites", async () => {
    const res = await searchApi(args("/api/v1/search?q=养老护理&county=610902&sort=newest"));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as SearchBody;
    expect(body.source).toBe("search");
    expect(body.query).toMatchObject({ q: "养老护理", county: "610902", sort: "newest", page: 1 });
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) expect(r.url).toBe(`/${r.kind}/${r.id}`);
    expect(Object.keys(body.facets.kind).length).toBeGreaterThan(0);
  });

  it("GET /api/v1/{kind}/{id} returns each kind, and 404 JSON for unknown ones", async () => {
    for (const kind of ["job", "internship", "gig", "base", "course"]) {
      const list = (await (await searchApi(args(`/api/v1/search?kind=${kind}`))).json()) as SearchBody;
      const first = list.results[0]!;
      const res = await itemApi(args(first.api, { kind, id: String(first.id) }));
      expect(res.status, kind).toBe(200);
      const body = (await res.json()) as { kind: string; open: boolean; item: Record<string, unknown> };
      expect(body).toMatchObject({ kind, open: true, item: { id: first.id, kind } });
      expectPublicShape(kind, body.item, `api ${kind}`);
      // The page loader hands the browser the very same shape.
      const page = await detailPage(args(`/${kind}/${first.id}`, { kind, id: String(first.id) }));
      const pageItem = page.detail.posting ?? page.detail.base ?? page.detail.course;
      expectPublicShape(kind, JSON.parse(JSON.stringify(pageItem)) as Record<string, unknown>, `page ${kind}`);
      expect(JSON.parse(JSON.stringify(pageItem))).toEqual(body.item);
    }
    for (const [kind, id] of [["job", "99999999"], ["job", "abc"], ["job", "-1"], ["jobs", "1"], ["base", "1e3"], ["course", "0"]] as const) {
      const res = await itemApi(args(`/api/v1/${kind}/${id}`, { kind, id }));
      expect(res.status, `${kind}/${id}`).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe("not_found");
    }
  });

  it("says an expired or closed item is no longer open, and keeps it out of search", async () => {
    const closed = await services.db.posting.findFirstOrThrow({ where: { status: "closed" } });
    const res = await itemApi(args(`/api/v1/${closed.kind}/${closed.id}`, { kind: closed.kind, id: String(closed.id) }));
    expect(((await res.json()) as { open: boolean }).open).toBe(false);
    const search = (await (await searchApi(args(`/api/v1/search?q=${encodeURIComponent(closed.title)}&county=${closed.countyCode}&kind=${closed.kind}&page=1`))).json()) as SearchBody;
    const pages = search.totalPages;
    const seen: number[] = search.results.map((r) => r.id);
    for (let page = 2; page <= pages; page++) {
      const more = (await (await searchApi(args(`/api/v1/search?q=${encodeURIComponent(closed.title)}&county=${closed.countyCode}&kind=${closed.kind}&page=${page}`))).json()) as SearchBody;
      seen.push(...more.results.map((r) => r.id));
    }
    expect(seen).not.toContain(closed.id);
  });

  it("leaves a rejection reason and the reviewer out of a fixed or closed posting, in the API and on the page", async () => {
    const staff = await services.db.user.findFirstOrThrow({ where: { role: "staff" } });
    const fixed = await services.db.posting.findFirstOrThrow({ where: { status: "published", validUntil: { gte: seedNow() } } });
    const closed = await services.db.posting.findFirstOrThrow({ where: { status: "closed" } });
    const reasons = new Map<number, string>();
    for (const row of [fixed, closed]) {
      const reason = `驳回理由-内部-${row.id}-联系人手机不可公开`;
      reasons.set(row.id, reason);
      await services.db.posting.update({
        where: { id: row.id },
        data: { rejectionReason: reason, reviewedById: staff.id, reviewedAt: seedNow(), submittedAt: seedNow(), createdById: staff.id },
      });
    }
    // The organization was once rejected as well; its old reason must not travel with the post.
    await services.db.organization.update({ where: { id: closed.organizationId }, data: { rejectionReason: `机构驳回-${closed.id}`, verifiedById: staff.id } });

    for (const row of [fixed, closed]) {
      const params = { kind: row.kind, id: String(row.id) };
      const res = await itemApi(args(`/api/v1/${row.kind}/${row.id}`, params));
      const text = await res.text();
      const body = JSON.parse(text) as { open: boolean; item: Record<string, unknown> };
      expect(body.open, `${row.id}`).toBe(row.id === fixed.id);
      expectPublicShape(row.kind, body.item, `api ${row.kind}/${row.id}`);
      expect(text).not.toContain(reasons.get(row.id));
      expect(text).not.toContain(`机构驳回-${closed.id}`);
      const page = JSON.stringify(await detailPage(args(`/${row.kind}/${row.id}`, params)));
      expect(page).not.toContain(reasons.get(row.id));
      expect(page).not.toContain(`机构驳回-${closed.id}`);
      expect(page).not.toMatch(/rejectionReason|reviewedById|createdById/);
    }
  });

  const badQueries = [
    "q=" + "修".repeat(3000), "kind=jobs&kind=' OR 1=1", "county=999999", "county=abc", "town=610924999", "town=61092400x",
    "industry=DROP TABLE", "pay=free", "posted=-1", "group=students", "brand=%22%3E%3Cscript%3E", "sort=random()",
    "page=0", "page=-5", "page=1e9", "page=99999", "page=abc", "unknown=1", "q=%00%01%02", "q=\"\\", "county=610924&page=400",
    "q=filter%20%3D%20x", "kind=base&pay=gte8000", "q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%B2%97%E4%BD%8Dxyz",
  ];

  it("never fails on bad parameters: the API and the page answer 200 with notes", async () => {
    for (const query of badQueries) {
      const api = await searchApi(args(`/api/v1/search?${query}`));
      expect(api.status, query).toBe(200);
      const body = (await api.json()) as SearchBody;
      expect(body.page, query).toBeGreaterThanOrEqual(1);
      const page = await searchPage(args(`/search?${query}`));
      expect(page, query).toBeTruthy();
    }
    const body = (await (await searchApi(args("/api/v1/search?page=99999&kind=base"))).json()) as SearchBody;
    expect(body.notes.map((n) => n.param)).toContain("page");
    expect(body.results.length).toBeGreaterThan(0);
  });

  it("gives a 404 response, not a 500, for unknown detail pages", async () => {
    for (const [kind, id] of [["job", "99999999"], ["job", "x"], ["shop", "1"], ["course", "99999"]] as const) {
      const outcome = await detailPage(args(`/${kind}/${id}`, { kind, id })).then(() => null, (thrown: unknown) => thrown);
      expect(outcome, `${kind}/${id}`).toBeInstanceOf(Response);
      expect((outcome as Response).status).toBe(404);
    }
  });
});
