import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { exportResponse } from "~/modules/exports/table.server.ts";
import { registryExport } from "~/modules/returnees/staff-pages.server.ts";

/** GET with the registry's filters and format=csv|xlsx: the filtered registrants of the staff member's area, contacts masked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "returnee.manage");
  const params = new URL(request.url).searchParams;
  return exportResponse(await registryExport(user, params, await getLanguage(request)), params.get("format") === "csv" ? "csv" : "xlsx");
}
