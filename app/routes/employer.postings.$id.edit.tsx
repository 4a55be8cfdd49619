import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { PostingForm } from "~/components/posting-form.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { postingForEdit, postingFormOptions, updatePosting } from "~/modules/postings/postings.server.ts";
import { postingConstraints, postingFormAction } from "~/modules/postings/forms.server.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { recordId as postingId } from "~/utils/route-params.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "organizations", "postings"] };


export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, data ? t("postings.edit.metaTitle", { title: data.posting.title }) : t("errors.title404")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const id = postingId.safeParse(params.id);
  if (!id.success) throw httpError(404);
  const lang = await getLanguage(request);
  const posting = await postingForEdit(user.id, id.data, lang);
  if (!posting) throw httpError(404);
  const options = await postingFormOptions(lang, [posting.values.townCode as string, posting.values.countyCode as string], posting.requirements);
  return { posting, options, constraint: postingConstraints[posting.kind] };
}

/** Saves the edit: back to staff (pending), or a draft. Another organization's post is a 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const id = postingId.safeParse(params.id);
  if (!id.success) throw httpError(404);
  const current = await postingForEdit(user.id, id.data);
  if (!current) throw httpError(404);
  const outcome = await postingFormAction(await request.formData(), current.kind, await getLanguage(request), (input) => updatePosting(user.id, id.data, input));
  if ("notFound" in outcome) throw httpError(404);
  if ("saved" in outcome) return redirect(`/employer/postings/${outcome.saved.id}?done=${outcome.saved.status}`);
  return outcome.answer;
}

export default function EditPosting() {
  const { t } = useTranslation();
  const { posting, options, constraint } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm"><Link to={`/employer/postings/${posting.id}`} className="text-brand-700 underline">{t("postings.backToPosting")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{tCode(t, "postings.edit.title", posting.kind)}</h1>
      {searchParams.get("done") === "copied" && !answer ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="posting-done">{t("postings.done.copied")}</p>
      ) : null}
      <PostingForm kind={posting.kind} options={options} constraint={constraint} defaultValue={posting.values} answer={answer} republish={posting.status === "published"} />
    </div>
  );
}
