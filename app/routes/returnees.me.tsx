import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RegistrantPage } from "~/components/returnee-mine.tsx";
import { getLanguage } from "~/i18n/language.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { registrantFormAction, registrantPage } from "~/modules/returnees/mine.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "seekers", "returnees"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returnees.mine.title")) }, { name: "robots", content: "noindex" }];
};

/** The signed-in seeker's own registration; without one, the form. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const page = await registrantPage({ userId: user.id }, await getLanguage(request));
  if (!page) throw redirect("/returnees");
  return { page };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const result = await registrantFormAction({ userId: user.id }, await request.formData());
  if (result.ok && result.done === "withdrawn") throw redirect("/returnees/done");
  throw redirect(result.ok ? `/returnees/me?done=${result.done}` : "/returnees/me");
}

export default function MyRegistration() {
  const { page } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  return <RegistrantPage data={page} done={params.get("done")} busy={busy} editLink="/returnees" />;
}
