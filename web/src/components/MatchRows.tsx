// The rows of a person's alert side by side: the traveller's fields beside the listed entity's, each with
// the feature the engine compared it as, then what the list says of the entity beyond them.
import type { ReactNode } from "react";
import { t } from "../i18n";
import type { Entity, Match, Traveller } from "../lib/alerts";
import { birthDateText, type FeatureContribution, featureOf } from "../lib/explain";
import { fullName } from "../lib/format";
import { Name } from "./Name";

export interface MatchRow {
  key: string;
  label: string;
  traveller: ReactNode;
  listed: ReactNode;
  /** The comparison of a compared feature; absent where nothing was compared. */
  compared?: { outcome?: FeatureContribution["outcome"] };
  /** What only the list says: the listed value spans the outcome's column. */
  listedOnly?: boolean;
}

/** The traveller's fields beside the entity's, each with the feature the engine compared it as. */
function comparedRows(tr: Traveller, entity: Entity | undefined) {
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
function listedRows(entity: Entity | undefined): MatchRow[] {
  const only = (key: string, label: string, listed: ReactNode): MatchRow => ({
    key,
    label,
    traveller: null,
    listed,
    listedOnly: true,
  });
  const rows = [only("programmes", t.detail.programmes, entity?.programmes.join(", ") || "—")];
  if (entity?.listedOn) rows.push(only("listedOn", t.detail.listedOn, entity.listedOn));
  if (entity && entity.aliases.length > 0)
    rows.push(
      only(
        "aliases",
        t.detail.aliases,
        entity.aliases.map((al, i) => (
          <span key={`${al.name}-${al.quality}`}>
            {i > 0 && "; "}
            <Name>{al.name}</Name>
          </span>
        )),
      ),
    );
  return rows;
}

export function matchRows(tr: Traveller, match: Match, entity: Entity | undefined): MatchRow[] {
  const f = match.explanation.features;
  const name: MatchRow = {
    key: "name",
    label: t.detail.name,
    traveller: (
      <Name className="big" testId="traveller-name">
        {fullName(tr)}
      </Name>
    ),
    listed: (
      <Name className="big" testId="entity-name">
        {entity?.name ?? match.name}
      </Name>
    ),
    compared: { outcome: featureOf(f, "name")?.outcome },
  };
  const compared = comparedRows(tr, entity).map(
    ({ feature, ...r }): MatchRow =>
      feature ? { ...r, compared: { outcome: featureOf(f, feature)?.outcome } } : r,
  );
  return [name, ...compared, ...listedRows(entity)];
}
