import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser, safeRedirect } from "~/modules/auth/guards.server.ts";
import { destroyAllSessions, destroySession } from "~/modules/auth/session.server.ts";

const schema = z.object({ scope: z.enum(["here", "everywhere"]).catch("here"), redirectTo: z.string().optional().catch(undefined) });

/** POST only: a link cannot log someone out (CSRF). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { scope, redirectTo } = schema.parse(Object.fromEntries(await request.formData()));
  if (scope === "everywhere") await destroyAllSessions(user.id);
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": await destroySession(request) } });
}

export function loader() {
  return redirect("/account");
}
