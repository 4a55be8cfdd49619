import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAMESPACES, type Namespace } from "./i18n.ts";
import { i18nBootstrap, NAMESPACE_KEYS, resources } from "./i18n.server.ts";
import { topLevelKeysUsed } from "./key-usage.ts";
import { createTranslator } from "./translate.ts";

const zh = resources["zh-CN"] as unknown as Record<string, unknown>;
const owner = new Map<string, Namespace>();
for (const ns of NAMESPACES) for (const key of NAMESPACE_KEYS[ns]) if (!key.includes(".")) owner.set(key, ns);

function declared(file: string): Namespace[] {
  const match = fs.readFileSync(file, "utf8").match(/export const handle[^=]*=\s*\{\s*i18n:\s*\[([^\]]*)\]/);
  return match ? [...match[1]!.matchAll(/"([a-zA-Z]+)"/g)].map((m) => m[1] as Namespace) : [];
}

describe("strings per route", () => {
  it("every top-level group of strings belongs to one namespace", () => {
    expect(Object.keys(zh).filter((k) => !owner.has(k))).toEqual([]);
    const seen = NAMESPACES.flatMap((ns) => NAMESPACE_KEYS[ns].filter((k) => !k.includes(".")));
    expect(seen.length).toBe(new Set(seen).size);
  });

  it("every page route declares the namespaces of the keys it (and what it imports) can show", () => {
    const known = new Set(Object.keys(zh));
    const missing: string[] = [];
    for (const name of fs.readdirSync("app/routes").filter((f) => f.endsWith(".tsx") && !f.includes(".test."))) {
      const file = path.join("app/routes", name);
      const need = [...topLevelKeysUsed(file, known)].map((k) => owner.get(k)!).filter((ns) => ns !== "common" && ns !== "server");
      const have = new Set(declared(file));
      for (const ns of new Set(need)) if (!have.has(ns)) missing.push(`${name}: ${ns}`);
    }
    expect(missing).toEqual([]);
  });

  it("a Chinese page's strings hold no English and no staff strings", () => {
    const json = i18nBootstrap("zh-CN", ["common", "opportunities"]);
    const store = JSON.stringify(JSON.parse(json).store);
    expect(store).toContain(resources["zh-CN"].site.name);
    expect(store).not.toContain(resources.en.site.name);
    expect(store).not.toContain(resources.en.search.title);
    for (const group of ["staffPostings", "staffOrgs", "indicators", "registers", "placements", "httpErrors", "authMessages"]) expect(store).not.toContain(`"${group}"`);
    expect(json).not.toMatch(/<\/script/i);
  });

  it("strings use only what the page translator does ({{name}}; no plurals, nesting or formats)", () => {
    const text = JSON.stringify(resources);
    expect(text).not.toMatch(/\$t\(|\{\{[^}]*,[^}]*\}\}/);
    expect(text).not.toMatch(/"[a-zA-Z]+_(one|other|zero|few|many)"/);
    const t = createTranslator("en", resources.en).t as unknown as (k: string, o?: object) => string;
    expect(t("search.resultsFor", { q: "x", count: 2 })).toBe(resources.en.search.resultsFor.replace("{{q}}", "x").replace("{{count}}", "2"));
    expect(t("no.such.key")).toBe("no.such.key");
  });
});

// The browser build (npm test builds before vitest): what the public pages load must hold no
// validation library, no chart library, no i18next and no string files.
const metafile = "build/metafile.js.json";
describe.runIf(fs.existsSync(metafile))("browser bundles", () => {
  const outputs = (JSON.parse(fs.readFileSync(metafile, "utf8")) as { outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }> }).outputs;
  const closure = (out: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(out) || !outputs[out]) return seen;
    seen.add(out);
    for (const i of outputs[out]!.imports) if (i.kind === "import-statement") closure(i.path, seen);
    return seen;
  };
  const find = (prefix: string) => Object.keys(outputs).find((o) => o.startsWith(prefix) && o.endsWith(".js"));
  const base = ["public/build/entry.client-", "public/build/root-"].map(find).filter((o): o is string => Boolean(o));

  it.each(["_index", "search", "$kind.$id", "figures", "notifications", "me._index"])("%s loads no zod, conform, recharts, i18next or string files", (route) => {
    const entry = find(`public/build/routes/${route}-`);
    expect(entry).toBeDefined();
    const files = new Set<string>();
    for (const out of [...base, entry!]) closure(out, files);
    const inputs = [...files].flatMap((o) => Object.keys(outputs[o]!.inputs));
    expect(inputs.filter((i) => /node_modules\/(zod|@conform-to|recharts|d3-|i18next|react-i18next)\/|app\/locales\//.test(i))).toEqual([]);
  });

  it("no browser chunk holds the string files", () => {
    const inputs = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter((i) => i.includes("app/locales/"))).toEqual([]);
  });
});
