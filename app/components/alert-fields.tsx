import { useTranslation, tCode } from "~/i18n/translate.ts";
import { FieldError } from "~/components/form-messages.tsx";
import { ALERT_CHANNELS, FREQUENCIES } from "~/modules/alerts/codes.ts";

/** How often and how: the same two groups of choices wherever an alert is saved or changed. */
export function AlertFields({ prefix, frequency, channels, errors, hasEmail, hasPhone, showChannels = true }: {
  prefix: string;
  frequency: string;
  channels: readonly string[];
  errors?: Record<string, string[] | undefined>;
  hasEmail: boolean;
  hasPhone: boolean;
  /** Off for an alert without an account: it is by email only. */
  showChannels?: boolean;
}) {
  const { t } = useTranslation();
  const box = "flex min-h-11 items-center gap-2";
  return (
    <>
      <fieldset aria-describedby={errors?.frequency ? `${prefix}-frequency-error` : undefined}>
        <legend className="font-medium">{t("alerts.frequency")}</legend>
        {FREQUENCIES.map((f) => (
          <label key={f} className={box}>
            <input type="radio" name="frequency" value={f} defaultChecked={frequency === f} className="h-5 w-5" />
            {tCode(t, "alerts.frequencies", f)}
          </label>
        ))}
        <FieldError id={`${prefix}-frequency-error`} errors={errors?.frequency} />
      </fieldset>
      {showChannels ? <fieldset aria-describedby={errors?.channels ? `${prefix}-channels-error` : undefined}>
        <legend className="font-medium">{t("alerts.channels")}</legend>
        {ALERT_CHANNELS.map((c) => (
          <label key={c} className={box}>
            <input type="checkbox" name="channels" value={c} defaultChecked={channels.includes(c)} className="h-5 w-5" />
            {tCode(t, "alerts.channelNames", c)}
            {c === "email" && !hasEmail ? <span className="text-sm text-slate-600">{t("alerts.noEmail")}</span> : null}
            {c === "sms" && !hasPhone ? <span className="text-sm text-slate-600">{t("alerts.noPhone")}</span> : null}
          </label>
        ))}
        <FieldError id={`${prefix}-channels-error`} errors={errors?.channels} />
      </fieldset> : null}
    </>
  );
}
