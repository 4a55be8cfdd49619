import { z } from "zod";
import { dashboardQuerySchema, recordsQuerySchema } from "../indicators/schemas.ts";
import { staffPlacementQuerySchema } from "../placements/schemas.ts";
import { EXPORT_FORMATS } from "./formats.ts";

/** `?format=csv|xlsx`; anything else (or nothing) is CSV, never an error. */
export const exportFormatSchema = z.enum(EXPORT_FORMATS).catch("csv");

export const DASHBOARD_TABLES = ["indicators", "ranking"] as const;

/** The dashboard's own URL plus which of its tables and in which format. */
export function dashboardExportQuerySchema(now = new Date()) {
  return dashboardQuerySchema(now).extend({
    table: z.enum(DASHBOARD_TABLES).catch("indicators"),
    format: exportFormatSchema,
  });
}
export type DashboardExportQuery = z.infer<ReturnType<typeof dashboardExportQuerySchema>>;

/** The records page's URL without its page (the export holds every page) plus the format. */
export function recordsExportQuerySchema(now = new Date()) {
  return recordsQuerySchema(now).omit({ page: true }).extend({ format: exportFormatSchema });
}
export type RecordsExportQuery = z.infer<ReturnType<typeof recordsExportQuerySchema>>;

/** The placements page's filter (its status tab) without the page, plus the format. */
export const placementsExportQuerySchema = staffPlacementQuerySchema.omit({ page: true }).extend({ format: exportFormatSchema });
export type PlacementsExportQuery = z.infer<typeof placementsExportQuerySchema>;
