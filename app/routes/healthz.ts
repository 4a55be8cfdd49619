import { getDb } from "~/modules/db.server.ts";

/** Liveness for scripts and tests: the database answers. Search may be down; the site still works. */
export async function loader() {
  await getDb().$queryRaw`SELECT 1`;
  return Response.json({ status: "ok" });
}
