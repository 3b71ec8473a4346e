// A rule's statistics and fairness report (src/rules/fairness.ts): the counts, a bar per group shown, what
// is withheld so that no small group can be worked out, and the exact test's warnings.
import { t } from "../i18n";
import type { GroupStat, RuleStats } from "../lib/rules";
import { type Bar, BarChart } from "./BarChart";

function fairnessBars(groups: readonly GroupStat[]): { bars: Bar[]; suppressed: number } {
  const bars: Bar[] = [];
  let suppressed = 0;
  for (const g of groups) {
    if ("suppressed" in g) {
      suppressed += g.population;
      continue;
    }
    if (g.hitRate === null) continue;
    const rate = `${(g.hitRate * 100).toFixed(1)}%`;
    bars.push({
      label: g.group,
      value: g.hitRate,
      text: g.disparity === null ? rate : `${rate} · ${t.rules.disparity(g.disparity.toFixed(2))}`,
      tone: g.warn ? "warn" : "default",
    });
  }
  return { bars, suppressed };
}

export function RuleStatsView({ stats: s }: { stats: RuleStats }) {
  const nat = fairnessBars(s.byNationality);
  const sex = fairnessBars(s.bySex);
  return (
    <>
      <dl className="facts" data-testid="rule-stats">
        <div>
          <dt>{t.rules.population}</dt>
          <dd>{s.population}</dd>
        </div>
        <div>
          <dt>{t.rules.hits}</dt>
          <dd>{s.hits ?? "—"}</dd>
        </div>
        <div>
          <dt>{t.rules.alerts}</dt>
          <dd>{s.alerts}</dd>
        </div>
        <div>
          <dt>{t.rules.confirmed}</dt>
          <dd>{s.confirmed}</dd>
        </div>
        <div>
          <dt>{t.rules.falsePositives}</dt>
          <dd>{s.falsePositives}</dd>
        </div>
      </dl>
      {nat.bars.length === 0 && sex.bars.length === 0 && <p>{t.rules.noStats}</p>}
      {nat.bars.length > 0 && <BarChart title={t.rules.fairness} bars={nat.bars} />}
      {sex.bars.length > 0 && <BarChart title={t.rules.fairnessSex} bars={sex.bars} />}
      {nat.suppressed > 0 && <p className="muted">{t.rules.suppressed(nat.suppressed)}</p>}
      {s.hits === null && <p className="muted">{t.rules.hitsWithheld}</p>}
      {s.notes.map((n) => (
        <p key={n} className="muted" data-testid="fairness-note" dir="auto">
          {n}
        </p>
      ))}
      {s.overallHitRate !== null && (s.hits ?? 0) > 0 && (
        <p className="muted">{t.rules.overallRate((s.overallHitRate * 100).toFixed(1))}</p>
      )}
      {s.warnings.length > 0 && (
        <div className="warnings" role="note" data-testid="fairness-warnings">
          <h4>{t.rules.warnings}</h4>
          <ul>
            {s.warnings.map((w) => (
              <li key={w} dir="auto">
                {w}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
