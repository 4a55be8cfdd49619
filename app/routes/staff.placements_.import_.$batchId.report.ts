import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { importReportFile } from "~/modules/placements/import-files.server.ts";
import { httpError } from "~/utils/http.ts";

const paramsSchema = z.object({ batchId: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number) });

/** GET /staff/placements/import/{batch}/report: one import's rejected rows as CSV, in the staff member's region only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.create");
  const parsed = paramsSchema.safeParse(params);
  const file = parsed.success ? await importReportFile(user, parsed.data.batchId, await getLanguage(request)) : null;
  if (!file) throw httpError(404);
  return file;
}
