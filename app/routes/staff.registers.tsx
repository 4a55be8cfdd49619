import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import { StaffNav } from "~/components/organization-parts.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { metaT, pageTitle } from "~/utils/meta.ts";
import type { I18nHandle } from "~/i18n/i18n.ts";

export const handle: I18nHandle = { i18n: ["opportunities", "accounts", "seekers", "organizations", "postings", "registers", "targets", "exports"] };

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: pageTitle(t, t("registers.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "register.manage");
  return null;
}

const TABS = ["", "difficulty", "families", "communities", "labour", "figures"] as const;

/** The registers that feed indicators: one page each, under common tabs. */
export default function RegistersLayout() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <h1 className="mb-1 text-2xl font-bold">{t("registers.title")}</h1>
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("registers.title")}>
        {TABS.map((tab) => (
          <NavLink
            key={tab}
            to={tab ? `/staff/registers/${tab}` : "/staff/registers"}
            end
            className={({ isActive }) => `inline-flex min-h-11 items-center rounded-full border px-4 ${isActive ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
          >
            {tCode(t, "registers.tabs", tab || "overview")}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
