// One indicator of the regional bundles, side by side: a chart per origin node, a bar per border section
// (withheld figures shown as such, never as zero), and the breakdown by category where there is one.
import { t } from "../../i18n";
import type { Reply, Schemas } from "../../lib/api";
import { type Bar, BarChart } from "../BarChart";

type Bundle = Schemas["RegionalBundle"];
export type Imported = Reply<"/api/v1/regional/bundles", "get">["bundles"][number];

const bar = (label: string, value: number | null): Bar =>
  value === null ? { label, value: 0, text: t.partners.withheld, tone: "muted" } : { label, value };

function categories(b: Bundle, indicator: string): Bar[] {
  const sums = new Map<string, number | null>();
  for (const s of b.sections) {
    const f = s.indicators[indicator as keyof typeof s.indicators];
    for (const [c, n] of Object.entries(f.byCategory)) {
      const had = sums.has(c) ? sums.get(c)! : 0;
      sums.set(c, had === null || n === null ? null : had + n);
    }
  }
  return [...sums].filter(([, n]) => n !== 0).map(([c, n]) => bar(c.replaceAll("_", " "), n));
}

export function RegionalIndicator({
  indicator,
  bundles,
}: {
  indicator: string;
  bundles: readonly Imported[];
}) {
  const title = t.partners.indicators[indicator] ?? indicator;
  return (
    <section className="regional-indicator" aria-label={title}>
      <h3>{title}</h3>
      <div className="side-by-side">
        {bundles.map((b) => {
          const sections = b.bundle.sections.map((s) =>
            bar(s.section, s.indicators[indicator as keyof typeof s.indicators].total),
          );
          // A breakdown with every figure withheld says nothing: it is left out.
          const byCategory = categories(b.bundle, indicator);
          const shown = byCategory.some((c) => c.tone !== "muted");
          return (
            <div key={b.id} className="regional-origin" data-origin={b.origin}>
              <BarChart title={t.partners.origin(b.origin, b.keyId)} bars={sections} />
              {shown && <BarChart title={`${b.origin} · ${title}`} bars={byCategory} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
