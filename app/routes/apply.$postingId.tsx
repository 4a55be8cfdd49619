import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { SharedProfile } from "~/components/application-parts.tsx";
import { FormError, SubmitButton } from "~/components/form-messages.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { apply, loadApplyPage } from "~/modules/applications/applications.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "applications", "seekers", "organizations", "postings"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, `${t("applications.applyTitle")}${data ? ` · ${data.posting.title}` : ""}`) }, { name: "robots", content: "noindex" }];
};

function postingId(params: { postingId?: string }): number {
  if (!/^[1-9]\d{0,11}$/.test(params.postingId ?? "")) throw httpError(404);
  return Number(params.postingId);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  const data = await loadApplyPage(user.id, postingId(params), await getLanguage(request));
  if (!data) throw httpError(404);
  return data;
}

const REFUSALS = { closed: "applications.closed", full: "applications.full", already_applied: "applications.alreadyApplied" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "application.create");
  const id = postingId(params);
  const result = await apply(user.id, id);
  if (result.ok) return redirect(`/me/applications?applied=${result.applicationId}#application-${result.applicationId}`);
  if (result.reason === "not_found") throw httpError(404);
  if (result.reason === "no_profile") return redirect(`/me/profile?redirectTo=${encodeURIComponent(`/apply/${id}`)}`);
  return { error: REFUSALS[result.reason] };
}

export default function ApplyPage() {
  const { t } = useTranslation();
  const { posting, existing, shared } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const refusal = existing ? "applications.alreadyApplied" : !posting.open ? "applications.closed" : posting.gig?.full ? "applications.full" : null;
  const box = "rounded-lg bg-white p-4 shadow-sm";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm"><Link to={`/${posting.kind}/${posting.id}`} className="text-brand-700 underline">← {t("applications.backToPost")}</Link></p>
      <h1 className="text-2xl font-bold">{t("applications.applyTitle")}</h1>
      <section className={box}>
        <p className="text-lg font-semibold" data-testid="apply-title">{posting.title}</p>
        <p className="text-slate-700">{posting.employer}</p>
        {posting.gig ? <p className="mt-1 text-sm text-slate-600" data-testid="gig-places">{t("applications.gigPlaces", { taken: posting.gig.taken, headcount: posting.gig.headcount })}</p> : null}
      </section>

      {refusal ? (
        <section role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="apply-refused">
          <p>{t(refusal)}</p>
          <p className="mt-3 flex flex-wrap gap-3">
            {existing ? (
              <Link to={`/me/applications#application-${existing.id}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">{t("applications.seeMine")}</Link>
            ) : (
              <Link to={`/search?kind=${posting.kind}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">{t("applications.findOther")}</Link>
            )}
          </p>
        </section>
      ) : !shared ? (
        <section className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="need-profile">
          <p>{t("applications.needProfile")}</p>
          <Link to={`/me/profile?redirectTo=${encodeURIComponent(`/apply/${posting.id}`)}`} className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
            {t("applications.fillProfile")}
          </Link>
        </section>
      ) : (
        <>
          <p>{t("applications.applyLead")}</p>
          <section className={box} aria-labelledby="shared-title">
            <h2 id="shared-title" className="mb-2 text-lg font-semibold">{t("applications.sharedTitle")}</h2>
            <p className={`mb-3 rounded p-2 text-sm ${shared.shared ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`} data-testid="consent-note">
              {t(shared.shared ? "applications.sharedFull" : "applications.sharedLimited")}
            </p>
            <SharedProfile view={shared} />
            <p className="mt-3 text-sm"><Link to={`/me/profile?redirectTo=${encodeURIComponent(`/apply/${posting.id}`)}`} className="text-brand-700 underline">{t("applications.editProfile")}</Link></p>
          </section>
          <FormError errors={actionData?.error ? [actionData.error] : undefined} />
          <Form method="post">
            <SubmitButton busy={busy}>{t("applications.submit")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
