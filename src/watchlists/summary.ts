// Counts that show at a glance what an import produced, so a reviewer can check it against the source.
import { detectScript } from "../shared/script.js";
import type { Entity, Schema, Script } from "./model.js";

export interface WatchlistSummary {
  entities: number;
  bySchema: Partial<Record<Schema, number>>;
  /** Entities per programme; an entity under two programmes counts in both. */
  byProgramme: Record<string, number>;
  aliases: { strong: number; weak: number };
  /** Primary names and aliases by the script they are written in. */
  namesByScript: Partial<Record<Script, number>>;
  /** Aliases the source marks as the name in the person's own script, by script. */
  originalScript: { total: number; byScript: Partial<Record<Script, number>> };
  documents: { total: number; byType: Record<string, number> };
  /** Birth-date values by precision; `approximate` counts values of any precision marked approximate. */
  birthDates: {
    year: number;
    yearMonth: number;
    fullDate: number;
    range: number;
    approximate: number;
    entitiesWithout: number;
  };
  /** Nationality values mapped to a code, and those kept as text. */
  nationalities: { mapped: number; unmapped: number };
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function summarise(entities: readonly Entity[]): WatchlistSummary {
  const s: WatchlistSummary = {
    entities: entities.length,
    bySchema: {},
    byProgramme: {},
    aliases: { strong: 0, weak: 0 },
    namesByScript: {},
    originalScript: { total: 0, byScript: {} },
    documents: { total: 0, byType: {} },
    birthDates: { year: 0, yearMonth: 0, fullDate: 0, range: 0, approximate: 0, entitiesWithout: 0 },
    nationalities: { mapped: 0, unmapped: 0 },
  };
  for (const e of entities) {
    bump(s.bySchema, e.schema);
    for (const p of e.programmes) bump(s.byProgramme, p);
    bump(s.namesByScript, detectScript(e.name));
    for (const a of e.aliases) {
      s.aliases[a.quality]++;
      const script = a.script ?? detectScript(a.name);
      bump(s.namesByScript, script);
      if (a.originalScript) {
        s.originalScript.total++;
        bump(s.originalScript.byScript, script);
      }
    }
    s.documents.total += e.documents.length;
    for (const d of e.documents) bump(s.documents.byType, d.type);
    if (e.birthDates.length === 0) s.birthDates.entitiesWithout++;
    for (const b of e.birthDates) {
      if (b.approximate) s.birthDates.approximate++;
      if (b.kind === "range") s.birthDates.range++;
      else if (b.date.length === 4) s.birthDates.year++;
      else if (b.date.length === 7) s.birthDates.yearMonth++;
      else s.birthDates.fullDate++;
    }
    s.nationalities.mapped += e.nationalities.length;
    s.nationalities.unmapped += e.nationalitiesText?.length ?? 0;
  }
  return s;
}
