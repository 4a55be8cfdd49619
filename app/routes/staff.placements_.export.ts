import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { placementsExportQuerySchema } from "~/modules/exports/schemas.ts";
import { placementsExport } from "~/modules/exports/staff-exports.server.ts";
import { exportResponse } from "~/modules/exports/table.server.ts";

/** GET ?status=pending|verified|rejected|all&format=csv|xlsx: every placement of that tab in the staff member's region, ID numbers masked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const query = placementsExportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return exportResponse(await placementsExport(user, query, await getLanguage(request)), query.format);
}
