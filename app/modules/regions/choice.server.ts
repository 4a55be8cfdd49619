import { isRetired } from "./picker.server.ts";
import type { RegionInfo } from "./regions.server.ts";

/** Field messages (i18n keys, "common" namespace) for a region chosen in a form. */
export type RegionError =
  | "regionPicker.errors.unknown"
  | "regionPicker.errors.countyRequired"
  | "regionPicker.errors.townNotInCounty"
  | "regionPicker.errors.retired"
  | "regionPicker.errors.outOfScope";

export interface RegionRules {
  /** The division-code prefix the user may choose inside (staffScope); null or absent: anywhere. */
  scope?: string | null;
  /** The code the record holds now: it (and its county) stay valid even if retired since. */
  previous?: string | null;
}

function unchanged(regions: Map<string, RegionInfo>, previous: string | null | undefined): Set<string> {
  const codes = new Set<string>();
  if (!previous) return codes;
  codes.add(previous);
  const parent = regions.get(previous)?.parentCode;
  if (regions.get(previous)?.level === "town" && parent) codes.add(parent);
  return codes;
}

/** One code of one of the given levels: known, current (or unchanged) and inside the scope. */
export function checkRegionCode(regions: Map<string, RegionInfo>, code: string, levels: readonly string[], rules: RegionRules = {}): RegionError | null {
  const region = regions.get(code);
  if (!region || !levels.includes(region.level)) return "regionPicker.errors.unknown";
  if (rules.scope && !code.startsWith(rules.scope)) return "regionPicker.errors.outOfScope";
  if (isRetired(region) && !unchanged(regions, rules.previous).has(code)) return "regionPicker.errors.retired";
  return null;
}

export interface PlaceCheck {
  errors: { county?: RegionError; town?: RegionError };
  /** The county, taken from the town when only the town was sent (the no-JavaScript list allows that). */
  county?: string;
  town?: string;
}

/**
 * A county and an optional town from the picker: each known and current, the town inside the
 * county. A record's unchanged codes pass even when retired since, so editing never forces a change.
 */
export function checkPlace(
  regions: Map<string, RegionInfo>,
  input: { county?: string | null; town?: string | null },
  rules: RegionRules & { countyRequired?: boolean } = {},
): PlaceCheck {
  const town = input.town || undefined;
  const townRegion = town ? regions.get(town) : undefined;
  const county = input.county || (townRegion?.level === "town" ? townRegion.parentCode ?? undefined : undefined);
  const errors: PlaceCheck["errors"] = {};
  // A town-level scope allows its county only as the way to that town.
  const countyScope = rules.scope && rules.scope.length > 6 ? rules.scope.slice(0, 6) : rules.scope;
  if (!county) {
    // With a town sent, its own message says what is wrong (a known town would have given its county).
    if (rules.countyRequired && !town) errors.county = "regionPicker.errors.countyRequired";
  } else {
    const error = checkRegionCode(regions, county, ["county"], { ...rules, scope: countyScope });
    if (error) errors.county = error;
  }
  if (town) {
    const error = checkRegionCode(regions, town, ["town"], rules);
    if (error) errors.town = error;
    else if (county && townRegion?.parentCode !== county) errors.town = "regionPicker.errors.townNotInCounty";
  } else if (rules.scope && rules.scope.length > 6 && county) {
    errors.town = "regionPicker.errors.outOfScope";
  }
  return { errors, county, town };
}

/**
 * checkPlace's messages under a form's own field names, in its own words where it has them
 * (`messages` maps the picker's keys to the form's, per field).
 */
export function placeFieldErrors(
  regions: Map<string, RegionInfo>,
  input: { county?: string | null; town?: string | null },
  fields: { county: string; town: string },
  rules: RegionRules & { countyRequired?: boolean } = {},
  messages: { county?: Partial<Record<RegionError, string>>; town?: Partial<Record<RegionError, string>> } = {},
): Record<string, string> {
  const { errors } = checkPlace(regions, input, rules);
  const out: Record<string, string> = {};
  if (errors.county) out[fields.county] = messages.county?.[errors.county] ?? errors.county;
  if (errors.town) out[fields.town] = messages.town?.[errors.town] ?? errors.town;
  return out;
}
