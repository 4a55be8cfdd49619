import { useId } from "react";
import type { TrendGeometry } from "~/modules/indicators/trend-chart.server.ts";

/**
 * Draws what the server computed (trend-chart.server.ts); no chart code runs in the browser.
 * The list beside it on the page gives the same figures as text.
 */
export function TrendChart({ chart, title, desc, labels }: { chart: TrendGeometry; title: string; desc: string; labels: { added: string; cumulative: string; pace: string; month: (m: number) => string } }) {
  const id = useId();
  const { plot } = chart;
  return (
    <figure className="w-full" data-testid="trend-chart">
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" strokeDasharray="3 3" />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end" fontSize={11} fill="#475569">{tick.value}</text>
          </g>
        ))}
        {chart.bars.map((bar, m) => (
          <rect key={m} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#1d5fbf">
            <title>{`${labels.month(m + 1)}: ${bar.value}`}</title>
          </rect>
        ))}
        <path d={chart.cumulative} fill="none" stroke="#047857" strokeWidth={2} />
        {chart.pace ? <path d={chart.pace} fill="none" stroke="#b91c1c" strokeWidth={1.5} strokeDasharray="4 4" /> : null}
        {chart.months.map((m) => (
          <text key={m.label} x={m.x} y={plot.bottom + 16} textAnchor="middle" fontSize={11} fill="#475569">{labels.month(m.label)}</text>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-700">
        <span><span aria-hidden="true" className="mr-1 inline-block h-2 w-3 bg-[#1d5fbf]" />{labels.added}</span>
        <span><span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 bg-[#047857] align-middle" />{labels.cumulative}</span>
        {chart.pace ? <span><span aria-hidden="true" className="mr-1 inline-block w-4 border-t-2 border-dashed border-[#b91c1c] align-middle" />{labels.pace}</span> : null}
      </figcaption>
    </figure>
  );
}
