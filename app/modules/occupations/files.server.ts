/**
 * Reads data/occupations (see its README). Apart from occupations.ts so that the file system stays on
 * the server: a page may import occupations.ts for its types, and a `.server` module is all the
 * browser build leaves out.
 */
import fs from "node:fs";
import path from "node:path";

export const OCCUPATION_DIR = path.resolve("data", "occupations");

export type NameRow = [code: string, nameZh: string, nameEn: string];
export type CredentialRow = [code: string, nameZh: string, nameEn: string, kind: string, occupations: string[]];
export type SkillRow = [code: string, nameZh: string, nameEn: string, occupations: string[]];

export interface OccupationFiles {
  edition: string;
  groups: NameRow[];
  occupations: NameRow[];
  credentials: CredentialRow[];
  skills: SkillRow[];
}

const isNames = (r: unknown, n: number): boolean =>
  Array.isArray(r) && r.length === n && r.slice(0, 3).every((s) => typeof s === "string" && s.length > 0);
const isCodes = (r: unknown): boolean => Array.isArray(r) && r.every((s) => typeof s === "string");

/** Both files of a folder; a row of the wrong shape stops the process at first use, not a request later. */
export function readOccupationFiles(dir: string = OCCUPATION_DIR): OccupationFiles {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown[]>;
  const names = read("occupations.json");
  const lists = read("credentials.json");
  const check = <T>(rows: unknown[] | undefined, ok: (r: unknown) => boolean, what: string): T[] => {
    const bad = (rows ?? []).find((r) => !ok(r));
    if (!rows || bad) throw new Error(`${dir}: ${what} has a malformed row ${JSON.stringify(bad)}`);
    return rows as T[];
  };
  return {
    edition: String(names.edition),
    groups: check<NameRow>(names.groups, (r) => isNames(r, 3), "groups"),
    occupations: check<NameRow>(names.occupations, (r) => isNames(r, 3), "occupations"),
    credentials: check<CredentialRow>(lists.credentials, (r) => isNames(r, 5) && isCodes((r as unknown[])[4]), "credentials"),
    skills: check<SkillRow>(lists.skills, (r) => isNames(r, 4) && isCodes((r as unknown[])[3]), "skills"),
  };
}
