import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FormError } from "~/components/form-messages.tsx";
import { CandidatesSection, type InviteReply } from "~/components/candidates.tsx";
import { PostingStatusBadge } from "~/components/posting-status.tsx";
import { PostingView } from "~/components/posting-view.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { loadCandidates } from "~/modules/matching/candidates.server.ts";
import { inviteFromForm } from "~/modules/matching/candidate-forms.server.ts";
import { employerPosting, postingAction } from "~/modules/postings/postings.server.ts";
import { postingActionSchema } from "~/modules/postings/schemas.ts";
import { formatDate } from "~/utils/format.ts";
import { httpError } from "~/utils/http.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import { recordId as postingId } from "~/utils/route-params.server.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "organizations", "postings", "candidates"] };


export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, data ? t("postings.preview.metaTitle", { title: data.posting.view.title }) : t("errors.title404")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const id = postingId.safeParse(params.id);
  if (!id.success) throw httpError(404);
  const lang = await getLanguage(request);
  const [posting, candidates] = await Promise.all([employerPosting(user.id, id.data, lang), loadCandidates(user, id.data, lang)]);
  if (!posting || !candidates) throw httpError(404);
  return { posting, candidates };
}

/** Submit a draft, close, reopen or copy, or invite a candidate; another organization's post does not exist here (404). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "posting.manage");
  const id = postingId.safeParse(params.id);
  if (!id.success) throw httpError(404);
  const form = await request.formData();
  if (form.get("intent") === "invite") {
    const invited = await inviteFromForm(user, id.data, form);
    if (invited.ok) return redirect(`/employer/postings/${id.data}?invited=1#candidates`);
    if ("notFound" in invited) throw httpError(404);
    return { invite: invited.reply };
  }
  const submission = parseWithZod(form, { schema: postingActionSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await postingAction(user.id, id.data, submission.value.intent);
  if (!result.ok && result.reason === "not_found") throw httpError(404);
  if (!result.ok) return submission.reply({ formErrors: [result.message] });
  const done = submission.value.intent === "copy" ? "copied" : submission.value.intent;
  return redirect(submission.value.intent === "copy" ? `/employer/postings/${result.id}/edit?done=copied` : `/employer/postings/${result.id}?done=${done}`);
}

const DONE = ["pending", "draft", "submit", "close", "reopen"] as const;

export default function EmployerPostingPage() {
  const { t, i18n } = useTranslation();
  const { posting, candidates } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const inviteReply = answer && "invite" in answer ? (answer.invite as InviteReply) : null;
  const lastResult = answer && !("invite" in answer) ? answer : undefined;
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const done = DONE.find((d) => d === searchParams.get("done"));
  const id = posting.view.id;
  const button = "min-h-12 rounded-md px-4 text-base font-semibold disabled:opacity-60";
  const act = (intent: string, label: string, style: string) => (
    <Form method="post" key={intent}>
      <button type="submit" name="intent" value={intent} disabled={busy} className={`${button} ${style} w-full`} data-testid={`action-${intent}`}>{label}</button>
    </Form>
  );
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm"><Link to="/employer/postings" className="text-brand-700 underline">{t("postings.backToList")}</Link></p>
      {done && !lastResult ? (
        <p role="status" className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900" data-testid="posting-done">{tCode(t, "postings.done", done)}</p>
      ) : null}
      {lastResult?.error?.[""] ? <FormError errors={lastResult.error[""] ?? undefined} /> : null}
      <section className="mb-4 rounded-lg bg-white p-4 shadow-sm" data-testid="posting-state">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-slate-600">{t("postings.preview.state")}</span>
          <PostingStatusBadge status={posting.status} />
        </div>
        <p className="mt-2 text-sm text-slate-700">{tCode(t, "postings.explain", posting.status)}</p>
        {posting.status === "rejected" && posting.rejectionReason ? (
          <p className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-800" data-testid="rejection-reason">{t("postings.rejectedBecause", { reason: posting.rejectionReason })}</p>
        ) : null}
        {posting.status === "pending" && !posting.organizationVerified ? <p className="mt-2 text-sm text-amber-900">{t("postings.list.organizationUnverified")}</p> : null}
        {posting.submittedAt ? <p className="mt-1 text-xs text-slate-500">{t("postings.preview.submittedAt", { date: formatDate(posting.submittedAt, i18n.language) })}</p> : null}
        {posting.searchable ? <p className="mt-2"><Link to={`/${posting.view.kind}/${id}`} className="text-brand-700 underline">{t("postings.preview.publicPage")}</Link></p> : null}
        <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-3">
          {posting.actions.submit ? act("submit", t("postings.actions.submit"), "bg-brand-700 text-white") : null}
          <Link to={`/employer/postings/${id}/edit`} className={`${button} flex items-center justify-center border border-brand-700 bg-white text-brand-700`} data-testid="action-edit">
            {t(posting.status === "rejected" ? "postings.actions.fix" : "postings.actions.edit")}
          </Link>
          {posting.actions.close ? act("close", t("postings.actions.close"), "border border-slate-400 bg-white text-slate-800") : null}
          {posting.actions.reopen ? act("reopen", t("postings.actions.reopen"), "border border-slate-400 bg-white text-slate-800") : null}
          {act("copy", t("postings.actions.copy"), "border border-slate-400 bg-white text-slate-800")}
        </div>
      </section>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{t("postings.preview.heading")}</h2>
      <div className="rounded-lg border-2 border-dashed border-slate-300 p-3">
        <PostingView view={posting.view} />
      </div>
      <CandidatesSection page={candidates} reply={inviteReply} invited={searchParams.get("invited") === "1" && !inviteReply} busy={busy} />
    </div>
  );
}
