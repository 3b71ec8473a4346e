// A person's alert: the traveller beside the listed entity, feature by feature, with each feature's light.
import { t } from "../i18n";
import type { AlertDetailView, Entity, Match, Traveller } from "../lib/alerts";
import { birthDateText, featureOf } from "../lib/explain";
import { fullName, score } from "../lib/format";
import { Light } from "./Light";
import { MatchFeatures } from "./MatchFeatures";
import { Name } from "./Name";

export function MatchView({
  alert: a,
  match,
  entity,
}: {
  alert: AlertDetailView;
  match: Match;
  entity?: Entity;
}) {
  const f = match.explanation.features;
  // Matches against listed persons are only ever on a person's alert.
  const tr = a.traveller as Traveller;
  const rows = compareRows(tr, entity);
  return (
    <>
      <table className="data compare" aria-label={`${t.detail.traveller} / ${t.detail.entity}`}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t.detail.colFeature}</span>
            </th>
            <th scope="col">{t.detail.traveller}</th>
            <th scope="col">
              {t.detail.entity}
              <span className="muted">
                {" "}
                · {match.list} {match.sourceRef} · {t.detail.score} {score(match.score)}
              </span>
            </th>
            <th scope="col">{t.detail.colOutcome}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.detail.name}</th>
            <td>
              <Name className="big" testId="traveller-name">
                {fullName(tr)}
              </Name>
            </td>
            <td>
              <Name className="big" testId="entity-name">
                {entity?.name ?? match.name}
              </Name>
            </td>
            <td>
              <Light outcome={featureOf(f, "name")?.outcome} />
            </td>
          </tr>
          {rows.map((r) => {
            const feat = r.feature ? featureOf(f, r.feature) : undefined;
            return (
              <tr key={r.key} className={feat ? `row-light-${feat.outcome}` : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.traveller}</td>
                <td>{r.listed}</td>
                <td>{r.feature ? <Light outcome={feat?.outcome} /> : null}</td>
              </tr>
            );
          })}
          <ListedRows entity={entity} />
        </tbody>
      </table>
      <MatchFeatures match={match} />
    </>
  );
}

interface CompareRow {
  key: string;
  label: string;
  traveller: string;
  listed: string;
  feature?: string;
}

/** The traveller's fields beside the entity's, each with the feature the engine compared it as. */
function compareRows(tr: Traveller, entity: Entity | undefined): CompareRow[] {
  return [
    {
      key: "birthDate",
      label: t.detail.birthDate,
      traveller: tr.birthDate ?? "—",
      listed: entity?.birthDates.map(birthDateText).join("; ") || "—",
      feature: "birthDate",
    },
    {
      key: "nationality",
      label: t.detail.nationality,
      traveller: tr.nationality ?? "—",
      listed: [...(entity?.nationalities ?? []), ...(entity?.nationalitiesText ?? [])].join(", ") || "—",
      feature: "nationality",
    },
    {
      key: "document",
      label: t.detail.documents,
      traveller:
        tr.documents.map((d) => [d.number, d.issuingCountry].filter(Boolean).join(" ")).join("; ") || "—",
      listed:
        entity?.documents
          .map((d) => `${d.type} ${d.number} ${d.country ?? d.countryText ?? ""}`.trim())
          .join("; ") || "—",
      feature: "document",
    },
    {
      key: "gender",
      label: t.detail.gender,
      traveller: tr.gender ? (t.values.gender[tr.gender] ?? tr.gender) : "—",
      listed: entity?.gender ? (t.values.gender[entity.gender] ?? entity.gender) : "—",
      feature: "gender",
    },
    {
      key: "placeOfBirth",
      label: t.detail.placeOfBirth,
      traveller: tr.placeOfBirth ?? "—",
      listed: entity?.placesOfBirth.join("; ") || "—",
    },
  ];
}

/** What the list says of the entity beyond the compared features: programmes, listing date, aliases. */
function ListedRows({ entity }: { entity: Entity | undefined }) {
  return (
    <>
      <tr>
        <th scope="row">{t.detail.programmes}</th>
        <td />
        <td colSpan={2}>{entity?.programmes.join(", ") || "—"}</td>
      </tr>
      {entity?.listedOn && (
        <tr>
          <th scope="row">{t.detail.listedOn}</th>
          <td />
          <td colSpan={2}>{entity.listedOn}</td>
        </tr>
      )}
      {entity && entity.aliases.length > 0 && (
        <tr>
          <th scope="row">{t.detail.aliases}</th>
          <td />
          <td colSpan={2}>
            {entity.aliases.map((al, i) => (
              <span key={`${al.name}-${al.quality}`}>
                {i > 0 && "; "}
                <Name>{al.name}</Name>
              </span>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}
