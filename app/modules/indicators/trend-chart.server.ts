import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";

/**
 * The indicator trend drawn on the server: bars for each month's additions, the running total and
 * the even-pace line, as SVG geometry the page renders as-is (so it shows without JavaScript and
 * the browser loads no chart library). d3-scale and d3-shape rather than visx: visx wraps the same
 * two in React components, which we do not need for a static drawing computed here.
 */
export interface TrendGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: { x: number; y: number; width: number; height: number; value: number }[];
  months: { x: number; label: number }[];
  ticks: { y: number; value: number }[];
  cumulative: string;
  pace: string | null;
}

const WIDTH = 640;
const HEIGHT = 256;
const PLOT = { left: 48, top: 8, right: WIDTH - 8, bottom: HEIGHT - 24 };

export function trendGeometry(months: readonly number[], target: number | null): TrendGeometry {
  const totals = months.map((_, m) => months.slice(0, m + 1).reduce((a, b) => a + b, 0));
  const pace = target === null ? null : months.map((_, m) => Math.round((target * (m + 1)) / 12));
  const x = scaleBand<number>().domain(months.map((_, m) => m)).range([PLOT.left, PLOT.right]).padding(0.2);
  const top = Math.max(1, ...months, ...totals, ...(pace ?? []));
  const y = scaleLinear().domain([0, top]).nice(5).range([PLOT.bottom, PLOT.top]);
  const mid = (m: number) => (x(m) ?? 0) + x.bandwidth() / 2;
  const round = (n: number) => Math.round(n * 10) / 10;
  const path = line<number>().x((_, m) => round(mid(m))).y((v) => round(y(v)));
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    bars: months.map((value, m) => ({ x: round(x(m) ?? 0), y: round(y(value)), width: round(x.bandwidth()), height: round(PLOT.bottom - y(value)), value })),
    months: months.map((_, m) => ({ x: round(mid(m)), label: m + 1 })),
    ticks: y.ticks(5).map((value) => ({ y: round(y(value)), value })),
    cumulative: path(totals) ?? "",
    pace: pace ? path(pace) ?? "" : null,
  };
}
