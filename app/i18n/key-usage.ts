import fs from "node:fs";
import path from "node:path";

/**
 * Which top-level string groups a route can show: every string literal shaped like a key
 * ("search.title", `groups.${code}`, tCode(t, "groups", …)) in the route file and in the app
 * modules it imports, transitively. Server modules count (their loaders and actions hand keys to
 * the page), but not what they import in turn.
 * Used by namespaces.test.ts; an over-count costs bytes, an under-count a missing string.
 */
const APP = path.resolve("app");
const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const KEYISH = /["'`]([a-zA-Z][a-zA-Z0-9_]*)\.[a-zA-Z0-9_$.{}-]+["'`]|tCode\(\s*\w+,\s*["']([a-zA-Z][a-zA-Z0-9_]*)/g;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("~/") ? path.join(APP, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

export function topLevelKeysUsed(file: string, known: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const used = new Set<string>();
  const visit = (f: string, depth: number) => {
    if (seen.has(f) || f.includes(`${path.sep}locales${path.sep}`) || f.includes(`${path.sep}i18n${path.sep}`)) return;
    seen.add(f);
    const text = fs.readFileSync(f, "utf8");
    for (const m of text.matchAll(KEYISH)) {
      const group = m[1] ?? m[2];
      if (group && known.has(group)) used.add(group);
    }
    // A server module's own keys reach the page (its loader or action returns them); what it
    // imports in turn serves the server (audit events, mails, exports), not this page.
    if (depth > 0 && /\.server\.tsx?$/.test(f)) return;
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(f, (m[1] ?? m[2])!);
      if (target) visit(target, depth + 1);
    }
  };
  visit(path.resolve(file), 0);
  return used;
}
