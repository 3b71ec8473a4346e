// Screening vessels and aircraft against every list that holds them: OFAC SDN (identifiers parsed from
// its remarks into documents) and FtM `Vessel`/`Airplane` (imoNumber, mmsi, registrationNumber,
// serialNumber). Identifiers are looked up exactly, after normalising their written form; the name is
// screened with the same engine as persons, restricted to the craft's schema, and counts only as weak.
// An aircraft's declared operator is screened as an organisation name against the listed organisations
// (OFAC lists the operators it names in aircraft remarks, e.g. MAHAN AIR, as entities of their own).
import { createScreener, type Screener } from "../screening/index.js";
import type { Entity } from "../watchlists/index.js";
import { isValidImo, normaliseImo } from "./imo.js";
import { checkMmsi } from "./mmsi.js";
import type {
  AircraftDeclared,
  CraftBasis,
  CraftHit,
  ListDataIssue,
  Strength,
  VesselDeclared,
} from "./model.js";

/** Which listed document types carry which identifier. Matched on the type text as the importers write it. */
const IDENTIFIER_TYPES: [RegExp, CraftBasis][] = [
  [/^(Vessel Registration Identification|IMO Number)$/i, "imo"],
  [/^MMSI$/i, "mmsi"],
  [/Call Sign/i, "call_sign"],
  [/Tail Number|^Registration Number$/i, "registration"],
  [/Serial|MSN|Construction Number/i, "serial"],
];

/** A nationality prefix of one or two characters, a dash or not, then up to five letters or digits. */
const REGISTRATION_MARK = /^[A-Z0-9]{1,2}-?[A-Z0-9]{1,5}$/;

const STRENGTH: Record<CraftBasis, Strength> = {
  imo: "conclusive",
  mmsi: "conclusive",
  registration: "conclusive",
  serial: "conclusive",
  call_sign: "strong",
  operator: "strong",
  name: "weak",
};

/** The written form of an identifier reduced to what identifies: case, blanks, dashes and `IMO` dropped. */
export function identifierKey(basis: CraftBasis, value: string): string {
  const v = basis === "imo" ? normaliseImo(value) : value;
  return v.toUpperCase().replace(/[\s\-./]/g, "");
}

interface Listed {
  entity: Entity;
  value: string;
  dataIssue?: string;
}

export interface CraftIndex {
  readonly vessels: number;
  readonly aircraft: number;
  /** Listed identifiers that fail their own format, kept searchable. */
  readonly dataIssues: readonly ListDataIssue[];
  screenVessel(v: VesselDeclared): CraftHit[];
  screenAircraft(a: AircraftDeclared): CraftHit[];
}

function formatIssue(basis: CraftBasis, value: string): string | undefined {
  if (basis === "imo" && !isValidImo(value))
    return `IMO number "${value}" is not 7 digits with a valid check digit`;
  if (basis === "mmsi") {
    const c = checkMmsi(value);
    if (!c.valid) return c.reason;
  }
  return undefined;
}

function indexIdentifiers(entities: readonly Entity[]) {
  const byKey = new Map<string, Listed[]>();
  const dataIssues: ListDataIssue[] = [];
  for (const entity of entities) {
    for (const doc of entity.documents) {
      const basis = IDENTIFIER_TYPES.find(([re]) => re.test(doc.type))?.[1];
      if (!basis) continue;
      const key = `${basis}:${identifierKey(basis, doc.number)}`;
      const dataIssue = formatIssue(basis, doc.number);
      if (dataIssue) {
        const { id, list, name } = entity;
        dataIssues.push({ entityId: id, list, name, field: doc.type, value: doc.number, reason: dataIssue });
      }
      const listed: Listed = dataIssue
        ? { entity, value: doc.number, dataIssue }
        : { entity, value: doc.number };
      byKey.set(key, [...(byKey.get(key) ?? []), listed]);
    }
    // OFAC names an aircraft by its registration mark (`EP-GOM`), often with no tail-number remark.
    if (entity.schema === "aircraft") {
      for (const name of [entity.name, ...entity.aliases.map((a) => a.name)]) {
        if (!REGISTRATION_MARK.test(name)) continue;
        const key = `registration:${identifierKey("registration", name)}`;
        byKey.set(key, [...(byKey.get(key) ?? []), { entity, value: name }]);
      }
    }
  }
  return { byKey, dataIssues };
}

/** Builds the index once per list version; screening is then in memory. */
export function createCraftIndex(entities: readonly Entity[]): CraftIndex {
  const vessels = entities.filter((e) => e.schema === "vessel");
  const aircraft = entities.filter((e) => e.schema === "aircraft");
  // Company rows also carry IMO numbers (owners' company numbers), so every row is indexed by identifier.
  const { byKey, dataIssues } = indexIdentifiers(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const named = (screener: Screener, name: string, schema: "vessel" | "aircraft", flag?: string) =>
    byName(screener, name, schema, flag).flatMap((m) => {
      const e = byId.get(m.entityId);
      return e ? [hitOf(e, "name", m.score, name, m.listed)] : [];
    });
  const vesselNames = createScreener(vessels, { limit: 5 });
  const aircraftNames = createScreener(aircraft, { limit: 5 });
  // Built on first use: only aircraft checks with an operator need every organisation indexed.
  let operators: Screener | undefined;
  const operatorHits = (operator: string) => {
    operators ??= createScreener(
      entities.filter((e) => e.schema === "organization"),
      { limit: 5 },
    );
    return operators
      .screen({ name: operator, schema: "organization" })
      .matches.filter((m) => m.decision === "refer")
      .flatMap((m) => {
        const e = byId.get(m.entityId);
        return e ? [hitOf(e, "operator", m.score, operator, m.explanation.matchedName)] : [];
      });
  };

  const exact = (basis: CraftBasis, declared: string | undefined): CraftHit[] => {
    if (!declared?.trim()) return [];
    const found = byKey.get(`${basis}:${identifierKey(basis, declared)}`) ?? [];
    return found.map((l) => hitOf(l.entity, basis, 1, declared, l.value, l.dataIssue));
  };

  return {
    vessels: vessels.length,
    aircraft: aircraft.length,
    dataIssues,
    screenVessel(v) {
      const hits = [...exact("imo", v.imo), ...exact("mmsi", v.mmsi), ...exact("call_sign", v.callSign)];
      if (v.name) hits.push(...named(vesselNames, v.name, "vessel", v.flag));
      return strongestPerEntity(hits);
    },
    screenAircraft(a) {
      const hits = [...exact("registration", a.registration), ...exact("serial", a.serial)];
      // An aircraft's OFAC name is its registration mark: screen the mark as a name too, for typos.
      if (a.registration) hits.push(...named(aircraftNames, a.registration, "aircraft"));
      if (a.operator?.trim()) hits.push(...operatorHits(a.operator));
      return strongestPerEntity(hits);
    },
  };
}

function hitOf(
  e: Entity,
  basis: CraftBasis,
  score: number,
  declared: string,
  listed: string,
  dataIssue?: string,
) {
  const hit: CraftHit = {
    entityId: e.id,
    list: e.list,
    listedName: e.name,
    basis,
    strength: STRENGTH[basis],
    score,
    declared,
    listed,
    programmes: e.programmes,
  };
  if (dataIssue) hit.dataIssue = dataIssue;
  return hit;
}

/** Name matches the engine would refer, with the listed name that aligned. */
function byName(screener: Screener, name: string, schema: "vessel" | "aircraft", flag?: string) {
  const query = flag ? { name, schema, nationalities: [flag] } : { name, schema };
  return screener
    .screen(query)
    .matches.filter((m) => m.decision === "refer")
    .map((m) => ({ entityId: m.entityId, score: m.score, listed: m.explanation.matchedName }));
}

const RANK: Record<Strength, number> = { conclusive: 3, strong: 2, weak: 1 };

/** One hit per listed craft, the strongest; conclusive identifiers first, then by score. */
function strongestPerEntity(hits: CraftHit[]): CraftHit[] {
  const best = new Map<string, CraftHit>();
  for (const h of hits) {
    const prev = best.get(h.entityId);
    if (
      !prev ||
      RANK[h.strength] > RANK[prev.strength] ||
      (prev.strength === h.strength && h.score > prev.score)
    ) {
      best.set(h.entityId, h);
    }
  }
  return [...best.values()].sort((a, b) => RANK[b.strength] - RANK[a.strength] || b.score - a.score);
}
