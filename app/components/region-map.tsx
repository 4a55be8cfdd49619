import { useId } from "react";
import type { ChoroplethGeometry, PointsGeometry } from "~/modules/places/map.server.ts";

/**
 * Maps the server computed (app/modules/places/map.server.ts), drawn as plain SVG: no map code and
 * no tiles reach the browser, and they show without JavaScript. Each has a title and a text
 * alternative (a table of the same values, or the numbered list), so nothing is said by colour alone.
 */

export interface ChoroplethLabels {
  title: string;
  /** column heads of the table that says what the colours say */
  area: string;
  value: string;
  legend: string;
  noData: string;
}

export function ChoroplethMap({ map, labels, format, nameOf }: { map: ChoroplethGeometry; labels: ChoroplethLabels; format: (value: number) => string; nameOf?: (code: string, name: string) => string }) {
  const id = useId();
  const name = (a: { code: string; name: string }) => nameOf?.(a.code, a.name) ?? a.name;
  const band = (from: number, to: number) => `${format(from)} – ${format(to)}`;
  return (
    <figure className="w-full max-w-xl" data-testid="choropleth">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-table`}>
        <title id={`${id}-t`}>{labels.title}</title>
        {map.areas.filter((a) => a.d).map((a) => (
          <path key={a.code} d={a.d} fill={a.fill} stroke="#475569" strokeWidth={0.8} strokeLinejoin="round" data-code={a.code} data-band={a.band}>
            <title>{`${name(a)}: ${a.value === null ? labels.noData : format(a.value)}`}</title>
          </path>
        ))}
        {map.areas.map((a) =>
          a.label && a.value !== null ? (
            <text key={a.code} x={a.label.x} y={a.label.y} textAnchor="middle" fontSize={10} fill={a.label.color} aria-hidden="true">
              <tspan x={a.label.x} dy="-0.2em">{name(a)}</tspan>
              <tspan x={a.label.x} dy="1.2em" fontSize={11} fontWeight={700}>{format(a.value)}</tspan>
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">
        <span className="mr-2 font-medium">{labels.legend}</span>
        <ul className="inline-flex flex-wrap gap-x-3 gap-y-1" data-testid="map-legend">
          {map.legend.map((b) => (
            <li key={b.fill} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-4 border border-slate-600" style={{ background: b.fill }} />
              <span className="tabular-nums">{band(b.from, b.to)}</span>
            </li>
          ))}
          {map.noData ? (
            <li className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-4 border border-slate-600 bg-white" />
              {labels.noData}
            </li>
          ) : null}
        </ul>
      </figcaption>
      <table id={`${id}-table`} className="sr-only" data-testid="map-table">
        <caption>{labels.title}</caption>
        <thead>
          <tr><th scope="col">{labels.area}</th><th scope="col">{labels.value}</th><th scope="col">{labels.legend}</th></tr>
        </thead>
        <tbody>
          {map.areas.map((a) => (
            <tr key={a.code} data-code={a.code}>
              <th scope="row">{name(a)}</th>
              <td>{a.value === null ? labels.noData : format(a.value)}</td>
              <td>{a.band < 0 ? labels.noData : band(map.legend[a.band]!.from, map.legend[a.band]!.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface PointsLabels {
  title: string;
  /** "within {{km}} km" for a point's circle */
  radius: (km: number) => string;
}

/** Numbered points with their circles on the county outlines; the numbered list below names them. */
export function PointsMap({ map, labels, nameOf }: { map: PointsGeometry; labels: PointsLabels; nameOf?: (code: string, name: string) => string }) {
  const id = useId();
  return (
    <figure className="w-full max-w-xl" data-testid="points-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-list`}>
        <title id={`${id}-t`}>{labels.title}</title>
        {map.outlines.map((o) => (
          <path key={o.code} d={o.d} fill="#f8fafc" stroke="#475569" strokeWidth={0.8} strokeLinejoin="round" data-code={o.code}>
            <title>{nameOf?.(o.code, o.name) ?? o.name}</title>
          </path>
        ))}
        {map.points.map((p) => (p.circle ? <path key={`c${p.n}`} d={p.circle} fill="#1d5fbf" fillOpacity={0.12} stroke="#1d5fbf" strokeWidth={1} data-testid="point-circle" /> : null))}
        {map.points.map((p) =>
          p.inside ? (
            <g key={p.n} data-testid="map-point">
              <circle cx={p.x} cy={p.y} r={7} fill="#b91c1c" stroke="#ffffff" strokeWidth={1.5} />
              <text x={p.x} y={p.y} dy="0.35em" textAnchor="middle" fontSize={9} fontWeight={700} fill="#ffffff" aria-hidden="true">{p.n}</text>
              <title>{p.label}</title>
            </g>
          ) : null,
        )}
      </svg>
      <ol id={`${id}-list`} className="mt-2 space-y-1 text-sm" data-testid="map-point-list">
        {map.points.map((p) => (
          <li key={p.n} className="flex gap-2">
            <span aria-hidden="true" className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-[#b91c1c] text-[10px] font-bold text-white">{p.n}</span>
            <span>{p.label}{p.radiusKm ? <span className="ml-1 text-slate-600">{labels.radius(Math.round(p.radiusKm * 10) / 10)}</span> : null}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
