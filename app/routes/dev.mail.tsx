import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { capturedMail, mayReadCapturedMail } from "~/modules/messages/capture.server.ts";
import { httpError } from "~/utils/http.ts";
import { formatDate } from "~/utils/format.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["alerts"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("devMail.title")) }, { name: "robots", content: "noindex" }];
};

/** The demo's captured mail: there only while the site captures mail, and only from this machine. */
export async function loader({ context }: LoaderFunctionArgs) {
  const mails = capturedMail();
  if (!mails || !mayReadCapturedMail(String(context.clientAddress ?? ""))) throw httpError(404);
  return { mails: mails.slice(0, 200) };
}

export default function DevMail() {
  const { t, i18n } = useTranslation();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-2 text-2xl font-bold">{t("devMail.title")}</h1>
      <p className="mb-4 text-slate-700">{t("devMail.lead")}</p>
      {!mails.length ? <p className="rounded-lg bg-white p-4 shadow-sm" data-testid="no-mail">{t("devMail.empty")}</p> : null}
      <ol className="space-y-3">
        {mails.map((m, i) => (
          <li key={`${m.at}-${i}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid="captured-mail">
            <h2 className="text-lg font-semibold">{m.subject}</h2>
            <p className="text-sm text-slate-600">
              {t("devMail.to")}: <span data-testid="mail-to">{m.to.join(", ")}</span> · {t("devMail.at")}: {formatDate(m.at, i18n.language, "dateTime")}
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-base">{m.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
