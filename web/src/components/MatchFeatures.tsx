// How the engine compared a traveller with a listed entity: the name alignment, then each feature's
// detail, its effect on the score and its outcome.
import { t } from "../i18n";
import type { Match } from "../lib/alerts";
import type { FeatureContribution } from "../lib/explain";
import { score } from "../lib/format";
import { Alignment } from "./Alignment";
import { type Column, DataTable } from "./DataTable";
import { Light } from "./Light";

// Built at render: the headers are in the language chosen since the module loaded.
const columns = (): Column<FeatureContribution>[] => [
  {
    key: "feature",
    header: t.detail.colFeature,
    rowHeader: true,
    cell: (x) => t.detail.feature[x.feature] ?? x.feature,
  },
  { key: "detail", header: t.detail.colDetail, cell: (x) => x.detail, cellProps: () => ({ dir: "auto" }) },
  {
    key: "contribution",
    header: t.detail.colContribution,
    className: "num",
    // A signed number keeps its sign in front in a right-to-left row too.
    cell: (x) => (
      <bdi dir="ltr">
        {x.contribution > 0 ? "+" : ""}
        {score(x.contribution)}
      </bdi>
    ),
  },
  { key: "outcome", header: t.detail.colOutcome, cell: (x) => <Light outcome={x.outcome} /> },
];

export function MatchFeatures({ match }: { match: Match }) {
  return (
    <div className="card">
      <Alignment
        queryName={match.explanation.queryName}
        matchedName={match.explanation.matchedName}
        matchedNameKind={match.explanation.matchedNameKind}
        alignment={match.explanation.alignment}
      />
      <DataTable
        caption={t.detail.comparisons}
        showCaption
        className="features"
        columns={columns()}
        rows={match.explanation.features}
        rowKey={(x) => x.feature}
        rowClassName={(x) => `row-light-${x.outcome}`}
      />
    </div>
  );
}
