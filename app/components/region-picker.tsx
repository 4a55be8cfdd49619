import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/translate.ts";
import { selectProps, type Field } from "./field-props.ts";
import { FieldError } from "./form-messages.tsx";
import { useHydrated } from "./profile-fields.tsx";
import { countyOf, matches, normalizeQuery, type PickerCounty, type PickerPlace, type RegionPickerOptions } from "./region-options.ts";

export type { RegionPickerOptions } from "./region-options.ts";

/** A conform field, or for a plain GET form just an id, a name and a starting value. */
export type PickerField = Pick<Field, "id" | "name"> & Partial<Field>;

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-600";

const text = (v: unknown) => (typeof v === "string" ? v : "");

function controlAttributes(field: PickerField) {
  // Read one by one: conform's field metadata answers through getters that a spread does not copy.
  const full: Field = {
    id: field.id,
    name: field.name,
    errorId: field.errorId ?? `${field.id}-error`,
    formId: field.formId ?? "",
    errors: field.errors,
    initialValue: field.initialValue,
    required: field.required,
  };
  const { form, ...props } = selectProps(full) as ReturnType<typeof selectProps> & { form?: string };
  return form ? { ...props, form } : props;
}

/**
 * County, then town, from the loaded region list. Without JavaScript: the county select and one town
 * select listing every county's towns under its name, so any town can be posted (the server checks
 * that town and county agree). With it: the town list narrows to the chosen county, and a search box
 * filters it by Chinese or English name, pinyin or initials (keys made on the server); choosing a town
 * sets its county. Two posted fields (`county` and `town`), or one (`town` alone, with `wholeCounty`
 * offering each county as a whole: the search page's filter, staff lists).
 */
export function RegionPicker({
  options,
  county,
  town,
  legend,
  countyLabel,
  townLabel,
  countyPlaceholder,
  townPlaceholder,
  townHint,
  wholeCounty = false,
  testId,
}: {
  options: RegionPickerOptions;
  county?: PickerField;
  town: PickerField;
  legend?: string;
  countyLabel?: string;
  townLabel?: string;
  countyPlaceholder?: string;
  townPlaceholder?: string;
  townHint?: string;
  wholeCounty?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const countyRef = useRef<HTMLSelectElement>(null);
  const townRef = useRef<HTMLSelectElement>(null);
  const startTown = text(town.initialValue);
  const [chosenCounty, setChosenCounty] = useState(text(county?.initialValue) || countyOf(options, startTown)?.code || "");
  const [chosenTown, setChosenTown] = useState(startTown);
  const [query, setQuery] = useState("");
  // A choice made before the script arrived (a slow phone) is where the narrowing starts.
  useEffect(() => {
    const townNow = townRef.current?.value ?? "";
    const countyNow = countyRef.current?.value || countyOf(options, townNow)?.code || "";
    setChosenTown(townNow);
    setChosenCounty(countyNow);
    if (countyRef.current && !countyRef.current.value) countyRef.current.value = countyNow;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at hydration
  }, []);

  const name = (p: PickerPlace) => (p.retired ? t("regionPicker.retiredName", { name: p.name }) : p.name);
  const countyId = county?.id ?? `${town.id}-county`;
  const q = normalizeQuery(query);
  const wholeOption = (c: PickerCounty) =>
    wholeCounty && c.selectable !== false ? <option key={c.code} value={c.code}>{t("regionPicker.wholeCounty", { name: name(c) })}</option> : null;

  // Before hydration (and without JavaScript) every town is listed; after it, the chosen county's, filtered.
  const groups = !hydrated
    ? options.counties.map((c) => ({ county: c, whole: true, towns: c.towns }))
    : options.counties
        .filter((c) => !chosenCounty || c.code === chosenCounty)
        .map((c) => {
          const countyHit = !chosenCounty && !!q && matches(c, q);
          return {
            county: c,
            whole: !q || countyHit || c.code === chosenTown,
            towns: c.towns.filter((tw) => tw.code === chosenTown || countyHit || matches(tw, q)),
          };
        })
        .filter((g) => g.towns.length || (g.whole && wholeOption(g.county)));
  const found = groups.reduce((n, g) => n + g.towns.filter((tw) => tw.code !== chosenTown || matches(tw, q)).length, 0);

  function chooseCounty(code: string) {
    setChosenCounty(code);
    const inside = options.counties.find((c) => c.code === code);
    if (!chosenTown || !inside || countyOf(options, chosenTown)?.code !== code) {
      const next = wholeCounty && inside && inside.selectable !== false ? code : "";
      setChosenTown(next);
      if (townRef.current) townRef.current.value = next;
    }
  }

  function chooseTown(code: string) {
    setChosenTown(code);
    const owner = code ? countyOf(options, code)?.code : undefined;
    if (owner && owner !== chosenCounty) {
      setChosenCounty(owner);
      if (countyRef.current) countyRef.current.value = owner;
    }
  }

  const countyOptions = (list: PickerCounty[]) => list.map((c) => <option key={c.code} value={c.code}>{name(c)}</option>);
  const cityGroups = [...new Set(options.counties.map((c) => c.group ?? ""))];
  const townProps = controlAttributes(town);
  const describedBy = [townProps["aria-describedby"], townHint ? `${town.id}-hint` : ""].filter(Boolean).join(" ") || undefined;

  const body = (
    <div className="grid gap-x-3 sm:grid-cols-2" data-testid={testId}>
      {county || hydrated ? (
        <div className="mb-4">
          <label htmlFor={countyId} className="block text-sm font-medium text-slate-800">{countyLabel ?? t("regionPicker.county")}</label>
          <select
            ref={countyRef}
            {...(county ? controlAttributes(county) : { id: countyId, defaultValue: chosenCounty })}
            className={controlClass}
            onChange={(e) => chooseCounty(e.currentTarget.value)}
          >
            <option value="">{countyPlaceholder ?? t("regionPicker.chooseCounty")}</option>
            {cityGroups.length > 1
              ? cityGroups.map((g) => <optgroup key={g} label={g}>{countyOptions(options.counties.filter((c) => (c.group ?? "") === g))}</optgroup>)
              : countyOptions(options.counties)}
          </select>
          {county ? <FieldError id={county.errorId ?? `${county.id}-error`} errors={county.errors} /> : null}
        </div>
      ) : null}
      <div className="mb-4">
        {hydrated ? (
          <>
            <label htmlFor={`${town.id}-search`} className="block text-sm font-medium text-slate-800">{t("regionPicker.search")}</label>
            <input
              id={`${town.id}-search`}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              placeholder={t("regionPicker.searchPlaceholder")}
              autoComplete="off"
              aria-controls={town.id}
              className={controlClass}
            />
            <p className="mt-1 text-xs text-slate-500" aria-live="polite" data-testid="region-matches">
              {q ? (found ? t("regionPicker.matches", { count: found }) : t("regionPicker.noMatch")) : ""}
            </p>
          </>
        ) : null}
        <label htmlFor={town.id} className="block text-sm font-medium text-slate-800">{townLabel ?? t("regionPicker.town")}</label>
        <select ref={townRef} {...townProps} aria-describedby={describedBy} className={controlClass} onChange={(e) => chooseTown(e.currentTarget.value)}>
          <option value="">{townPlaceholder ?? t("regionPicker.chooseTown")}</option>
          {groups.map((g) => (
            <optgroup key={g.county.code} label={name(g.county)}>
              {g.whole ? wholeOption(g.county) : null}
              {g.towns.map((tw) => <option key={tw.code} value={tw.code}>{name(tw)}</option>)}
            </optgroup>
          ))}
        </select>
        {townHint ? <p id={`${town.id}-hint`} className="mt-1 text-xs text-slate-500">{townHint}</p> : null}
        <FieldError id={town.errorId ?? `${town.id}-error`} errors={town.errors} />
      </div>
    </div>
  );
  if (!legend) return body;
  return (
    <fieldset className="mb-2">
      <legend className="mb-1 font-medium">{legend}</legend>
      {body}
    </fieldset>
  );
}
