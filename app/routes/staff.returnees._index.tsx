import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode, type KeyGroup } from "~/i18n/translate.ts";
import { card, Pager, StaffNav } from "~/components/organization-parts.tsx";
import { RegionPicker } from "~/components/region-picker.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { INTENTIONS, REGISTRANT_STATUSES, RETURNEE_KINDS, TIMINGS } from "~/modules/returnees/codes.ts";
import { registryLoader } from "~/modules/returnees/staff-pages.server.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports", "returnees", "returneeStaff"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returneeStaff.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "returnee.manage");
  const page = await registryLoader(user, new URL(request.url).searchParams, await getLanguage(request));
  if (!page) throw httpError(404);
  return page;
}

function Tally({ title, rows, label, testId }: { title: string; rows: { code: string; count: number; name?: string }[]; label: (code: string, name?: string) => string; testId: string }) {
  return (
    <section className={card} data-testid={testId}>
      <h2 className="mb-1 font-semibold">{title}</h2>
      <ul className="text-sm">
        {rows.map((r) => (
          <li key={r.code} className="flex justify-between gap-2 py-0.5"><span>{label(r.code, r.name)}</span><span className="font-semibold tabular-nums">{r.count}</span></li>
        ))}
      </ul>
    </section>
  );
}

export default function ReturneeRegistry() {
  const { t, i18n } = useTranslation();
  const { query, counts, rows, pages, picker, exportQuery } = useLoaderData<typeof loader>();
  const c = counts;
  const select = (name: string, value: string | undefined, codes: readonly string[], prefix: KeyGroup, label: string) => (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="mt-1 min-h-11 w-full rounded border border-slate-300 bg-white px-2">
        <option value="">{t("returneeStaff.any")}</option>
        {codes.map((code) => <option key={code} value={code}>{tCode(t, prefix, code)}</option>)}
      </select>
    </label>
  );
  const pageHref = (page: number) => {
    const params = new URLSearchParams(exportQuery);
    if (page > 1) params.set("page", String(page));
    return `/staff/returnees?${params}`;
  };
  return (
    <div className="mx-auto max-w-4xl">
      <StaffNav />
      <h1 className="text-2xl font-bold">{t("returneeStaff.title")}</h1>
      <p className="mb-3 text-slate-600">{t("returneeStaff.lead")}</p>
      <p className="mb-4"><Link to="/staff/returnees/events" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("returneeStaff.events")}</Link></p>
      <div className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {(["total", "away", "returned", "placed"] as const).map((k) => (
          <div key={k} className={card}>
            <span className="block text-sm text-slate-600">{t(`returneeStaff.${k}`)}</span>
            <span className="block text-2xl font-bold text-brand-700" data-testid={`returnee-${k}`}>{c[k]}</span>
          </div>
        ))}
      </div>
      <div className="mb-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        <Tally title={t("returneeStaff.byCounty")} rows={c.byCounty} label={(_, name) => name ?? ""} testId="by-county" />
        <Tally title={t("returneeStaff.byTrade")} rows={c.byTrade} label={(code) => code} testId="by-trade" />
        <Tally title={t("returneeStaff.byIntention")} rows={c.byIntention} label={(code) => tCode(t, "returnees.intentionNames", code)} testId="by-intention" />
        <Tally title={t("returneeStaff.byTiming")} rows={c.byTiming} label={(code) => tCode(t, "returnees.timings", code)} testId="by-timing" />
        <Tally title={t("returneeStaff.byKind")} rows={c.byKind} label={(code) => tCode(t, "seekers.returneeKinds", code)} testId="by-kind" />
      </div>
      <Form method="get" className={`${card} mb-4 grid gap-3 sm:grid-cols-3`} aria-label={t("returneeStaff.filter")}>
        <div className="sm:col-span-3">
          <RegionPicker options={picker} town={{ id: "registry-region", name: "region", initialValue: query.region ?? "" }} wholeCounty townLabel={t("returneeStaff.region")} townPlaceholder={t("returneeStaff.allRegions")} />
        </div>
        {select("status", query.status, REGISTRANT_STATUSES, "returnees.mine.statuses", t("returneeStaff.status"))}
        {select("intention", query.intention, INTENTIONS, "returnees.intentionNames", t("returneeStaff.intention"))}
        {select("timing", query.timing, TIMINGS, "returnees.timings", t("returneeStaff.timing"))}
        {select("kind", query.kind, RETURNEE_KINDS, "seekers.returneeKinds", t("returneeStaff.kind"))}
        <label className="text-sm">
          <span className="block font-medium">{t("returneeStaff.search")}</span>
          <input name="q" defaultValue={query.q ?? ""} maxLength={40} className="mt-1 min-h-11 w-full rounded border border-slate-300 px-2" />
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("returneeStaff.apply")}</button>
          <Link to="/staff/returnees" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returneeStaff.clear")}</Link>
        </div>
      </Form>
      <p className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <span data-testid="registry-count">{t("returneeStaff.count", { count: c.total })}</span>
        <span className="flex gap-3">
          {(["xlsx", "csv"] as const).map((f) => (
            <a key={f} href={`/staff/returnees/export?${new URLSearchParams({ ...exportQuery, format: f })}`} className="inline-flex min-h-11 items-center text-brand-700 underline" data-testid={`export-${f}`}>{t("returneeStaff.export")} ({f.toUpperCase()})</a>
          ))}
        </span>
      </p>
      {!rows.length ? <p className={card}>{t("returneeStaff.none")}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] bg-white text-sm" data-testid="registry">
          <thead>
            <tr className="border-b text-left">
              {(["name", "home", "awayIn", "trade", "intention", "timing", "status", "lastContact"] as const).map((h) => <th key={h} scope="col" className="p-2">{t(`returneeStaff.${h}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top" data-testid="registrant">
                <td className="p-2"><Link to={`/staff/returnees/${r.id}`} className="font-medium text-brand-700 underline">{r.name}</Link><span className="block text-slate-600">{r.phone}</span></td>
                <td className="p-2">{r.home}</td>
                <td className="p-2">{r.away}</td>
                <td className="p-2">{r.trade}</td>
                <td className="p-2">{r.intentions.map((i) => tCode(t, "returnees.intentionNames", i)).join("、")}</td>
                <td className="p-2">{tCode(t, "returnees.timings", r.timing)}</td>
                <td className="p-2">{tCode(t, "returnees.mine.statuses", r.status)}</td>
                <td className="p-2">{r.lastContact ? `${formatDate(r.lastContact.at, i18n.language)} ${tCode(t, "returneeStaff.detail.logKinds", r.lastContact.kind)}` : t("returneeStaff.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={query.page} pages={pages} href={pageHref} />
    </div>
  );
}
