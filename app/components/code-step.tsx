import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";

/** What the second step of a code flow says above its form: where the code went, and how to change it. */
export function CodeSentNote({ message, identifier, restartTo }: { message: string; identifier: string; restartTo: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="mb-4 rounded border border-green-200 bg-green-50 p-3 text-sm text-green-900" data-testid="code-sent">
      <p>{message}</p>
      <p className="mt-1 font-medium">{t("auth.codeSentTo", { identifier })}</p>
      <p className="mt-1">
        <Link to={restartTo} className="text-brand-700 underline">{t("auth.changeIdentifier")}</Link>
      </p>
    </div>
  );
}

/** Asks for a new code for the same identifier (a plain form: works without JavaScript). */
export function ResendForm({ identifier, hidden = {} }: { identifier: string; hidden?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="mt-3">
      <input type="hidden" name="intent" value="send" />
      <input type="hidden" name="identifier" value={identifier} />
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="text-sm text-brand-700 underline">{t("auth.sendAgain")}</button>
    </Form>
  );
}

export const intentOf = (formData: FormData) => (formData.get("intent") === "verify" ? "verify" : "send");
