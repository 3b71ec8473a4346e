// One rule for its readers (analysts, auditors): its condition in words in the officer's language, the
// JSON one click away, its versions, and its statistics with the fairness report.
import { t } from "../i18n";
import { call } from "../lib/api";
import { dateTime } from "../lib/format";
import type { Condition } from "../lib/rules";
import { ruleInWords } from "../lib/ruleWords";
import { useApi } from "../lib/useApi";
import { RuleStatsView } from "./RuleStats";
import { Async } from "./State";

export function RuleDetail({ id }: { id: string }) {
  const rule = useApi(
    async (signal) => (await call("get", "/api/v1/rules/{id}", { params: { id } }, { signal })).data,
    [id],
  );
  const stats = useApi(
    async (signal) => (await call("get", "/api/v1/rules/{id}/stats", { params: { id } }, { signal })).data,
    [id],
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
              {r.versions.map((v) => (
                <li key={v.version}>
                  {t.rules.colVersion} {v.version} · {dateTime(v.createdAt)}
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
