import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { parseFeedback } from "~/modules/matching/feedback-form.server.ts";
import { loadRecommendations, markNotInterested, undoNotInterested, type RecommendedCard as Recommended } from "~/modules/matching/recommendations.server.ts";
import { RecommendedCard } from "~/components/recommended-card.tsx";
import { PolicyHints } from "~/components/policy-hints.tsx";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "seekers", "matching", "alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("matching.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return loadRecommendations(user.id, await getLanguage(request));
}

/** "Not interested" and its undo; a plain form, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const input = parseFeedback(await request.formData());
  if (!input) return redirect("/me/recommendations");
  if (input.intent === "undo") {
    await undoNotInterested(user.id, input.item);
    return redirect("/me/recommendations");
  }
  await markNotInterested(user.id, input.item);
  const params = new URLSearchParams({ hidden: input.item, title: input.title });
  return redirect(`/me/recommendations?${params}`);
}

function Section({ id, title, lead, items }: { id: string; title: string; lead?: string; items: Recommended[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6" data-testid={`section-${id}`}>
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">{title}</h2>
      {lead ? <p className="mb-2 text-sm text-slate-700">{lead}</p> : null}
      <ul className="space-y-3">
        {items.map((r) => <RecommendedCard key={r.card.key} card={r.card} reasons={r.reasons} />)}
      </ul>
    </section>
  );
}

export default function Recommendations() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const hidden = params.get("hidden");
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm"><Link to="/me" className="text-brand-700 underline">{t("seekers.back")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{t("matching.title")}</h1>
      {hidden ? (
        <Form method="post" className="mb-4 flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-slate-50 p-3" role="status">
          <span>{t("matching.hidden", { title: params.get("title") ?? "" })}</span>
          <input type="hidden" name="intent" value="undo" />
          <input type="hidden" name="item" value={hidden} />
          <button type="submit" className="min-h-11 font-medium text-brand-700 underline" data-testid="undo-hide">{t("matching.undo")}</button>
        </Form>
      ) : null}
      {data.state !== "ready" ? (
        <div className="rounded-lg bg-white p-4 shadow-sm" data-testid={`state-${data.state}`}>
          <p>{t(`matching.${data.state === "no_profile" ? "noProfile" : data.state === "no_consent" ? "noConsent" : "unavailable"}`)}</p>
          {data.state !== "unavailable" ? (
            <p className="mt-3">
              <Link to={data.state === "no_consent" ? "/me/profile#consents" : "/me/profile"} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
                {t(data.state === "no_consent" ? "matching.turnOn" : "matching.createProfile")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="mb-3 text-slate-700">{t("matching.lead")} <Link to="/me/profile#wishes" className="text-brand-700 underline">{t("matching.editProfile")}</Link></p>
          {/* Follow them as an alert (daily, site and email); already followed, the press leads to its settings on /me/alerts. */}
          <Form method="post" action="/me/alerts" className="mb-4">
            <input type="hidden" name="intent" value="follow" />
            <input type="hidden" name="frequency" value="daily" />
            <input type="hidden" name="channels" value="site" />
            <input type="hidden" name="channels" value="email" />
            <button type="submit" className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-700" data-testid="follow-recommendations-quick">{t("alerts.follow.quick")}</button>
          </Form>
          <PolicyHints links={data.policies} mode="mightSuit" />
          {data.gaps.length ? (
            <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="gaps">
              {t("matching.gaps.lead")} {data.gaps.map((g) => t(`matching.gaps.${g}`)).join(t("list.separator"))}
            </p>
          ) : null}
          {!data.top.length && !data.widened.length && !data.bases.length && !data.courses.length ? (
            <p className="rounded-lg bg-white p-4 shadow-sm" data-testid="no-recommendations">{t("matching.empty")}</p>
          ) : null}
          <Section id="top" title={t("matching.sections.top")} items={data.top} />
          {data.widened.map((w, i) => (
            <Section key={w.occupation} id={`widened-${i}`} title={t("matching.sections.widened")} lead={t("matching.widenedLead", { from: w.from, occupation: w.occupation, count: w.count })} items={w.items} />
          ))}
          <Section id="bases" title={t("matching.sections.bases")} items={data.bases} />
          <Section id="courses" title={t("matching.sections.courses")} items={data.courses} />
        </>
      )}
    </div>
  );
}
