import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError, useErrorText } from "~/components/form-messages.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importPlacements,
  loadImport,
  recentImports,
} from "~/modules/placements/import.server.ts";
import { PLACEMENT_CONTINUITIES, PLACEMENT_GROUPS, PLACEMENT_KINDS, PLACEMENT_RETURNEE_KINDS } from "~/modules/placements/schemas.ts";
import { formatDate, formatNumber } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "placements", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("placementEntry.import.title")) }, { name: "robots", content: "noindex" }];
};

/** How many rejected rows the page lists; the downloadable report has them all. */
const SHOWN_ROWS = 200;

/**
 * The page, or one import's result (?batch=id). The files are resource routes of their own
 * (import_.template.$format, import_.$batchId.report): a page loader cannot answer with a file.
 * Links from before that still work: they are sent on to the file's own address.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "placement.create");
  const params = new URL(request.url).searchParams;
  const template = params.get("template");
  if (template === "csv" || template === "xlsx") throw redirect(`/staff/placements/import/template/${template}`);
  const batchId = params.has("batch") ? Number(params.get("batch")) : null;
  let batch = null;
  if (batchId !== null) {
    batch = Number.isSafeInteger(batchId) && batchId > 0 ? await loadImport(user, batchId) : null;
    if (!batch) throw httpError(404);
    if (params.get("download") === "report") throw redirect(`/staff/placements/import/${batch.id}/report`);
  }
  return page(user, batch);
}

/** What the page shows (apart from the file downloads the loader also answers). */
async function page(user: Parameters<typeof recentImports>[0], batch: Awaited<ReturnType<typeof loadImport>>) {
  return {
    limits: { mb: IMPORT_MAX_BYTES / 1024 / 1024, bytes: IMPORT_MAX_BYTES, rows: IMPORT_MAX_ROWS },
    columns: IMPORT_COLUMNS,
    batch: batch
      ? { ...batch, report: { fileErrors: batch.report.fileErrors, rows: batch.report.rows.slice(0, SHOWN_ROWS), hidden: Math.max(0, batch.report.rows.length - SHOWN_ROWS), rejectedRows: batch.report.rows.length } }
      : null,
    recent: await recentImports(user),
  };
}

/**
 * A plain multipart upload (works without JavaScript; the page's script sends the same form with
 * upload progress). A file that was read ends on its result page, imported or not.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placement.create");
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return { error: "placementEntry.import.errors.noFile" };
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES, filter: ({ name }) => name === "file" }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { error: `placementEntry.import.errors.tooLarge?mb=${IMPORT_MAX_BYTES / 1024 / 1024}` };
    return { error: "placementEntry.import.errors.noFile" };
  }
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { error: "placementEntry.import.errors.noFile" };
  const result = await importPlacements(user, { name: "name" in file && typeof file.name === "string" ? file.name : "", data: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) return { error: result.error };
  return redirect(`/staff/placements/import?batch=${result.batchId}`);
}

type Progress = { phase: "upload"; pct: number } | { phase: "checking" } | null;

export default function ImportPlacements() {
  const { t, i18n } = useTranslation();
  const { limits, columns, batch, recent } = useLoaderData<typeof page>();
  const acted = useActionData<typeof action>();
  const navigate = useNavigate();
  const [progress, setProgress] = useState<Progress>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  useEffect(() => setProgress(null), [batch?.id]);
  const error = clientError ?? acted?.error ?? null;

  /** With JavaScript: the same POST through XMLHttpRequest, for its upload progress; the redirect it follows names the result. */
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    setClientError(null);
    if (!file) {
      event.preventDefault();
      setClientError("placementEntry.import.errors.noFile");
      return;
    }
    if (file.size > limits.bytes) {
      event.preventDefault();
      setClientError(`placementEntry.import.errors.tooLarge?mb=${limits.mb}`);
      return;
    }
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = (e) => setProgress({ phase: "upload", pct: e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : 0 });
    xhr.upload.onload = () => setProgress({ phase: "checking" });
    // Anything but a result page (an error message, a lost connection): send the form the plain way.
    xhr.onload = () => {
      const url = new URL(xhr.responseURL || form.action, window.location.href);
      if (xhr.status === 200 && url.pathname === "/staff/placements/import" && url.searchParams.has("batch")) navigate(`${url.pathname}${url.search}`);
      else form.submit();
    };
    xhr.onerror = () => form.submit();
    setProgress({ phase: "upload", pct: 0 });
    xhr.send(new FormData(form));
  };

  const columnName = (field: string | null) => {
    const c = columns.find((col) => col.field === field);
    return c ? (i18n.language === "en" ? c.en : c.zh) : t("placementEntry.import.wholeRow");
  };
  const values: [string, readonly string[], (code: string) => string][] = [
    ["kind", PLACEMENT_KINDS, (c) => tCode(t, "placements.kinds", c)],
    ["continuity", PLACEMENT_CONTINUITIES, (c) => tCode(t, "placementEntry.continuities", c)],
    ["groups", PLACEMENT_GROUPS, (c) => tCode(t, "groups", c)],
    ["returneeKind", PLACEMENT_RETURNEE_KINDS, (c) => tCode(t, "seekers.returneeKinds", c)],
  ];

  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-1 text-2xl font-bold">{t("placementEntry.import.title")}</h1>
      <p className="mb-3 text-slate-600">{t("placementEntry.import.lead")}</p>
      <p className="mb-4 flex flex-wrap gap-x-4 text-sm">
        <Link to="/staff/placements" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("placementEntry.backToList")}</Link>
        <Link to="/staff/placements/new" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("placementEntry.newLink")}</Link>
      </p>

      {batch ? <BatchResult batch={batch} columnName={columnName} /> : null}

      <section className={`${card} mb-4`}>
        <FormError errors={error ? [error] : undefined} />
        <form method="post" encType="multipart/form-data" action="/staff/placements/import" onSubmit={onSubmit} noValidate>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">{t("placementEntry.import.file")}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1 block w-full text-base file:mr-3 file:min-h-11 file:rounded file:border file:border-slate-300 file:bg-white file:px-3"
            aria-describedby="import-file-hint"
            data-testid="import-file"
          />
          <p id="import-file-hint" className="mt-1 text-xs text-slate-500">{t("placementEntry.import.fileHint", { mb: limits.mb, rows: formatNumber(limits.rows, i18n.language) })}</p>
          <p className="mt-2 text-sm text-slate-700">{t("placementEntry.import.allOrNothing")}</p>
          <button type="submit" disabled={progress !== null} className="mt-3 min-h-11 w-full rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto">
            {t("placementEntry.import.submit")}
          </button>
          {progress ? (
            <div className="mt-3" role="status" aria-live="polite" data-testid="import-progress">
              {progress.phase === "upload" ? <progress className="h-3 w-full" max={100} value={progress.pct} /> : <progress className="h-3 w-full" />}
              <p className="mt-1 text-sm text-slate-700">{progress.phase === "upload" ? t("placementEntry.import.uploading", { pct: progress.pct }) : t("placementEntry.import.checking")}</p>
            </div>
          ) : null}
        </form>
        <p className="mt-3 flex flex-wrap items-center gap-x-3 text-sm">
          <span>{t("placementEntry.import.templates")}</span>
          <a href="/staff/placements/import/template/csv" className="inline-flex min-h-11 items-center text-brand-700 underline" download>{t("placementEntry.import.templateCsv")}</a>
          <a href="/staff/placements/import/template/xlsx" className="inline-flex min-h-11 items-center text-brand-700 underline" download>{t("placementEntry.import.templateXlsx")}</a>
        </p>
      </section>

      <section className={`${card} mb-4`}>
        <h2 className="mb-1 text-lg font-semibold">{t("placementEntry.import.columnsTitle")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("placementEntry.import.columnsLead")}</p>
        <dl className="divide-y divide-slate-200 text-sm" data-testid="import-columns">
          {columns.map((c) => (
            <div key={c.field} className="py-2">
              <dt className="font-medium">
                {c.zh} / {c.en} <span className="font-normal text-slate-500">· {t(c.required ? "placementEntry.import.required" : "placementEntry.import.optional")}</span>
              </dt>
              <dd className="text-slate-700">{tCode(t, "placementEntry.import.columnHelp", c.field)}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("placementEntry.import.valuesTitle")}</summary>
          {values.map(([field, codes, label]) => (
            <div key={field} className="mt-2">
              <h3 className="font-medium">{columnName(field)}</h3>
              <ul className="text-sm">
                {codes.map((code) => <li key={code}><code className="rounded bg-slate-100 px-1">{code}</code> {label(code)}</li>)}
              </ul>
            </div>
          ))}
        </details>
      </section>

      <section className={card}>
        <h2 className="mb-2 text-lg font-semibold">{t("placementEntry.import.recent")}</h2>
        {recent.length === 0 ? <p className="text-sm text-slate-600">{t("placementEntry.import.recentEmpty")}</p> : null}
        <ul className="divide-y divide-slate-200 text-sm">
          {recent.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/staff/placements/import?batch=${r.id}`} className="text-brand-700 underline">
                {t("placementEntry.import.recentLine", { date: formatDate(r.createdAt, i18n.language), file: r.fileName, rows: r.totalRows })}
              </Link>
              <span className={`rounded px-2 py-0.5 font-semibold ${r.status === "accepted" ? "bg-emerald-100 text-emerald-900" : "bg-rose-100 text-rose-900"}`}>
                {tCode(t, "placementEntry.import.status", r.status === "accepted" ? "accepted" : "rejected")}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

type Batch = NonNullable<ReturnType<typeof useLoaderData<typeof page>>["batch"]>;

/** An import's outcome: the count imported, or why nothing was, row by row. */
function BatchResult({ batch, columnName }: { batch: Batch; columnName: (field: string | null) => string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (batch.status === "accepted") {
    return (
      <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="import-accepted">
        {t("placementEntry.import.accepted", { file: batch.fileName, count: batch.acceptedRows })}{" "}
        <Link to="/staff/placements" className="font-semibold underline">{t("placementEntry.import.acceptedLink")}</Link>
      </p>
    );
  }
  return (
    <section role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-red-900" data-testid="import-rejected">
      <p className="font-semibold">
        {batch.report.fileErrors.length
          ? `${t("placementEntry.import.rejectedFile", { file: batch.fileName })} ${batch.report.fileErrors.map(errorText).join(" ")}`
          : t("placementEntry.import.rejected", { file: batch.fileName, count: batch.report.rejectedRows })}
      </p>
      {batch.report.rows.length ? (
        <>
          <h2 className="mt-3 font-semibold">{t("placementEntry.import.reportTitle")}</h2>
          <ul className="mt-1 space-y-2" data-testid="import-report">
            {batch.report.rows.map((r) => (
              <li key={r.row} className="rounded border border-red-200 bg-white p-2 text-sm text-slate-900" data-row={r.row}>
                <p className="font-medium">
                  {t("placementEntry.import.reportRow")} {r.row}
                  {r.personName ? ` · ${r.personName}` : ""}
                  {r.idNumberMasked ? ` · ${r.idNumberMasked}` : ""}
                </p>
                <ul>
                  {r.errors.map((e, i) => <li key={i}>{t("placementEntry.import.reportLine", { column: columnName(e.field), reason: errorText(e.message) })}</li>)}
                </ul>
              </li>
            ))}
          </ul>
          {batch.report.hidden ? <p className="mt-2 text-sm">{t("placementEntry.import.moreRows", { count: batch.report.hidden })}</p> : null}
          <a href={`/staff/placements/import/${batch.id}/report`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline" download>
            {t("placementEntry.import.downloadReport")}
          </a>
        </>
      ) : null}
    </section>
  );
}
