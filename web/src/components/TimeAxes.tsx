// The time axis of TimeChart: d3-scale's UTC time scale and d3-time's day intervals for the ticks, and the
// axes drawn from them. Dates are in the UI's locale through Intl; the days are UTC days.
import { scaleLinear, scaleUtc } from "d3-scale";
import { utcDay } from "d3-time";
import { formatNumber, locale } from "../i18n";

export interface DayValue {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  value: number;
}

export const HEIGHT = 180;
const M = { top: 12, right: 24, bottom: 30, left: 44 };
const intlTag = () => (locale === "en-XA" ? "en" : locale);
export const day = (d: string) => new Date(`${d}T00:00:00Z`);
export const longDate = () => new Intl.DateTimeFormat(intlTag(), { dateStyle: "medium", timeZone: "UTC" });

/** The scales and ticks for `days` drawn `width` pixels wide. */
export function layout(days: readonly DayValue[], width: number) {
  const first = day(days[0]?.date ?? "1970-01-01");
  const last = day(days.at(-1)?.date ?? "1970-01-01");
  const x = scaleUtc()
    .domain([first, last > first ? last : utcDay.offset(first, 1)])
    .range([M.left, width - M.right]);
  const peak = Math.max(0, ...days.map((d) => d.value));
  const y = scaleLinear()
    .domain([0, Math.max(1, peak)])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  // A tick per day while they fit (about 70 px each), else every few days; counts take whole numbers.
  const step = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor((width - M.left - M.right) / 70))));
  return {
    first,
    last,
    peak,
    x,
    y,
    xTicks: x.ticks(utcDay.every(step) ?? utcDay),
    yTicks: y.ticks(4).filter(Number.isInteger),
  };
}

export function Axes({ width, at }: { width: number; at: ReturnType<typeof layout> }) {
  const dateFmt = new Intl.DateTimeFormat(intlTag(), { day: "numeric", month: "short", timeZone: "UTC" });
  const base = HEIGHT - M.bottom;
  return (
    <>
      <g className="axis axis-y">
        {at.yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={width - M.right} y1={at.y(v)} y2={at.y(v)} className="grid" />
            <text x={M.left - 6} y={at.y(v)} dy="0.35em" textAnchor="end" className="chart-label">
              {formatNumber(v)}
            </text>
          </g>
        ))}
      </g>
      <g className="axis axis-x">
        <line x1={M.left} x2={width - M.right} y1={base} y2={base} className="domain" />
        {at.xTicks.map((d) => (
          <g key={d.getTime()} transform={`translate(${at.x(d)},${base})`}>
            <line y2={5} className="domain" />
            <text
              y={18}
              textAnchor="middle"
              className="chart-label tick-date"
              data-date={d.toISOString().slice(0, 10)}
            >
              {dateFmt.format(d)}
            </text>
          </g>
        ))}
      </g>
    </>
  );
}
