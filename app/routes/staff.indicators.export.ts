import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { dashboardExportQuerySchema } from "~/modules/exports/schemas.ts";
import { dashboardExport } from "~/modules/exports/staff-exports.server.ts";
import { exportResponse } from "~/modules/exports/table.server.ts";
import { httpError } from "~/utils/http.ts";

/** GET ?region=&year=&plan=&table=indicators|ranking&rank=&format=csv|xlsx: the dashboard's table as a file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const query = dashboardExportQuerySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const file = await dashboardExport(user, query, await getLanguage(request));
  if (!file) throw httpError(404);
  return exportResponse(file, query.format);
}
