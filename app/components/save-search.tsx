import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/translate.ts";
import { AlertFields } from "~/components/alert-fields.tsx";
import { EmailAlertForm } from "~/components/email-alert-form.tsx";

/** The part of the root loader's answer this needs (a type import of root.tsx would pull every area's strings into the page's analysis). */
type RootUser = { user: { role: string } | null };

/**
 * "Tell me about new ones" under the results: a seeker saves the search as it is (a <details>, so
 * it opens without JavaScript); a visitor leaves an email address to confirm, or logs in and comes back to it.
 */
export function SaveSearch({ query }: { query: string }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData("root") as RootUser | undefined;
  const here = `/search${query ? `?${query}` : ""}`;
  if (!root?.user) {
    return (
      <details className="mt-4 rounded-lg border border-slate-200 bg-white p-3" data-testid="save-search">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">🔔 {t("alerts.save")}</summary>
        <div className="mt-2 space-y-3">
          <EmailAlertForm query={query} />
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="inline-flex min-h-11 items-center text-brand-700 underline" data-testid="save-search-login">{t("alerts.visitor.orSignIn")}</Link>
          </p>
        </div>
      </details>
    );
  }
  if (root.user.role !== "seeker") return null;
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white p-3" data-testid="save-search">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-700">🔔 {t("alerts.save")}</summary>
      <Form method="post" action="/me/alerts" className="mt-2 space-y-3">
        <p className="text-sm text-slate-700">{t("alerts.saveLead")}</p>
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="query" value={query} />
        <AlertFields prefix="save-search" frequency="daily" channels={["site", "email"]} hasEmail hasPhone />
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white" data-testid="save-search-submit">{t("alerts.save")}</button>
      </Form>
    </details>
  );
}
