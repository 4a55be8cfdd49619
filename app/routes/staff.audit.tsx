import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { card, Pager, StaffNav } from "~/components/organization-parts.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { auditQuerySchema } from "~/modules/staff/schemas.ts";
import { staffAuditLog } from "~/modules/staff/staff.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { formatDate } from "~/utils/format.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("audit.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit.read");
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, log: await staffAuditLog(user, query, await getLanguage(request)) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields whose values are codes with a translation; other text is shown as it was stored. */
const CODED = new Set(["status", "role"]);

function useFormatters() {
  const { t, i18n } = useTranslation();
  const dateTime = (iso: string) =>
    formatDate(iso, i18n.language, "dateTime");
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "boolean") return tCode(t, "audit.values", String(v));
    if (typeof v === "string" && ISO_DATE.test(v)) return dateTime(v);
    if (typeof v === "string" && CODED.has(key)) return tCode(t, "audit.values", v, { defaultValue: v });
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  return { dateTime, value, label: (key: string) => tCode(t, "audit.fields", key, { defaultValue: key }) };
}

/** Only the fields that changed; a record of a creation (no "before") shows every field it set. */
function Diff({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const { value, label } = useFormatters();
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null),
  );
  if (keys.length === 0) return <p className="text-sm text-slate-500">{t("audit.noChange")}</p>;
  return (
    <table className="mt-2 w-full table-fixed border-collapse text-sm" data-testid="audit-diff">
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="w-1/4 py-1 pr-2 font-medium">{t("audit.field")}</th>
          <th scope="col" className="py-1 pr-2 font-medium">{t("audit.before")}</th>
          <th scope="col" className="py-1 font-medium">{t("audit.after")}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k} className="border-t border-slate-200 align-top">
            <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">{label(k)}</th>
            <td className="break-words py-1 pr-2 text-red-800"><del className="no-underline">{before ? value(k, before[k]) : "—"}</del></td>
            <td className="break-words py-1 text-emerald-800"><ins className="no-underline">{value(k, after?.[k])}</ins></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the record is about, in words: the name or title it carries, when it has one. */
function subject(row: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }): string | null {
  for (const key of ["name", "title", "displayName"]) {
    const value = row.after?.[key] ?? row.before?.[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { query, log } = useLoaderData<typeof loader>();
  const { dateTime } = useFormatters();
  const typeLabel = (type: string) => tCode(t, "audit.entityTypes", type, { defaultValue: type });
  const href = (page: number) => `/staff/audit?${new URLSearchParams({ ...(query.type ? { type: query.type } : {}), page: String(page) })}`;
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <p className="mb-3 text-slate-600">{t("audit.lead")}</p>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("audit.type")}</span>
          <select name="type" defaultValue={query.type ?? ""} key={query.type ?? ""} className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2">
            <option value="">{t("audit.allTypes")}</option>
            {log.entityTypes.map((type) => <option key={type} value={type}>{typeLabel(type)}</option>)}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-3">{t("audit.filter")}</button>
        <span className="ml-auto text-sm text-slate-600">{t("audit.total", { count: log.total })}</span>
      </Form>
      {log.rows.length === 0 ? <p className={card}>{t("audit.empty")}</p> : null}
      <ol className="space-y-3" data-testid="audit-log">
        {log.rows.map((row) => (
          <li key={row.id} className={card} data-testid="audit-entry" data-action={row.action}>
            <p className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-semibold">
                {tCode(t, "audit.actions", row.action.replace(/\./g, "_"), { defaultValue: row.action })} · {t("audit.entity", { type: typeLabel(row.entityType), id: row.entityId })}
              </span>
              <time dateTime={row.createdAt} className="text-sm text-slate-600">{dateTime(row.createdAt)}</time>
            </p>
            {subject(row) ? <p className="font-medium">{subject(row)}</p> : null}
            <p className="text-sm text-slate-600">
              {row.actorName ?? t("audit.system")}
              {row.place ? ` · ${row.place}` : ""}
            </p>
            <Diff before={row.before} after={row.after} />
          </li>
        ))}
      </ol>
      <Pager page={query.page} pages={log.pages} href={href} />
    </div>
  );
}
