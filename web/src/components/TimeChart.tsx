// Counts per day on a real time axis: a hand-made SVG with d3-scale's UTC time scale and d3-time's day
// intervals for the ticks. Chosen over a chart library because the chart must export as a standalone SVG
// and PNG (ChartFigure) and keep the page's text size: canvas libraries (Chart.js) give no SVG, and the SVG
// ones (Recharts, Victory) weigh 100+ kB for one line chart; d3-scale and d3-time are small, pure and kept
// by the d3 project. Dates on the axis are in the UI's locale through Intl; the days are UTC days.
import { scaleLinear, scaleUtc } from "d3-scale";
import { utcDay } from "d3-time";
import { useId, useRef } from "react";
import { formatNumber, locale, t } from "../i18n";
import { useWidth } from "../lib/useWidth";
import { ChartFigure } from "./ChartFigure";

export interface DayValue {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  value: number;
}

const HEIGHT = 180;
const M = { top: 12, right: 24, bottom: 30, left: 44 };
const intlTag = () => (locale === "en-XA" ? "en" : locale);
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const longDate = () => new Intl.DateTimeFormat(intlTag(), { dateStyle: "medium", timeZone: "UTC" });

/** The scales and ticks for `days` drawn `width` pixels wide. */
function layout(days: readonly DayValue[], width: number) {
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

function Axes({ width, at }: { width: number; at: ReturnType<typeof layout> }) {
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

/** The figures for screen readers, a row per day. */
function DayTable({ title, days }: { title: string; days: readonly DayValue[] }) {
  const fmt = longDate();
  return (
    <table className="visually-hidden">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.charts.axisDate}</th>
          <th scope="col">{t.charts.axisCount}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.date}>
            <th scope="row">{fmt.format(day(d.date))}</th>
            <td>{formatNumber(d.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TimeChart({
  title,
  days,
  tone,
}: {
  title: string;
  days: readonly DayValue[];
  tone?: "warn";
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const titleId = useId();
  const descId = useId();
  const at = layout(days, width);
  const fmt = longDate();
  const points = days.map((d) => ({ ...d, px: at.x(day(d.date)), py: at.y(d.value) }));
  const path = points.map((p, i) => `${i ? "L" : "M"}${p.px.toFixed(1)},${p.py.toFixed(1)}`).join("");
  const total = formatNumber(days.reduce((s, d) => s + d.value, 0));
  const desc = t.charts.desc(title, fmt.format(at.first), fmt.format(at.last), total, formatNumber(at.peak));
  const data = { header: [t.charts.colDate, t.charts.colValue], rows: days.map((d) => [d.date, d.value]) };
  return (
    <ChartFigure title={title} data={data}>
      {(svgRef) => (
        <div ref={box}>
          <svg
            ref={svgRef}
            width={width}
            height={HEIGHT}
            role="img"
            aria-labelledby={titleId}
            aria-describedby={descId}
            className={`time-chart${tone ? ` tone-${tone}` : ""}`}
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{desc}</desc>
            <Axes width={width} at={at} />
            <path d={path} className="series" fill="none" />
            {points.map((p) => (
              <circle
                key={p.date}
                cx={p.px}
                cy={p.py}
                r={3.5}
                className="point"
                data-date={p.date}
                data-value={p.value}
              >
                <title>{`${fmt.format(day(p.date))}: ${formatNumber(p.value)}`}</title>
              </circle>
            ))}
          </svg>
          <DayTable title={title} days={days} />
        </div>
      )}
    </ChartFigure>
  );
}
