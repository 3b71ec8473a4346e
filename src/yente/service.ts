// The yente-compatible API bound to one database, the live screening index and a clock.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import type { ScreeningService } from "../screenings/index.js";
import { algorithms, catalog } from "./catalog.js";
import { readEntity } from "./entity.js";
import type { FtmExample } from "./ftm.js";
import { type MatchOptions, matchExamples } from "./match.js";
import { manifest, type ReconcileQuery, reconcile } from "./reconcile.js";
import {
  extend,
  preview,
  proposeProperties,
  suggestEntity,
  suggestProperty,
  suggestType,
} from "./reconcile-extend.js";
import { type SearchInput, searchDataset } from "./search.js";

export function createYenteService(
  db: Db,
  screenings: Pick<ScreeningService, "screener">,
  opts: { now?: () => Date } = {},
) {
  const now = opts.now ?? (() => new Date());
  return {
    match: (p: Principal, dataset: string, queries: Record<string, FtmExample>, o: MatchOptions) =>
      matchExamples(db, screenings.screener, p, dataset, queries, o, now()),
    search: (p: Principal, dataset: string, input: SearchInput) =>
      searchDataset(db, screenings.screener, p, dataset, input, now()),
    entity: (p: Principal, id: string, purpose?: string) => readEntity(db, p, id, purpose, now()),
    catalog: () => catalog(db),
    algorithms,
    reconcile: {
      manifest,
      queries: (p: Principal, dataset: string, queries: Record<string, ReconcileQuery>, purpose?: string) =>
        reconcile(db, screenings.screener, p, dataset, queries, purpose, now()),
      extend: (p: Principal, input: { ids: string[]; properties: { id: string }[] }, purpose?: string) =>
        extend(db, p, input, purpose, now()),
      proposeProperties,
      suggestEntity: (p: Principal, dataset: string, prefix: string, purpose?: string) =>
        suggestEntity(db, p, dataset, prefix, purpose, now()),
      suggestProperty,
      suggestType,
      preview: (p: Principal, id: string, purpose?: string) => preview(db, p, id, purpose, now()),
    },
  };
}

export type YenteService = ReturnType<typeof createYenteService>;
