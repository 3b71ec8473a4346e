// A small horizontal bar chart in SVG, with the numbers in text too (and a table for screen readers):
// enough for counts per day or per group, without a chart library. In a right-to-left language the chart
// is mirrored: labels on the right, bars growing leftwards. The SVG itself is set left to right so that
// its coordinates and text anchors mean the same in every language.
import { LOCALES, locale } from "../i18n";

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar instead of the value (e.g. a rate). */
  text?: string;
  tone?: "default" | "warn" | "muted";
}

export function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const row = 22;
  const labelW = 130;
  const width = 460;
  const barW = width - labelW - 70;
  const rtl = LOCALES[locale].dir === "rtl";
  /** An x measured from the start side (left, or right in a right-to-left language). */
  const at = (x: number) => (rtl ? width - x : x);
  const anchor = (a: "start" | "end") => (rtl ? (a === "start" ? "end" : "start") : a);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${bars.length * row + 4}`}
        width="100%"
        role="img"
        aria-label={title}
        preserveAspectRatio={rtl ? "xMaxYMin meet" : "xMinYMin meet"}
        direction="ltr"
      >
        {bars.map((b, i) => {
          const w = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * barW);
          const y = i * row + 2;
          return (
            <g key={b.label}>
              <text x={at(labelW - 6)} y={y + 14} textAnchor={anchor("end")} className="chart-label">
                {b.label}
              </text>
              <rect
                x={rtl ? width - labelW - w : labelW}
                y={y + 3}
                width={w}
                height={row - 8}
                className={`bar bar-${b.tone ?? "default"}`}
              />
              <text x={at(labelW + w + 6)} y={y + 14} textAnchor={anchor("start")} className="chart-value">
                {b.text ?? String(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.text ?? b.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
