// What is left of a record once its retention has run out: what statistics and the fairness report need
// (nationality, sex, decisions and dates, which stay in their columns), never names, document numbers,
// birth dates or free text. Pure.
import type { Manifest, Traveller } from "../travel/index.js";

export const DEPERSONALISED = "depersonalised";

export function traveller(t: Partial<Traveller>) {
  return {
    ...(t.nationality ? { nationality: t.nationality } : {}),
    ...(t.gender ? { gender: t.gender } : {}),
  };
}

export function crossingData(data: string): string {
  const d = JSON.parse(data) as { traveller?: Partial<Traveller> };
  return JSON.stringify({ [DEPERSONALISED]: true, traveller: traveller(d.traveller ?? {}) });
}

/** The manifest's conveyance stays (it is no person's data); each person keeps a role and a decision. */
export function manifestData(data: string): string {
  const d = JSON.parse(data) as {
    manifest: Manifest;
    outcomes: { index: number; decision: string; reference: string }[];
  };
  const m = d.manifest;
  return JSON.stringify({
    [DEPERSONALISED]: true,
    manifest: {
      kind: m.kind,
      ...(m.carrier ? { carrier: m.carrier } : {}),
      ...(m.number ? { number: m.number } : {}),
      legs: m.legs,
      listType: m.listType,
      warnings: [],
      persons: m.persons.map((p) => ({
        surname: "",
        givenNames: "",
        role: p.role,
        documents: [],
        ...traveller(p),
      })),
    },
    outcomes: d.outcomes.map((o) => ({ index: o.index, decision: o.decision, reference: o.reference })),
  });
}

/** An alert keeps the programmes and counts of what opened it, not the matched names or documents. */
export function alertReasons(reasons: string): string {
  const r = JSON.parse(reasons) as { programmes?: string[]; ruleHits?: unknown[] };
  return JSON.stringify({
    [DEPERSONALISED]: true,
    matches: [],
    documentHits: [],
    ruleHits: r.ruleHits ?? [],
    requestedActions: [],
    programmes: r.programmes ?? [],
    previouslyCleared: [],
  });
}

export function protectionPerson(person: string): string {
  const p = JSON.parse(person) as Partial<Traveller>;
  return JSON.stringify({
    [DEPERSONALISED]: true,
    surname: "",
    givenNames: "",
    role: "passenger",
    documents: [],
    ...traveller(p),
  });
}
