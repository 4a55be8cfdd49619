import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["returnees"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("returnees.mine.title")) }, { name: "robots", content: "noindex" }];
};

/** After withdrawing: the registration is gone, and the way back if the person changes their mind. */
export default function Withdrawn() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-xl rounded-lg bg-white p-5 shadow-sm" role="status" data-testid="returnee-withdrawn">
      <p className="mb-3 text-lg">{t("returnees.mine.withdrawn")}</p>
      <Link to="/returnees" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("returnees.mine.registerAgain")}</Link>
    </div>
  );
}
