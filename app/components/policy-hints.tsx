import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";

export interface PolicyLinkView {
  code: string;
  name: string;
  region: string | null;
}

/**
 * The short line that points to support: "可申请：见习补贴" on a detail page (the kind's entries, the
 * conditions one click away), "您可能符合：一次性交通补贴" where the person's own facts meet them.
 */
export function PolicyHints({ links, mode, testId = "policy-hints" }: { links: PolicyLinkView[]; mode: "canApply" | "mightSuit"; testId?: string }) {
  const { t } = useTranslation();
  if (!links.length) return null;
  return (
    <p className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3" data-testid={testId}>
      <span className="font-semibold">{t(`policyHints.${mode}`)}</span>
      {links.map((l, i) => (
        <span key={l.code}>
          {i ? t("list.separator") : null}
          <Link to={`/policies/${l.code}${l.region ? `?region=${l.region}` : ""}`} className="inline-flex min-h-10 items-center text-brand-700 underline">{l.name}</Link>
        </span>
      ))}
    </p>
  );
}
