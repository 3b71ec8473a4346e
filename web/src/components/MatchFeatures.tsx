// How the engine compared a traveller with a listed entity: the name alignment, then each feature's
// detail, its effect on the score and its outcome.
import { t } from "../i18n";
import type { Match } from "../lib/alerts";
import { score } from "../lib/format";
import { Alignment } from "./Alignment";
import { Light } from "./Light";

export function MatchFeatures({ match }: { match: Match }) {
  const f = match.explanation.features;
  return (
    <div className="card">
      <Alignment
        queryName={match.explanation.queryName}
        matchedName={match.explanation.matchedName}
        matchedNameKind={match.explanation.matchedNameKind}
        alignment={match.explanation.alignment}
      />
      <table className="data features">
        <caption>{t.detail.comparisons}</caption>
        <thead>
          <tr>
            <th scope="col">{t.detail.colFeature}</th>
            <th scope="col">{t.detail.colDetail}</th>
            <th scope="col">{t.detail.colContribution}</th>
            <th scope="col">{t.detail.colOutcome}</th>
          </tr>
        </thead>
        <tbody>
          {f.map((x) => (
            <tr key={x.feature} className={`row-light-${x.outcome}`}>
              <th scope="row">{t.detail.feature[x.feature] ?? x.feature}</th>
              <td dir="auto">{x.detail}</td>
              <td className="num">
                {/* A signed number keeps its sign in front in a right-to-left row too. */}
                <bdi dir="ltr">
                  {x.contribution > 0 ? "+" : ""}
                  {score(x.contribution)}
                </bdi>
              </td>
              <td>
                <Light outcome={x.outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
