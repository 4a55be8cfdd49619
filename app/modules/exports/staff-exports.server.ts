/**
 * The tables staff download: the indicator dashboard's table and its child-region ranking, every
 * record behind a figure, and the placements list — each with translated headers, inside the
 * staff member's region (outside it there is nothing: null), ID numbers only ever masked.
 */
import { tCode } from "~/i18n/translate.ts";
import type { TFunction } from "i18next";
import { isLanguage, type Language } from "../../i18n/i18n.ts";
import { createI18n } from "../../i18n/i18n.server.ts";
import { scopePrefix } from "../auth/permissions.ts";
import { getDb } from "../db.server.ts";
import { regionDashboard } from "../indicators/progress.server.ts";
import { placeOf } from "../organizations/organizations.server.ts";
import { maskIdNumber } from "../people/identity.ts";
import { getRegions, regionName } from "../regions/regions.server.ts";
import { allPlacementsForStaff } from "../placements/placements.server.ts";
import { staffScope, type StaffActor } from "../staff/scope.ts";
import type { DashboardExportQuery, PlacementsExportQuery, RecordsExportQuery } from "./schemas.ts";
import type { ExportColumn, ExportFile, ExportRow } from "./table.server.ts";
import { likeText } from "../like.ts";

const BATCH = 2000;
const translators = new Map<Language, TFunction>();

function translator(lang: string): TFunction {
  const language: Language = isLanguage(lang) ? lang : "zh-CN";
  let t = translators.get(language);
  if (!t) {
    t = createI18n(language).t;
    translators.set(language, t);
  }
  return t;
}

/** Stored values are masked already; anything that somehow is not gets masked here, never written whole. */
export function maskedId(value: string | null | undefined): string {
  if (!value) return "";
  return value.includes("*") ? value : maskIdNumber(value);
}

/** A calendar day stored as a moment: the UTC day it names. */
const day = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

type Dashboard = NonNullable<Awaited<ReturnType<typeof regionDashboard>>>;

/** Rates are stored in basis points (400 = 4.00%): the file holds the percentage as a number. */
const figure = (n: number | null, unit: string) => (n === null ? null : unit === "percent" ? n / 100 : n);

/** The dashboard's indicator table, or its ranking of the child regions, for one region and year. */
export async function dashboardExport(actor: StaffActor, query: DashboardExportQuery, lang: string): Promise<ExportFile | null> {
  const d = await regionDashboard(actor, { region: query.region, year: query.year, plan: query.plan });
  if (!d) return null;
  const t = translator(lang);
  const en = lang === "en";
  const place = en ? (d.region.nameEn ?? d.region.name) : d.region.name;
  const yearLabel = t("exports.yearLabel", { year: d.year });
  if (query.table === "ranking") {
    const title = t("exports.files.ranking");
    return { table: rankingTable(d, query.rank, t, en, title), name: { ascii: `ranking-${d.regionCode}-${d.year}`, utf8: `${title}-${place}-${yearLabel}` } };
  }
  const title = t("exports.files.indicators");
  const columns: ExportColumn[] = [
    { key: "indicator", header: t("indicators.columns.indicator") },
    { key: "unit", header: t("exports.columns.unit") },
    { key: "target", header: t("indicators.columns.target"), type: "number" },
    { key: "done", header: t("indicators.columns.done"), type: "number" },
    { key: "pct", header: t("exports.columns.pct"), type: "number" },
    { key: "pace", header: t("indicators.columns.pace"), type: "number" },
    { key: "gap", header: t("indicators.columns.gap"), type: "number" },
    { key: "status", header: t("indicators.columns.status") },
  ];
  const rows: ExportRow[] = d.indicators.map((i) => ({
    indicator: en ? i.nameEn : i.nameZh,
    unit: tCode(t, "indicators.units", i.unit),
    target: figure(i.target, i.unit),
    done: figure(i.done, i.unit),
    pct: i.pct,
    pace: figure(i.pace, i.unit),
    gap: figure(i.gap, i.unit),
    status: tCode(t, "indicators.status", i.status),
  }));
  return { table: { sheetName: title, columns, rows }, name: { ascii: `indicators-${d.regionCode}-${d.year}`, utf8: `${title}-${place}-${yearLabel}` } };
}

/**
 * The child regions ranked as the dashboard ranks them (lowest % done first on the chosen
 * indicator, the first counted one by default), with every counted indicator's figures.
 */
function rankingTable(d: Dashboard, rank: number | undefined, t: TFunction, en: boolean, title: string) {
  const counted = d.indicators.filter((i) => i.traceable);
  const ranked = counted.find((i) => i.id === rank) ?? counted[0];
  const pctOf = (c: Dashboard["children"][number]) => c.indicators.find((x) => x.indicatorId === ranked?.id)?.pct ?? null;
  const children = [...d.children].sort((a, b) => (pctOf(a) ?? 1e9) - (pctOf(b) ?? 1e9) || a.code.localeCompare(b.code));
  const columns: ExportColumn[] = [
    { key: "rank", header: t("exports.columns.rank"), type: "integer" },
    { key: "code", header: t("exports.columns.regionCode") },
    { key: "region", header: t("exports.columns.region") },
    ...counted.flatMap((i): ExportColumn[] => {
      const name = en ? i.nameEn : i.nameZh;
      const head = (column: string) => t("exports.columns.perIndicator", { indicator: name, column });
      return [
        { key: `${i.id}.target`, header: head(t("indicators.columns.target")), type: "integer" },
        { key: `${i.id}.done`, header: head(t("indicators.columns.done")), type: "integer" },
        { key: `${i.id}.pct`, header: head(t("exports.columns.pct")), type: "number" },
        { key: `${i.id}.status`, header: head(t("indicators.columns.status")) },
      ];
    }),
  ];
  const rows = children.map((c, n): ExportRow => {
    const row: ExportRow = { rank: n + 1, code: c.code, region: en ? (c.nameEn ?? c.name) : c.name };
    for (const x of c.indicators) {
      row[`${x.indicatorId}.target`] = x.target;
      row[`${x.indicatorId}.done`] = x.done;
      row[`${x.indicatorId}.pct`] = x.pct;
      row[`${x.indicatorId}.status`] = tCode(t, "indicators.status", x.status);
    }
    return row;
  });
  return { sheetName: title, columns, rows };
}

/**
 * Every record behind one figure (all pages), read in batches month by month: each credited
 * person with the placement that counts. `total` is the figure itself. Outside the region: null.
 */
export async function recordsExport(actor: StaffActor, query: RecordsExportQuery, lang: string): Promise<(ExportFile & { total: number }) | null> {
  const scope = staffScope(actor);
  if (scope !== null && !query.region.startsWith(scope)) return null;
  const db = getDb();
  const [indicator, regions] = await Promise.all([db.indicator.findUnique({ where: { id: query.indicator } }), getRegions()]);
  if (!indicator || !regions.has(query.region)) return null;
  const where = { indicatorId: indicator.id, year: query.year, regionCode: { startsWith: likeText(scopePrefix(query.region)) } };
  const total = await db.indicatorCredit.count({ where: { ...where, ...(query.month ? { month: query.month } : {}) } });
  const t = translator(lang);
  const months = query.month ? [query.month] : Array.from({ length: 12 }, (_, m) => m + 1);

  async function* rows(): AsyncGenerator<ExportRow> {
    for (const month of months) {
      let after = 0;
      for (;;) {
        const batch = await db.indicatorCredit.findMany({
          where: { ...where, month, id: { gt: after } },
          orderBy: { id: "asc" },
          take: BATCH,
          select: { id: true, placement: { select: { id: true, personName: true, idNumberMasked: true, employerName: true, kind: true, startDate: true, source: true, regionCode: true } } },
        });
        for (const c of batch) {
          const p = c.placement;
          yield {
            record: p.id,
            person: p.personName,
            idNumber: maskedId(p.idNumberMasked),
            employer: p.employerName,
            kind: tCode(t, "placements.kinds", p.kind),
            startDate: day(p.startDate),
            place: placeOf(regions, p.regionCode, lang),
            source: tCode(t, "placements.sources", p.source),
          };
        }
        if (batch.length < BATCH) break;
        after = batch[batch.length - 1]!.id;
      }
    }
  }

  const title = t("exports.files.records");
  const indicatorName = lang === "en" ? indicator.nameEn : indicator.nameZh;
  const place = regionName(regions, query.region, lang);
  const monthPart = query.month ? `-${String(query.month).padStart(2, "0")}` : "";
  return {
    total,
    table: {
      sheetName: title,
      columns: [
        { key: "record", header: t("exports.columns.record"), type: "integer" },
        { key: "person", header: t("indicators.person") },
        { key: "idNumber", header: t("indicators.idNumber"), width: 22 },
        { key: "employer", header: t("indicators.employer") },
        { key: "kind", header: t("indicators.kind") },
        { key: "startDate", header: t("indicators.startDate"), type: "date" },
        { key: "place", header: t("indicators.place") },
        { key: "source", header: t("indicators.source") },
      ],
      rows: rows(),
    },
    name: {
      ascii: `records-${indicator.code}-${query.region}-${query.year}${monthPart}`,
      utf8: `${title}-${indicatorName}-${place}-${t("exports.yearLabel", { year: query.year })}${query.month ? `-${t("indicators.month", { month: query.month })}` : ""}`,
    },
  };
}

/**
 * Every placement of one filter (status tab and search) inside the staff member's region (the
 * list page shows them twenty at a time), oldest first, read in batches. ID numbers masked.
 */
export async function placementsExport(actor: StaffActor, query: PlacementsExportQuery, lang: string, now = new Date()): Promise<ExportFile> {
  const source = allPlacementsForStaff(actor, query);
  const regions = await getRegions();
  const t = translator(lang);

  async function* rows(): AsyncGenerator<ExportRow> {
    for await (const p of source) {
      yield {
        record: p.id,
        status: tCode(t, "placements.status", p.status),
        person: p.personName,
        idNumber: maskedId(p.idNumberMasked),
        employer: p.employerName,
        posting: p.posting?.title ?? "",
        kind: tCode(t, "placements.kinds", p.kind),
        place: placeOf(regions, p.regionCode, lang),
        startDate: day(p.startDate),
        source: tCode(t, "placements.sources", p.source),
        rejectionReason: p.rejectionReason ?? "",
        recordedAt: p.createdAt,
      };
    }
  }

  const title = t("exports.files.placements");
  const china = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const tab = query.status === "all" ? t("placements.tabs.all") : tCode(t, "placements.status", query.status);
  return {
    table: {
      sheetName: title,
      columns: [
        { key: "record", header: t("exports.columns.record"), type: "integer" },
        { key: "status", header: t("exports.columns.status") },
        { key: "person", header: t("placements.person") },
        { key: "idNumber", header: t("placements.idNumber"), width: 22 },
        { key: "employer", header: t("placements.employer") },
        { key: "posting", header: t("placements.posting") },
        { key: "kind", header: t("placements.kind") },
        { key: "place", header: t("placements.place") },
        { key: "startDate", header: t("placements.startDate"), type: "date" },
        { key: "source", header: t("placements.source") },
        { key: "rejectionReason", header: t("exports.columns.rejectionReason") },
        { key: "recordedAt", header: t("placements.recordedAt"), type: "datetime" },
      ],
      rows: rows(),
    },
    name: { ascii: `placements-${query.status}-${china}`, utf8: `${title}-${tab}-${china}` },
  };
}
