// A person's alert: the traveller beside the listed entity, feature by feature, with each feature's light.
import { t } from "../i18n";
import type { AlertDetailView, Entity, Match, Traveller } from "../lib/alerts";
import { score } from "../lib/format";
import { type Column, DataTable } from "./DataTable";
import { Light } from "./Light";
import { MatchFeatures } from "./MatchFeatures";
import { type MatchRow, matchRows } from "./MatchRows";

function columns(match: Match): Column<MatchRow>[] {
  return [
    {
      key: "feature",
      header: t.detail.colFeature,
      headerContent: <span className="visually-hidden">{t.detail.colFeature}</span>,
      rowHeader: true,
      cell: (r) => r.label,
    },
    { key: "traveller", header: t.detail.traveller, cell: (r) => r.traveller },
    {
      key: "entity",
      header: t.detail.entity,
      headerContent: (
        <>
          {t.detail.entity}
          <span className="muted">
            {" "}
            · {match.list} {match.sourceRef} · {t.detail.score} {score(match.score)}
          </span>
        </>
      ),
      cell: (r) => r.listed,
      colSpan: (r) => (r.listedOnly ? 2 : undefined),
    },
    {
      key: "outcome",
      header: t.detail.colOutcome,
      cell: (r) => (r.compared ? <Light outcome={r.compared.outcome} /> : null),
    },
  ];
}

export function MatchView({
  alert: a,
  match,
  entity,
}: {
  alert: AlertDetailView;
  match: Match;
  entity?: Entity;
}) {
  // Matches against listed persons are only ever on a person's alert.
  const rows = matchRows(a.traveller as Traveller, match, entity);
  return (
    <>
      <DataTable
        caption={`${t.detail.traveller} / ${t.detail.entity}`}
        className="compare"
        columns={columns(match)}
        rows={rows}
        rowKey={(r) => r.key}
        // The name's row keeps no colour: its light is the match itself.
        rowClassName={(r) =>
          r.key !== "name" && r.compared?.outcome ? `row-light-${r.compared.outcome}` : undefined
        }
      />
      <MatchFeatures match={match} />
    </>
  );
}
