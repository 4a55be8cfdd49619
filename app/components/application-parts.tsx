import { useTranslation, tCode } from "~/i18n/translate.ts";
import type { ApplicationStatus } from "~/modules/applications/schemas.ts";
import type { SnapshotView } from "~/modules/applications/applications.server.ts";
import { formatDate } from "~/utils/format.ts";

/** Pieces shared by the apply page, the seeker's applications and the employer's applicant pages. */

const BADGE: Record<ApplicationStatus, string> = {
  submitted: "bg-sky-100 text-sky-900",
  viewed: "bg-slate-200 text-slate-900",
  interview: "bg-amber-100 text-amber-900",
  offered: "bg-emerald-100 text-emerald-900",
  hired: "bg-emerald-600 text-white",
  rejected: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-100 text-slate-600",
};

export function ApplicationStatusBadge({ status, side }: { status: ApplicationStatus; side: "seeker" | "employer" }) {
  const { t } = useTranslation();
  const label = side === "seeker" ? tCode(t, "seekers.applicationStatus", status) : tCode(t, "applications.employerStatus", status);
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${BADGE[status] ?? ""}`} data-testid="application-status">{label}</span>;
}

/** Every change, oldest first, with its date and time and (for "rejected") the reason. */
export function Timeline({ events }: { events: { status: ApplicationStatus; reason: string | null; at: string }[] }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) =>
    formatDate(iso, i18n.language, "dateTime");
  return (
    <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3 text-sm" data-testid="timeline">
      {events.map((e, i) => (
        <li key={i} data-status={e.status}>
          <time dateTime={e.at} className="text-slate-500">{time(e.at)}</time> · <span className="font-medium">{tCode(t, "applications.events", e.status)}</span>
          {e.reason ? <span className="block text-slate-700">{t("applications.mine.reason", { reason: e.reason })}</span> : null}
        </li>
      ))}
    </ol>
  );
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>{children}</dd>
    </>
  );
}

/** The profile as it is (or was) sent with an application. */
export function SharedProfile({ view }: { view: SnapshotView }) {
  const { t } = useTranslation();
  const list = (items: string[]) => items.join(t("list.separator"));
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="shared-profile">
      <Row label={t("seekers.name")} testId="shared-name">{view.name}</Row>
      <Row label={t("seekers.phone")} testId="shared-phone">{view.phone ?? t("applications.noneShared")}</Row>
      {view.shared ? (
        <>
          <Row label={t("seekers.idNumber")}>{view.idNumberMasked}</Row>
          <Row label={t("seekers.sex")}>{view.sex === "male" || view.sex === "female" ? tCode(t, "seekers.sexValue", view.sex) : null}</Row>
          <Row label={t("applications.birthYear")}>{view.birthYear}</Row>
          <Row label={t("seekers.education")}>{view.education ? tCode(t, "education", view.education) : null}</Row>
          <Row label={t("seekers.school")}>{view.school}</Row>
          <Row label={t("seekers.major")}>{view.major}</Row>
          <Row label={t("seekers.graduationYear")}>{view.graduationYear}</Row>
          <Row label={t("seekers.skills")}>{view.skills}</Row>
          <Row label={t("seekers.workHistory")}>
            {view.workHistory.length ? (
              <ul>
                {view.workHistory.map((w, i) => (
                  <li key={i}>{[w.employer, w.title, [w.from, w.to].filter(Boolean).join(" – ")].filter(Boolean).join(" · ")}</li>
                ))}
              </ul>
            ) : null}
          </Row>
          <Row label={t("seekers.hometown")}>{view.hometown}</Row>
          <Row label={t("seekers.currentPlace")}>{view.currentPlace}</Row>
          <Row label={t("seekers.sections.groups")}>{list(view.groups.map((g) => tCode(t, "groups", g)))}</Row>
          <Row label={t("seekers.returneeKind")}>{view.returneeKind ? tCode(t, "seekers.returneeKinds", view.returneeKind, { defaultValue: view.returneeKind }) : null}</Row>
        </>
      ) : null}
    </dl>
  );
}
