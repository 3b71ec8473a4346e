// Screening a cargo manifest, in memory and without I/O: the vessel against the craft lists, each party
// against the entity lists with the organisation matcher, each container by ISO 6346, each HS code in the
// nomenclature, then the goods facts through the goods rules. Nothing here decides anything adverse:
// a consignment with hits is referred, and a person reviews the alert (src/alerts/open-subject.ts).
import type { SubjectHit } from "../alerts/index.js";
import { evaluateGoodsRules, type GoodsFacts, type GoodsRule } from "../rules/index.js";
import type { Screener } from "../screening/index.js";
import { type CraftHit, type CraftIndex, checkMmsi, isValidImo } from "../vessels/index.js";
import { type ContainerCheck, checkContainer } from "./container.js";
import type { HsLookup, HsNomenclature } from "./hs.js";
import { contradictedChapters, SENSITIVE_CHAPTERS } from "./indicators.js";
import type { CargoManifest, Consignment, Party } from "./model.js";

export interface CargoConfig {
  precursorCodes: readonly string[];
  dualUseCodes: readonly string[];
  /** UN/LOCODEs (or names as declared) of ports whose transshipment the agency wants to see. */
  transshipmentPorts: readonly string[];
  rules: readonly GoodsRule[];
}

export interface CargoScreeners {
  /** The entity lists (organisations and persons) for parties. */
  parties: Screener;
  craft: CraftIndex;
  hs: HsNomenclature;
}

export interface PartyHit {
  party: Party;
  entityId: string;
  list: string;
  listedName: string;
  score: number;
}

export interface ConsignmentOutcome {
  index: number;
  reference: string;
  source: string;
  decision: "refer" | "clear";
  /** The goods rules that fired, by id. */
  flags: string[];
  parties: Party[];
  partyHits: PartyHit[];
  containers: ContainerCheck[];
  goods: { hsCode?: string; description: string; hs: HsLookup["found"]; hsDescription?: string }[];
  facts: GoodsFacts;
  hits: SubjectHit[];
}

export interface VesselOutcome {
  declared: NonNullable<CargoManifest["vessel"]>;
  hits: CraftHit[];
  problems: string[];
}

export interface CargoScreening {
  vessel?: VesselOutcome;
  consignments: ConsignmentOutcome[];
}

export function screenCargo(
  m: CargoManifest,
  s: CargoScreeners,
  config: CargoConfig,
  today: string,
): CargoScreening {
  const vessel = m.vessel ? screenVessel(m.vessel, s) : undefined;
  const carrierHits = m.carrier ? screenParty({ role: "carrier", name: m.carrier }, s.parties) : [];
  const consignments = m.consignments.map((c, i) =>
    screenConsignment(c, i, { s, config, today, vesselListed: (vessel?.hits.length ?? 0) > 0, carrierHits }),
  );
  return { ...(vessel ? { vessel } : {}), consignments };
}

function screenVessel(declared: NonNullable<CargoManifest["vessel"]>, s: CargoScreeners): VesselOutcome {
  const problems: string[] = [];
  if (declared.imo && !isValidImo(declared.imo))
    problems.push(`IMO number ${declared.imo} fails its check digit`);
  const mmsi = declared.mmsi ? checkMmsi(declared.mmsi) : undefined;
  if (mmsi && !mmsi.valid) problems.push(mmsi.reason);
  return { declared, hits: s.craft.screenVessel(declared), problems };
}

function screenParty(party: Party, screener: Screener): PartyHit[] {
  const query = party.country
    ? { name: party.name, schema: "organization" as const, nationalities: [party.country] }
    : { name: party.name, schema: "organization" as const };
  return screener
    .screen(query)
    .matches.filter((m) => m.decision === "refer")
    .slice(0, 3)
    .map((m) => ({
      party,
      entityId: m.entityId,
      list: m.list,
      listedName: m.explanation.matchedName,
      score: m.score,
    }));
}

interface Context {
  s: CargoScreeners;
  config: CargoConfig;
  today: string;
  vesselListed: boolean;
  carrierHits: PartyHit[];
}

function screenConsignment(c: Consignment, index: number, ctx: Context): ConsignmentOutcome {
  const { s, config } = ctx;
  const partyHits = [...c.parties.flatMap((p) => screenParty(p, s.parties)), ...ctx.carrierHits];
  const containers = c.containers.map(checkContainer);
  const lookups = c.goods.map((g) => (g.hsCode ? s.hs.lookup(g.hsCode) : undefined));
  const codes = c.goods.flatMap((g) => (g.hsCode ? [g.hsCode] : []));
  const onList = (list: readonly string[]) => codes.some((code) => list.some((l) => code.startsWith(l)));
  const contradictions = c.goods.flatMap((g) => contradictedChapters(g.description, g.hsCode));
  const chapters = [...new Set(codes.map((code) => code.slice(0, 2)))];
  const transshipment = c.transshipment.filter((p) => config.transshipmentPorts.includes(p.toUpperCase()));
  const facts: GoodsFacts = {
    "goods.hsChapters": chapters,
    "goods.sensitiveChapter": chapters.some((ch) => ch in SENSITIVE_CHAPTERS),
    "goods.precursor": onList(config.precursorCodes),
    "goods.dualUse": onList(config.dualUseCodes),
    "goods.descriptionContradictsCode": contradictions.length > 0,
    "goods.unknownHsCode": lookups.some((l) => l?.found === "none"),
    "container.invalidCount": containers.filter((x) => !x.valid).length,
    "route.transshipment": c.transshipment,
    "route.configuredTransshipment": transshipment.length > 0,
    "party.listed": partyHits.length > 0,
    "vessel.listed": ctx.vesselListed,
  };
  const fired = evaluateGoodsRules(config.rules, facts, ctx.today);
  const goods = c.goods.map((g, i) => {
    const l = lookups[i];
    return {
      description: g.description,
      hs: l?.found ?? ("none" as const),
      ...(g.hsCode ? { hsCode: g.hsCode } : {}),
      ...(l?.entry ? { hsDescription: l.entry.description } : {}),
    };
  });
  const hits = [
    ...partyHits.map(partyHit),
    ...fired.map((r) => ruleHit(r, { containers, goods, transshipment, contradictions })),
  ];
  return {
    index,
    reference: c.reference,
    source: c.source,
    decision: hits.length > 0 ? "refer" : "clear",
    flags: fired.map((r) => r.id),
    parties: c.parties,
    partyHits,
    containers,
    goods,
    facts,
    hits,
  };
}

function partyHit(h: PartyHit): SubjectHit {
  return {
    kind: "listed_party",
    priority: "high",
    list: h.list,
    entityId: h.entityId,
    score: h.score,
    requestedAction: `check the ${h.party.role} against the listed entity before release`,
    evidence: { role: h.party.role, declared: h.party.name, listed: h.listedName },
  };
}

function ruleHit(
  r: GoodsRule,
  e: {
    containers: ContainerCheck[];
    goods: ConsignmentOutcome["goods"];
    transshipment: string[];
    contradictions: string[];
  },
): SubjectHit {
  // The evidence the reviewer compares side by side: the container number and its fault, the HS code
  // beside the description and the nomenclature's text.
  const evidence: Record<string, unknown> = { rule: r.name };
  if (r.id === "container-invalid") evidence.containers = e.containers.filter((c) => !c.valid);
  else if (r.id === "route-configured-transshipment") evidence.transshipment = e.transshipment;
  else evidence.goods = e.goods;
  if (r.id === "goods-description-contradicts-code") evidence.chaptersNamed = e.contradictions;
  return { kind: `rule:${r.id}`, priority: r.priority, requestedAction: r.justification, evidence };
}
