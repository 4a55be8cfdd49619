import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { PostingForm } from "~/components/posting-form.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { replyErrors } from "~/modules/auth/form-errors.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { postingForEdit, postingFormOptions, updatePosting } from "~/modules/postings/postings.server.ts";
import { postingSchemaFor } from "~/modules/postings/schemas.ts";
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
  const posting = await postingForEdit(user.id, id.data);
  if (!posting) throw httpError(404);
  return { posting, options: await postingFormOptions(await getLanguage(request), [posting.values.townCode as string, posting.values.countyCode as string]) };
}

/** Saves the edit: back to staff (pending), or a draft. Another organization's post is a 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const id = postingId.safeParse(params.id);
  if (!id.success) throw httpError(404);
  const current = await postingForEdit(user.id, id.data);
  if (!current) throw httpError(404);
  const submission = parseWithZod(await request.formData(), { schema: postingSchemaFor(current.kind) });
  if (submission.status !== "success") return submission.reply();
  const result = await updatePosting(user.id, id.data, submission.value);
  if (!result.ok && "notFound" in result) throw httpError(404);
  if (!result.ok) return submission.reply(replyErrors(result.errors));
  return redirect(`/employer/postings/${result.id}?done=${result.status}`);
}

export default function EditPosting() {
  const { t } = useTranslation();
  const { posting, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm"><Link to={`/employer/postings/${posting.id}`} className="text-brand-700 underline">{t("postings.backToPosting")}</Link></p>
      <h1 className="mb-2 text-2xl font-bold">{tCode(t, "postings.edit.title", posting.kind)}</h1>
      {searchParams.get("done") === "copied" && !lastResult ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="posting-done">{t("postings.done.copied")}</p>
      ) : null}
      <PostingForm kind={posting.kind} options={options} defaultValue={posting.values} lastResult={lastResult} republish={posting.status === "published"} />
    </div>
  );
}
