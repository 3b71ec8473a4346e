// A chart's frame: its caption, the chart, and the downloads analysts put in their reports (PNG, SVG,
// and the figures as CSV). The chart draws itself into the SVG the figure hands it a ref to.
import { type ReactNode, useRef } from "react";
import { t } from "../i18n";
import { pngOf, svgDocument } from "../lib/chartExport";
import { chartFilename, csvText, saveBlob } from "../lib/download";

export interface ChartData {
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

export function ChartFigure({
  title,
  data,
  children,
}: {
  title: string;
  data: ChartData;
  children: (svgRef: React.RefObject<SVGSVGElement | null>) => ReactNode;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const save = async (kind: "png" | "svg" | "csv") => {
    const name = chartFilename(title, kind);
    if (kind === "csv")
      return saveBlob(new Blob([csvText(data.header, data.rows)], { type: "text/csv" }), name);
    const svg = svgRef.current;
    if (!svg) return;
    const doc = svgDocument(svg, title);
    if (kind === "svg") return saveBlob(new Blob([doc.text], { type: "image/svg+xml" }), name);
    saveBlob(await pngOf(doc.text, doc.width, doc.height), name);
  };
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {children(svgRef)}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fieldset */}
      <div className="chart-downloads" role="group" aria-label={t.charts.download(title)}>
        {(["png", "svg", "csv"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="secondary small"
            aria-label={t.charts.downloadAs(title, t.charts[kind])}
            onClick={() => void save(kind)}
          >
            {t.charts[kind]}
          </button>
        ))}
      </div>
    </figure>
  );
}
