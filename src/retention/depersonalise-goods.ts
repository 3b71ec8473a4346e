// What is left of a goods check once its retention has run out: what statistics need (the kind of goods,
// sums by currency and kind, decisions and dates, which stay in their columns), never a person's name,
// document, birth date, address or free text, nor the links that lead back to a person: a vehicle's plate
// and VIN and its occupants' crossings, a firearm's serial and marking text, a ship's master. Pure.
import { DEPERSONALISED } from "./depersonalise.js";

type Json = Record<string, unknown>;
const read = (data: string) => JSON.parse(data) as Json;
const countOf = (x: unknown) => (Array.isArray(x) ? x.length : 0);

function pick(o: unknown, keys: readonly string[]): Json {
  const src = (o ?? {}) as Json;
  return Object.fromEntries(keys.filter((k) => src[k] != null && src[k] !== "").map((k) => [k, src[k]]));
}

/** Make, model and colour stay; the plate and VIN (they name the keeper) and the occupants' links go. */
export function vehicleData(data: string): string {
  const d = read(data);
  const declared = (d.declared ?? {}) as { plate?: { country?: string } | null };
  return JSON.stringify({
    [DEPERSONALISED]: true,
    declared: {
      ...pick(declared, ["make", "model", "colour"]),
      plateCountry: declared.plate?.country ?? null,
    },
    hits: countOf(d.hits),
    occupants: countOf(d.occupants),
  });
}

/** The kind of firearm stays; its serial and marking texts go with the hits that repeat them. */
export function firearmData(data: string): string {
  const d = read(data);
  const declared = (d.declared ?? {}) as Json & { markings?: Json };
  return JSON.stringify({
    [DEPERSONALISED]: true,
    declared: {
      ...pick(declared, ["make", "model", "calibre", "type"]),
      markings: pick(declared.markings, ["countryOfManufacture", "yearOfManufacture", "serialCondition"]),
    },
    hits: countOf(d.hits),
  });
}

/** The carrier and owner keep a nationality (statistics); origin, use and notes are free text and go. */
export function cashData(data: string): string {
  const d = read(data);
  return JSON.stringify({
    [DEPERSONALISED]: true,
    carrier: pick(d.carrier, ["nationality"]),
    owner: d.owner ? pick(d.owner, ["nationality"]) : null,
    thresholdEur: d.thresholdEur ?? null,
  });
}

/** A craft is no person; the ship's master on a FAL Form 1 is, and goes. */
export function craftData(data: string): string {
  const d = read(data) as Json & { declaration?: Json };
  if (!d.declaration) return JSON.stringify({ [DEPERSONALISED]: true, ...d });
  const { master: _master, ...declaration } = d.declaration;
  return JSON.stringify({ [DEPERSONALISED]: true, ...d, declaration });
}

/** A goods alert keeps its kinds of reason and priorities, not the described subject or the evidence. */
export function goodsAlert(reasons: string): { traveller: string; reasons: string } {
  const r = JSON.parse(reasons) as { subjectHits?: { kind: string; priority: string }[] };
  return {
    traveller: JSON.stringify({ [DEPERSONALISED]: true }),
    reasons: JSON.stringify({
      [DEPERSONALISED]: true,
      matches: [],
      documentHits: [],
      ruleHits: [],
      requestedActions: [],
      programmes: [],
      previouslyCleared: [],
      subjectHits: (r.subjectHits ?? []).map((h) => ({
        kind: h.kind,
        priority: h.priority,
        requestedAction: "",
        evidence: {},
      })),
    }),
  };
}
