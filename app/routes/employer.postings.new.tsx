import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { PostingForm } from "~/components/posting-form.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { createPosting, newPostingDefaults, postingFormOptions } from "~/modules/postings/postings.server.ts";
import { postingConstraints, postingFormAction } from "~/modules/postings/forms.server.ts";
import { POSTING_KINDS, type PostingKind } from "~/modules/postings/options.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t(data?.kind ? `postings.new.title.${data.kind}` : "postings.new.choose")) }, { name: "robots", content: "noindex" }];
};

// organization-parts.tsx's card style, not imported: that file brings the form library with it.
const card = "rounded-lg bg-white p-4 shadow-sm";

const kindOf = (value: unknown): PostingKind | null => ((POSTING_KINDS as readonly unknown[]).includes(value) ? (value as PostingKind) : null);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const kind = kindOf(new URL(request.url).searchParams.get("kind"));
  if (!kind) return { kind: null, defaults: null, options: null, constraint: null };
  const defaults = await newPostingDefaults(user.id, kind);
  if (!defaults) throw redirect("/employer/postings");
  return { kind, defaults, options: await postingFormOptions(await getLanguage(request), [defaults.townCode, defaults.countyCode]), constraint: postingConstraints[kind] };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const formData = await request.formData();
  const kind = kindOf(formData.get("kind")) ?? "job";
  const outcome = await postingFormAction(formData, kind, await getLanguage(request), (input) => createPosting(user.id, input));
  if ("saved" in outcome) return redirect(`/employer/postings/${outcome.saved.id}?done=${outcome.saved.status}`);
  if ("notFound" in outcome) throw redirect("/employer/postings");
  return outcome.answer;
}

export default function NewPosting() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!data.kind) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="mb-4 text-2xl font-bold">{t("postings.new.choose")}</h1>
        <ul className="space-y-3">
          {POSTING_KINDS.map((kind) => (
            <li key={kind}>
              <Link to={`?kind=${kind}`} className={`${card} block min-h-11 hover:ring-2 hover:ring-brand-200`}>
                <span className="font-semibold text-brand-700">{tCode(t, "postings.new", kind)}</span>
                <span className="block text-sm text-slate-600">{tCode(t, "postings.new.hint", kind)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm"><Link to="/employer/postings" className="text-brand-700 underline">{t("postings.backToList")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{tCode(t, "postings.new.title", data.kind)}</h1>
      <p className="mb-4 text-sm text-slate-600">{t(data.kind === "gig" ? "postings.new.leadGig" : "postings.new.lead")}</p>
      <PostingForm kind={data.kind} options={data.options} constraint={data.constraint} defaultValue={data.defaults} answer={answer} />
    </div>
  );
}
