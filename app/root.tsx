import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation, tCode } from "~/i18n/translate.ts";
import stylesheet from "~/styles/app.css";
import { I18nData, useRouteNamespaces } from "./i18n/i18n-client.tsx";
import { isLanguage } from "./i18n/i18n.ts";
import { getLanguage } from "./i18n/language.server.ts";
import { getOptionalUser } from "./modules/auth/guards.server.ts";
import { homeFor } from "./modules/auth/home.ts";
import { unreadCount } from "./modules/notifications/notifications.server.ts";
import { useNonce } from "./nonce.tsx";
import { isKnownStatus } from "./utils/http.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return {
    lang: await getLanguage(request),
    user: user ? { displayName: user.displayName, role: user.role, home: homeFor(user.role), unread: await unreadCount(user.id) } : null,
  };
}

function LanguageSwitch({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const here = `${location.pathname}${params.size ? `?${params}` : ""}`;
  const target = lang === "en" ? "zh-CN" : "en";
  return (
    <a
      href={`/set-language?lng=${target}&redirectTo=${encodeURIComponent(here)}`}
      className="inline-flex min-h-10 items-center whitespace-nowrap rounded border border-white/60 px-2 hover:bg-white/10"
      // The visible name is the other language's own name, in that language; the longer phrase is a
      // tooltip, not the accessible name (which must contain what sighted voice users see and say).
      title={t("nav.languageLabel")}
      lang={target}
      hrefLang={target}
      data-testid="language-switch"
    >
      {t("nav.language")}
    </a>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = isLanguage(data?.lang) ? data.lang : "zh-CN";
  const namespaces = useRouteNamespaces(lang);
  const { t } = useTranslation();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#174c99" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only">{t("site.skip")}</a>
        <header className="bg-brand-700 text-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-3 py-2 sm:px-4">
            <Link to="/" className="min-w-0 py-1 text-base font-bold leading-tight sm:text-lg">{t("site.name")}</Link>
            <nav className="flex shrink-0 items-center gap-1 text-sm sm:gap-2">
              <Link to="/search" className="inline-flex min-h-10 items-center whitespace-nowrap px-2 hover:underline">{t("nav.search")}</Link>
              {data?.user ? (
                <Link to={data.user.home} className="inline-flex min-h-10 items-center whitespace-nowrap px-2 hover:underline" data-testid="nav-home">
                  {t("auth.myHome")}
                  {data.user.unread > 0 ? <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-900" aria-label={t("auth.unread", { count: data.user.unread })}>{data.user.unread}</span> : null}
                </Link>
              ) : (
                <Link to="/login" className="inline-flex min-h-10 items-center whitespace-nowrap px-2 hover:underline" data-testid="nav-login">{t("auth.toLogin")}</Link>
              )}
              <LanguageSwitch lang={lang} />
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-3 py-4 sm:px-4">{children}</main>
        <footer className="mx-auto max-w-5xl px-4 py-6 text-xs text-slate-500">
          {t("footer.text")} · <a className="underline" href="/api/v1/search">{t("footer.api")}</a> · <Link className="underline" to="/figures" data-testid="figures-link">{t("exports.figures.link")}</Link>
        </footer>
        <I18nData namespaces={namespaces} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const key = isKnownStatus(status) ? status : 500;
  return (
    <div className="mx-auto max-w-lg py-12 text-center" data-testid="error-page">
      <p className="text-5xl font-bold text-brand-700">{status}</p>
      <h1 className="mt-2 text-xl font-semibold">{t(status === 404 ? "errors.title404" : "errors.title")}</h1>
      <p className="mt-3 text-slate-600">{tCode(t, "errors", String(key))}</p>
      <p className="mt-6">
        <Link to="/" className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 text-white">{t("errors.home")}</Link>
        {" "}
        <Link to="/search" className="ml-2 inline-flex min-h-11 items-center px-2 underline">{t("nav.search")}</Link>
      </p>
    </div>
  );
}
