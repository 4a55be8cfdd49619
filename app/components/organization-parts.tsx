import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, NavLink, useRouteLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { can } from "~/modules/auth/permissions.ts";
import { inviteSchema } from "~/modules/organizations/schemas.ts";
import type { loader as rootLoader } from "~/root.tsx";
import { formatDate } from "~/utils/format.ts";
import { FormError, SubmitButton, TextField } from "./form.tsx";
import { useHydrated } from "./profile-fields.tsx";

const BADGE: Record<string, string> = {
  pending: "bg-amber-100 text-amber-900",
  verified: "bg-emerald-100 text-emerald-800",
  rejected: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${BADGE[status] ?? "bg-slate-100"}`} data-testid="organization-status" data-status={status}>
      {status === "verified" ? "✓ " : ""}
      {tCode(t, "organizations.status", status)}
    </span>
  );
}

export function WarningNote({ children }: { children: React.ReactNode }) {
  return (
    <p role="note" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="credit-code-warning">
      ⚠ {children}
    </p>
  );
}

export const card = "rounded-lg bg-white p-4 shadow-sm";

interface OrganizationFactsInput {
  creditCode: string;
  kind: string;
  industry: string | null;
  place: string;
  address: string;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
}

/** What an organization registered, as a label/value list; `extra` rows go before the description. */
export function OrganizationFacts({ org, extra = [] }: { org: OrganizationFactsInput; extra?: [string, string | null][] }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t("organizations.creditCode"), org.creditCode],
    [t("organizations.kind"), tCode(t, "organizations.kinds", org.kind)],
    [t("organizations.industry"), org.industry],
    [t("staffOrgs.place"), org.place],
    [t("organizations.address"), org.address],
    [t("organizations.contactName"), org.contactName],
    [t("organizations.contactPhone"), org.contactPhone],
    ...extra,
    [t("organizations.description"), org.description || null],
  ];
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.filter(([, value]) => value).map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MembersList({ members }: { members: { userId: number; displayName: string; role: string; joinedAt: string; isMe: boolean }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="divide-y divide-slate-200" data-testid="members">
      {members.map((m) => (
        <li key={m.userId} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
          <span className="font-medium">
            {m.displayName}
            {m.isMe ? t("employer.you") : ""}
          </span>
          <span className="text-sm text-slate-600">
            {tCode(t, "employer.roles", m.role)} · {t("employer.joined", { date: formatDate(m.joinedAt, i18n.language) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export type InviteActionData = { result: SubmissionResult<string[]>; invite: { link: string; target: string } | null };

/** Creates an invitation link; posts to /employer/organization, which shows the link once. */
export function InviteForm({ lastResult }: { lastResult?: InviteActionData }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: lastResult?.result,
    constraint: getZodConstraint(inviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">{t("employer.inviteLead")}</p>
      {lastResult?.invite ? <InviteLink link={lastResult.invite.link} target={lastResult.invite.target} /> : null}
      <FormError errors={form.errors} />
      <Form method="post" action="/employer/organization" {...getFormProps(form)} noValidate>
        <TextField meta={fields.identifier} label={t("employer.inviteIdentifier")} autoComplete="off" />
        <SubmitButton>{t("employer.inviteSubmit")}</SubmitButton>
      </Form>
    </div>
  );
}

function InviteLink({ link, target }: { link: string; target: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <div className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3" role="status" data-testid="invite-link">
      <p className="text-sm text-emerald-900">{t("employer.inviteReady", { target })}</p>
      <label className="sr-only" htmlFor="invite-link-value">{t("employer.inviteLink")}</label>
      <input id="invite-link-value" readOnly value={link} className="mt-2 block w-full rounded border border-slate-300 bg-white px-2 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
      {hydrated && typeof navigator !== "undefined" && navigator.clipboard ? (
        <button
          type="button"
          className="mt-2 min-h-11 rounded border border-emerald-600 bg-white px-3 text-emerald-800"
          onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true))}
        >
          {copied ? t("employer.copied") : t("employer.copy")}
        </button>
      ) : null}
    </div>
  );
}

/** The staff section's tabs; the accounts tab only for those who may manage staff. */
export function StaffNav() {
  const { t } = useTranslation();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const links = [
    ["/staff", t("staff.nav.home")],
    ["/staff/organizations", t("staff.nav.organizations")],
    ["/staff/postings", t("staff.nav.postings")],
    ["/staff/placements", t("staff.nav.placements")],
    ["/staff/indicators", t("staff.nav.indicators")],
    ["/staff/registers", t("registers.nav")],
    ["/staff/returnees", t("staff.nav.returnees")],
    ["/staff/targets", t("targets.nav")],
    ["/staff/identity", t("identity.nav")],
    ["/staff/service-points", t("staff.nav.servicePoints")],
    ["/staff/audit", t("staff.nav.audit")],
    ...(can(root?.user?.role, "staff.manage") ? [["/staff/accounts", t("staff.nav.accounts")]] : []),
  ] as const;
  return (
    <nav className="mb-4 border-b border-slate-200" aria-label={t("staff.title")}>
      <ul className="flex flex-wrap gap-x-1">
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink
              to={to}
              end={to === "/staff"}
              className={({ isActive }) => `inline-flex min-h-11 items-center whitespace-nowrap border-b-2 px-2 sm:px-3 ${isActive ? "border-brand-700 font-semibold text-brand-700" : "border-transparent text-slate-700"}`}
            >
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="mt-4 flex items-center justify-between gap-2" aria-label={t("search.pages")}>
      {page > 1 ? <Link to={href(page - 1)} className="min-h-11 rounded border border-slate-300 bg-white px-3 py-2">{t("search.previous")}</Link> : <span />}
      <span className="text-sm text-slate-600">{t("search.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)} className="min-h-11 rounded border border-slate-300 bg-white px-3 py-2">{t("search.next")}</Link> : <span />}
    </nav>
  );
}

/**
 * A staff queue's refusal (a colleague decided first, …) shown at the top of the page when the
 * row it belongs to is no longer listed, so the officer is never left with a page that says nothing.
 */
export function RefusedOutsideList({ acted, shownIds }: { acted?: { id: number | null; done: unknown; result: SubmissionResult<string[]> }; shownIds: number[] }) {
  if (!acted || acted.done || acted.id === null || shownIds.includes(acted.id)) return null;
  return <FormError errors={acted.result.error?.[""] ?? undefined} />;
}
