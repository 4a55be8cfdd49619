import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { EXPORT_FORMATS } from "~/modules/exports/formats.ts";
import { importTemplateFile } from "~/modules/placements/import-files.server.ts";
import { httpError } from "~/utils/http.ts";

const paramsSchema = z.object({ format: z.enum(EXPORT_FORMATS) });

/** GET /staff/placements/import/template/{csv|xlsx}: the empty import file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "placement.create");
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw httpError(404);
  return importTemplateFile(parsed.data.format, await getLanguage(request));
}
