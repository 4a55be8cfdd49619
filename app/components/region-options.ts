/**
 * What a region picker receives from its loader (regionPickerOptions in
 * app/modules/regions/picker.server.ts) and how typed words match it, shared by server and browser.
 */
export interface PickerPlace {
  code: string;
  /** In the page's language. */
  name: string;
  /** Lower-case names, pinyin and initials, made on the server: the browser needs no pinyin library. */
  key: string;
  /** No longer in the national list: offered only because the record already holds it. */
  retired?: true;
}

export interface PickerCounty extends PickerPlace {
  /** The city's name, when counties of several cities are offered. */
  group?: string;
  /** false: shown only to reach its towns (a town's staff may not choose the whole county); absent means true. */
  selectable?: boolean;
  towns: PickerPlace[];
}

export interface RegionPickerOptions {
  counties: PickerCounty[];
}

/** "Hao Ping" → "haoping": what a key is compared with. */
export function normalizeQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, "");
}

export function matches(place: Pick<PickerPlace, "key">, query: string): boolean {
  return !query || place.key.split(" ").some((part) => part.includes(query));
}

/** The county a town code belongs to in these options (towns are not always their county's code + 3 digits). */
export function countyOf(options: RegionPickerOptions, code: string): PickerCounty | undefined {
  return options.counties.find((c) => c.code === code || c.towns.some((t) => t.code === code));
}
