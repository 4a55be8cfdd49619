import { Link, useLocation, useNavigate } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/translate.ts";
import { searchUrl, WITHIN_KM, type SearchParams } from "~/modules/search/search-url.ts";
import { useHydrated } from "./profile-fields.tsx";

const chip = "inline-flex min-h-10 items-center rounded-full border px-3";

/**
 * "Near me" on the search page: where distances are measured from (the remembered home town, or
 * the browser's location when the visitor asked for it), a link to choose or change it, and
 * "within N km" choices. The location button needs JavaScript and asks the browser only on a tap.
 */
export function NearMe({ params, nearLabel }: { params: SearchParams; nearLabel: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const hydrated = useHydrated();
  const chooseUrl = `/near-me?${new URLSearchParams({ redirectTo: searchUrl({ ...params, near: undefined, within: undefined, sort: "distance", page: 1 }) })}`;
  return (
    <section className="mt-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label={t("near.title")} data-testid="near-me">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {params.near ? (
          <span data-testid="near-from">{nearLabel ? t("near.from", { place: nearLabel }) : t("near.fromBrowser")}</span>
        ) : (
          <span>{t("near.prompt")}</span>
        )}
        <Link to={chooseUrl} className="inline-flex min-h-10 items-center font-semibold text-brand-700 underline" data-testid="near-choose">
          {params.near ? t("near.change") : t("near.choose")}
        </Link>
        {hydrated ? <UseMyLocation params={params} key={location.search} /> : null}
      </p>
      {params.near ? (
        <nav className="mt-2 flex flex-wrap gap-2" aria-label={t("search.within")} data-testid="near-within">
          {[undefined, ...WITHIN_KM].map((km) => {
            const current = params.within === km;
            return (
              <Link key={km ?? "any"} to={searchUrl({ ...params, within: km, page: 1 })} preventScrollReset aria-current={current ? "true" : undefined}
                className={`${chip} ${current ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"}`}>
                {km ? t("near.withinKm", { km }) : t("near.anyDistance")}
              </Link>
            );
          })}
        </nav>
      ) : null}
    </section>
  );
}

/** Asks the browser where it is, once tapped; the position goes into the URL rounded to about 1 km. */
function UseMyLocation({ params }: { params: SearchParams }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<"idle" | "asking" | "failed">("idle");
  if (typeof navigator === "undefined" || !("geolocation" in navigator)) return null;
  const ask = () => {
    setState("asking");
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => navigate(searchUrl({ ...params, near: `${coords.latitude.toFixed(2)},${coords.longitude.toFixed(2)}`, sort: "distance", page: 1 })),
      () => setState("failed"),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };
  return (
    <>
      <button type="button" onClick={ask} disabled={state === "asking"} className="inline-flex min-h-10 items-center rounded border border-slate-300 px-3" data-testid="near-locate">
        {state === "asking" ? t("near.locating") : t("near.useLocation")}
      </button>
      {state === "failed" ? <span role="status" className="text-amber-800">{t("near.denied")}</span> : null}
    </>
  );
}
