import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { SubmitButton } from "~/components/form-messages.tsx";
import { getOptionalUser, requireUser } from "~/modules/auth/guards.server.ts";
import { acceptInvitation, viewInvitation } from "~/modules/organizations/invitations.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["accounts", "organizations"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("invite.title")) }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return { view: await viewInvitation(params.token ?? "", user?.id ?? null), role: user?.role ?? null };
}

/** Accepting is a POST from a signed-in employer; a signed-out visitor is sent to log in and back. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await acceptInvitation(params.token ?? "", user.id);
  if (result.ok) return redirect("/employer");
  return { view: result.view };
}

export default function Invitation() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const view = acted?.view ?? loaded.view;
  const busy = useNavigation().state === "submitting";
  const here = useLocation().pathname;
  return (
    <div className="mx-auto max-w-md rounded-lg bg-white p-5 shadow-sm" data-testid="invitation" data-state={view.state}>
      <h1 className="mb-3 text-2xl font-bold">{t("invite.title")}</h1>
      {view.state === "invalid" ? <p role="alert">{t("invite.invalid")}</p> : null}
      {view.state === "used" || view.state === "expired" ? (
        <>
          <p className="mb-2">{t("invite.lead", { name: view.organizationName })}</p>
          <p role="alert" className="font-medium text-red-800">{tCode(t, "invite", view.state)}</p>
        </>
      ) : null}
      {view.state === "open" ? (
        <>
          <p className="mb-1 text-lg">{t("invite.lead", { name: view.organizationName })}</p>
          <p className="mb-4 text-sm text-slate-600">{"email" in view.sentTo ? t("invite.sentToEmail", { email: view.sentTo.email }) : t("invite.sentToPhone")}</p>
          {view.problem === null ? (
            <Form method="post">
              <SubmitButton busy={busy}>{t("invite.accept")}</SubmitButton>
            </Form>
          ) : view.problem === "signedOut" ? (
            <SignedOut path={here} />
          ) : (
            <>
              <p role="alert" className="mb-3 font-medium text-red-800">
                {tCode(t, "invite", view.problem, { role: loaded.role ? tCode(t, "roles", loaded.role) : "" })}
              </p>
              {view.problem === "alreadyMember" ? (
                <Link to="/employer" className="text-brand-700 underline">{t("invite.toEmployerHome")}</Link>
              ) : (
                <Form method="post" action="/logout">
                  <input type="hidden" name="redirectTo" value={here} />
                  <button type="submit" name="scope" value="here" className="min-h-11 rounded border border-slate-300 px-3">{t("invite.switchAccount")}</button>
                </Form>
              )}
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

function SignedOut({ path }: { path: string }) {
  const { t } = useTranslation();
  const back = encodeURIComponent(path);
  return (
    <>
      <p className="mb-4">{t("invite.signedOut")}</p>
      <div className="flex flex-wrap gap-3">
        <Link to={`/login?redirectTo=${back}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">{t("invite.login")}</Link>
        <Link to={`/signup?role=employer&redirectTo=${back}`} className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 font-semibold text-brand-700">{t("invite.signup")}</Link>
      </div>
    </>
  );
}
