import { useTranslation, tCode } from "~/i18n/translate.ts";

const STYLE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-800",
  pending: "bg-amber-100 text-amber-900",
  published: "bg-emerald-100 text-emerald-800",
  rejected: "bg-red-100 text-red-800",
  closed: "bg-slate-200 text-slate-700",
  expired: "bg-slate-200 text-slate-700",
};

/** A post's state in words (and colour, never colour alone). */
export function PostingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${STYLE[status] ?? "bg-slate-100"}`} data-testid="posting-status" data-status={status}>
      {tCode(t, "postings.status", status)}
    </span>
  );
}
