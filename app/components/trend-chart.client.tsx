import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendPoint {
  month: string;
  added: number;
  cumulative: number;
  pace: number | null;
}

/** Month-by-month additions with the running total against the pace line (recharts, browser only). */
export default function TrendChart({ points, labels }: { points: TrendPoint[]; labels: { added: string; cumulative: string; pace: string } }) {
  const withPace = points.some((p) => p.pace !== null);
  return (
    <div className="h-64 w-full" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} width={48} />
          <Tooltip />
          <Bar dataKey="added" name={labels.added} fill="#1d5fbf" />
          <Line dataKey="cumulative" name={labels.cumulative} stroke="#047857" strokeWidth={2} dot={false} />
          {withPace ? <Line dataKey="pace" name={labels.pace} stroke="#b91c1c" strokeDasharray="4 4" dot={false} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

