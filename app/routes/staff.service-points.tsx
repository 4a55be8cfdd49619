import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form.tsx";
import { card, StaffNav } from "~/components/organization-parts.tsx";
import { ChoiceGroup, SelectField } from "~/components/profile-fields.tsx";
import { RegionPicker } from "~/components/region-picker.tsx";
import { PointsMap } from "~/components/region-map.tsx";
import { DoneNote, registerButton, RowAction, useRegisterForm } from "~/components/register-parts.tsx";
import { ServicePointCard } from "~/components/service-point-card.tsx";
import { CoverageTable } from "~/components/service-point-coverage.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { SERVICE_CODES, SERVICE_POINT_KINDS, servicePointCloseSchema, servicePointCreateSchema, servicePointUpdateSchema } from "~/modules/service-points/schemas.ts";
import { closeServicePoint, createServicePoint, updateServicePoint, type ServicePointView } from "~/modules/service-points/service-points.server.ts";
import { loadStaffServicePoints } from "~/modules/service-points/staff-page.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { on, registerAction, type RegisterActionData } from "~/utils/register-action.ts";
import type { RegionPickerOptions } from "~/components/region-options.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports", "places"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("servicePoints.staffTitle")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "servicepoint.manage");
  return loadStaffServicePoints(user, await getLanguage(request));
}

export async function action({ request }: ActionFunctionArgs): Promise<RegisterActionData> {
  const user = await requirePermission(request, "servicepoint.manage");
  return registerAction(request, {
    create: on(servicePointCreateSchema, (v) => createServicePoint(user, v), "servicePoints.created"),
    update: on(servicePointUpdateSchema, (v) => updateServicePoint(user, v), "servicePoints.updated"),
    close: on(servicePointCloseSchema, (v) => closeServicePoint(user, v.id), "servicePoints.closedDone"),
  });
}

export default function StaffServicePoints() {
  const { t } = useTranslation();
  const { points, options, coverage, map } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <StaffNav />
      <h1 className="text-2xl font-bold">{t("servicePoints.staffTitle")}</h1>
      <p className="mb-3 text-slate-600">{t("servicePoints.staffLead")}</p>
      <DoneNote acted={acted} />
      <details className={`${card} mb-4`} open={acted?.form === "create" && !acted.done}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">{t("servicePoints.add")}</summary>
        <PointForm formKey="create" acted={acted} options={options} />
      </details>
      <ol className="space-y-3" data-testid="staff-service-points">
        {points.map((p) => (
          <ServicePointCard key={p.id} point={p}>
            {p.active ? (
              <div className="mt-2 flex flex-wrap gap-2">
                <details className="w-full" open={acted?.form === `update-${p.id}` && !acted.done}>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t("servicePoints.edit")}</summary>
                  <PointForm formKey={`update-${p.id}`} acted={acted} options={options} point={p} />
                </details>
                <RowAction intent="close" id={p.id} schema={servicePointCloseSchema} acted={acted} label={t("servicePoints.close")} danger />
              </div>
            ) : (
              <p className="mt-2 text-sm font-semibold text-slate-700">{t("servicePoints.closed")}</p>
            )}
          </ServicePointCard>
        ))}
      </ol>
      <section className="mt-6" aria-labelledby="coverage-title">
        <h2 id="coverage-title" className="text-xl font-bold">{t("servicePoints.coverage.title")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("servicePoints.coverage.lead")}</p>
        <p className="mt-2 font-semibold" data-testid="coverage-summary">{t("servicePoints.coverage.summary", { covered: coverage.covered, total: coverage.total })}</p>
        {coverage.approximate ? <p className="text-sm text-amber-800">{t("servicePoints.coverage.approximate", { count: coverage.approximate })}</p> : null}
        <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
          <CoverageTable rows={coverage.rows} />
          {map ? <PointsMap map={map} labels={{ title: t("servicePoints.mapTitle"), radius: (km) => t("servicePoints.radius", { km }) }} /> : null}
        </div>
      </section>
    </div>
  );
}

function PointForm({ formKey, acted, options, point }: { formKey: string; acted: RegisterActionData | undefined; options: RegionPickerOptions; point?: ServicePointView }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const schema = point ? servicePointUpdateSchema : servicePointCreateSchema;
  const start = point
    ? { kind: point.kind, name: point.name, county: point.countyCode, town: point.regionCode === point.countyCode ? "" : point.regionCode, address: point.address, hours: point.hours, phone: point.phone, services: point.services, lat: point.point && !point.point.approximate ? String(point.point.lat) : "", lng: point.point && !point.point.approximate ? String(point.point.lng) : "" }
    : { services: ["job_registration", "job_referral", "policy_advice"] };
  const [form, fields] = useRegisterForm(formKey, schema, acted, start as unknown as Record<string, string>);
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["meta"]>;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="mt-3">
      <FormError errors={form.errors} />
      <input type="hidden" name="intent" value={point ? "update" : "create"} />
      {point ? <input type="hidden" name="id" value={point.id} /> : null}
      <SelectField meta={all.kind!} label={t("servicePoints.fields.kind")} placeholder={t("registers.choose")}>
        {SERVICE_POINT_KINDS.map((k) => <option key={k} value={k}>{tCode(t, "servicePoints.kinds", k)}</option>)}
      </SelectField>
      <TextField meta={all.name!} label={t("servicePoints.fields.name")} />
      <RegionPicker options={options} county={all.county!} town={all.town!} countyLabel={t("servicePoints.fields.county")} townLabel={t("servicePoints.fields.town")}
        countyPlaceholder={t("servicePoints.fields.chooseCounty")} townPlaceholder={t("servicePoints.fields.chooseTown")} testId={`${formKey}-place`} />
      <TextField meta={all.address!} label={t("servicePoints.fields.address")} />
      <TextField meta={all.hours!} label={t("servicePoints.fields.hours")} hint={t("servicePoints.fields.hoursHint")} />
      <TextField meta={all.phone!} label={t("servicePoints.fields.phone")} type="tel" inputMode="tel" />
      <ChoiceGroup meta={all.services!} legend={t("servicePoints.fields.services")} type="checkbox" columns
        options={SERVICE_CODES.map((s) => ({ value: s, label: tCode(t, "servicePoints.services", s) }))} />
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextField meta={all.lat!} label={t("servicePoints.fields.lat")} inputMode="decimal" hint={t("servicePoints.fields.coordsHint")} />
        <TextField meta={all.lng!} label={t("servicePoints.fields.lng")} inputMode="decimal" />
      </div>
      <button type="submit" disabled={busy} className={registerButton}>{t("servicePoints.save")}</button>
    </Form>
  );
}
