// A small horizontal bar chart in SVG, with the numbers in text too (and a table for screen readers):
// enough for counts per day or per group, without a chart library.
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
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${bars.length * row + 4}`}
        width="100%"
        role="img"
        aria-label={title}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => {
          const w = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * barW);
          const y = i * row + 2;
          return (
            <g key={b.label}>
              <text x={labelW - 6} y={y + 14} textAnchor="end" className="chart-label">
                {b.label}
              </text>
              <rect
                x={labelW}
                y={y + 3}
                width={w}
                height={row - 8}
                className={`bar bar-${b.tone ?? "default"}`}
              />
              <text x={labelW + w + 6} y={y + 14} className="chart-value">
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
