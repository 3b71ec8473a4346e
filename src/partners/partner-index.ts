// The screening index partners are answered from: only the live versions of lists whose sharing is
// `partners`. Rebuilt when a shared list gets a new live version or its sharing changes, which one small
// query notices on every request; so a list set back to national-only stops answering at once.
import type { Db } from "../db/index.js";
import { createScreener, normaliseDocumentNumber, type Screener } from "../screening/index.js";
import { countryCode } from "../shared/countries.js";
import { type Entity, loadLatestEntities } from "../watchlists/index.js";
import { sharedListVersions } from "./store.js";

/** What partners are answered from: names through the screener, documents by their exact number. */
export interface SharedIndex {
  screener: Screener;
  /** The entities holding a document: its number (normalised) and issuing country must both agree. */
  documentHolders(number: string, country?: string): { entityId: string; list: string }[];
}

function buildIndex(entities: Entity[]): SharedIndex {
  const documents = new Map<string, { entityId: string; list: string; country?: string }[]>();
  for (const e of entities)
    for (const d of e.documents) {
      const key = normaliseDocumentNumber(d.number);
      const holders = documents.get(key) ?? [];
      holders.push({ entityId: e.id, list: e.list, ...(d.country ? { country: d.country } : {}) });
      documents.set(key, holders);
    }
  return {
    screener: createScreener(entities),
    documentHolders(number, country) {
      const c = country ? (countryCode(country) ?? country) : undefined;
      return (documents.get(normaliseDocumentNumber(number)) ?? [])
        .filter((h) => !c || !h.country || h.country === c)
        .map(({ entityId, list }) => ({ entityId, list }));
    },
  };
}

async function stateOf(db: Db): Promise<{ key: string; shared: Set<string> }> {
  const rows = await sharedListVersions(db.kysely);
  return {
    key: rows.map((r) => `${r.id}@${r.live ?? "-"}`).join(","),
    shared: new Set(rows.map((r) => r.id)),
  };
}

export function createPartnerIndex(db: Db) {
  let built: { key: string; index: SharedIndex } | undefined;
  let building: Promise<{ key: string; index: SharedIndex }> | undefined;
  return {
    /** The index of the lists shared with partners now. */
    async current(): Promise<SharedIndex> {
      const state = await stateOf(db);
      if (built?.key === state.key) return built.index;
      // One rebuild at a time; requests arriving meanwhile wait for it.
      building ??= (async () => {
        const entities = state.shared.size
          ? (await loadLatestEntities(db)).filter((e) => state.shared.has(e.list))
          : [];
        return { key: state.key, index: buildIndex(entities) };
      })().finally(() => {
        building = undefined;
      });
      built = await building;
      return built.index;
    },
  };
}

export type PartnerIndex = ReturnType<typeof createPartnerIndex>;
