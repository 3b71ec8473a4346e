// One rule for its readers (analysts, auditors): its condition in words in the officer's language, the
// JSON one click away, its versions, and its statistics with the fairness report.
import { t } from "../i18n";
import { api } from "../lib/api";
import { dateTime } from "../lib/format";
import type { Condition, RuleStats, RuleView } from "../lib/rules";
import { ruleInWords } from "../lib/ruleWords";
import { useApi } from "../lib/useApi";
import { RuleStatsView } from "./RuleStats";
import { Async } from "./State";

export function RuleDetail({ id }: { id: string }) {
  const path = `/rules/${encodeURIComponent(id)}`;
  const rule = useApi(
    async (signal) =>
      (await api<RuleView & { versions?: RuleView[] }>("GET", path, undefined, { signal })).data,
    [path],
  );
  const stats = useApi(
    async (signal) => (await api<RuleStats>("GET", `${path}/stats`, undefined, { signal })).data,
    [path],
  );
  return (
    <div className="card">
      <Async resource={rule} errorTitle={t.rules.failed}>
        {(r) => (
          <>
            <h2>{r.name}</h2>
            <p dir="auto">{r.justification}</p>
            <h3>{t.ruleWords.inWords}</h3>
            <p className="condition-words" data-testid="rule-words">
              {ruleInWords(r.condition as Condition)}
            </p>
            <details className="condition-json">
              <summary>{t.ruleWords.json}</summary>
              <pre className="mono condition">{JSON.stringify(r.condition, null, 2)}</pre>
            </details>
            <h3>{t.rules.versions}</h3>
            <ol data-testid="rule-versions">
              {(r.versions ?? [r]).map((v) => (
                <li key={v.version}>
                  {t.rules.colVersion} {v.version}
                  {v.createdAt ? ` · ${dateTime(v.createdAt)}` : ""}
                  {v.owner ? ` · ${v.owner}` : ""}
                </li>
              ))}
            </ol>
          </>
        )}
      </Async>
      <h3>{t.rules.stats}</h3>
      <Async resource={stats} errorTitle={t.rules.statsFailed}>
        {(s) => <RuleStatsView stats={s} />}
      </Async>
    </div>
  );
}
