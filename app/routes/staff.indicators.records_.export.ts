import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { recordsExportQuerySchema } from "~/modules/exports/schemas.ts";
import { recordsExport } from "~/modules/exports/staff-exports.server.ts";
import { exportResponse } from "~/modules/exports/table.server.ts";
import { httpError } from "~/utils/http.ts";

/** GET ?indicator=&region=&year=&month=&format=csv|xlsx: every record behind one figure (all pages), ID numbers masked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.read");
  const parsed = recordsExportQuerySchema().safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw httpError(404);
  const file = await recordsExport(user, parsed.data, await getLanguage(request));
  if (!file) throw httpError(404);
  return exportResponse(file, parsed.data.format);
}
