/**
 * The demo's employers as postings find them: by county, kind and industry, widening the search
 * when a county has none. Shared by the seed, the synthetic generator and the demo's extra posts.
 */
import type { Rng } from "./factories.ts";

export interface OrgRef {
  id: number;
  kind: string;
  industryCode: string | null;
  regionCode: string;
  contactPhone: string | null;
}

/** Finds employers by county, kind and industry, widening the search when a county has none. */
export class EmployerIndex {
  private readonly byKey = new Map<string, OrgRef[]>();
  constructor(readonly orgs: OrgRef[]) {
    for (const org of orgs) {
      const county = org.regionCode.slice(0, 6);
      for (const key of [`${county}|${org.kind}|${org.industryCode}`, `${county}|${org.kind}`, `*|${org.kind}|${org.industryCode}`, `*|${org.kind}`]) {
        const list = this.byKey.get(key) ?? [];
        list.push(org);
        this.byKey.set(key, list);
      }
    }
  }

  find(rng: Rng, county: string, kinds: string[], industry: string): OrgRef {
    for (const scope of [county, "*"]) {
      for (const kind of kinds) {
        const exact = this.byKey.get(`${scope}|${kind}|${industry}`);
        if (exact?.length) return rng.pick(exact);
      }
      for (const kind of kinds) {
        const any = this.byKey.get(`${scope}|${kind}`);
        if (any?.length) return rng.pick(any);
      }
    }
    return rng.pick(this.orgs);
  }
}

export function postingContext(org: OrgRef, now: Date) {
  return { now, organizationId: org.id, regionCode: org.regionCode, contactPhone: org.contactPhone };
}
