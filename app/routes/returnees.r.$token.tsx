import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { RegistrantPage } from "~/components/returnee-mine.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { registrantFormAction, registrantPage } from "~/modules/returnees/mine.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "seekers", "returnees"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returnees.mine.title")) }, { name: "robots", content: "noindex" }, { name: "referrer", content: "same-origin" }];
};

/** A registration without an account, reached by the link sent to its phone or email. GET only shows: a mail scanner's visit confirms nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return { page: await registrantPage({ token: params.token ?? "" }, await getLanguage(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const result = await registrantFormAction({ token }, await request.formData());
  if (!result.ok) throw redirect(`/returnees/r/${token}`);
  if (result.done === "withdrawn") throw redirect("/returnees/done");
  throw redirect(`/returnees/r/${token}?done=${result.done}`);
}

export default function RegistrantByLink() {
  const { t } = useTranslation();
  const { page } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  if (!page) {
    return (
      <div className="mx-auto max-w-xl rounded-lg bg-white p-5 shadow-sm" data-testid="returnee-not-found">
        <h1 className="mb-2 text-2xl font-bold">{t("returnees.mine.title")}</h1>
        <p className="mb-3">{t("returnees.mine.notFound")}</p>
        <Link to="/returnees" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returnees.mine.registerAgain")}</Link>
      </div>
    );
  }
  return <RegistrantPage data={page} done={params.get("done")} busy={busy} />;
}
