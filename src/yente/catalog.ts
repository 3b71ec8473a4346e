// yente's datasets are the Limes watchlists: each live list is a dataset, and `default` is the collection
// of all of them. The one algorithm is the Limes engine, with its features documented.
import type { Db } from "../db/index.js";
import { NotFoundError } from "../shared/errors.js";
import { listWatchlists } from "../watchlists/index.js";

/** The collection of every live list, as yente names its default collection. */
export const DEFAULT_DATASET = "default";
export const ALGORITHM = "limes";

export interface Dataset {
  name: string;
  title: string;
  summary?: string;
  load: boolean;
  version: string;
  index_version?: string;
  index_current: boolean;
  children: string[];
}

export interface Catalog {
  datasets: Dataset[];
  current: string[];
  outdated: string[];
  index_stale: boolean;
}

export async function catalog(db: Db): Promise<Catalog> {
  const lists = (await listWatchlists(db)).filter((l) => l.live);
  const datasets: Dataset[] = lists.map((l) => ({
    name: l.id,
    title: l.name,
    summary: `${l.format} list, version ${l.live!.version} (${l.live!.counts.entities} entities)`,
    load: true,
    version: String(l.live!.version),
    index_version: String(l.live!.version),
    index_current: true,
    children: [],
  }));
  const newest =
    lists
      .map((l) => l.live!.importedAt)
      .sort()
      .at(-1) ?? "";
  datasets.push({
    name: DEFAULT_DATASET,
    title: "All live Limes watchlists",
    load: true,
    version: newest,
    index_current: true,
    children: lists.map((l) => l.id),
  });
  return { datasets, current: datasets.map((d) => d.name), outdated: [], index_stale: false };
}

/** The lists a dataset name stands for; an unknown name is a 404, as in yente. */
export async function datasetLists(db: Db, dataset: string): Promise<Set<string>> {
  const live = (await listWatchlists(db)).filter((l) => l.live).map((l) => l.id);
  if (dataset === DEFAULT_DATASET) return new Set(live);
  if (!live.includes(dataset)) throw new NotFoundError(`dataset ${dataset} not found`, { dataset });
  return new Set([dataset]);
}

/** Where the features are described: the README section of this API (no public site is assumed). */
const DOCS = "README.md#yente-compatible-matching-api";

/** yente's FeatureDocs for the numbers in each result's `features`. */
export const FEATURE_DOCS: Record<string, { description: string; coefficient: number; url: string }> = {
  name_similarity: {
    description: "similarity of the best-aligned names across scripts (0..1), before the other features",
    coefficient: 1,
    url: DOCS,
  },
  birthDate: { description: "signed change to the score from the birth dates", coefficient: 1, url: DOCS },
  nationality: { description: "signed change from the nationalities", coefficient: 1, url: DOCS },
  gender: { description: "signed change from the gender", coefficient: 1, url: DOCS },
  document: { description: "signed change from identity document numbers", coefficient: 1, url: DOCS },
  schema: { description: "signed change from the kind of entity", coefficient: 1, url: DOCS },
};

export function algorithms() {
  return {
    algorithms: [
      {
        name: ALGORITHM,
        description:
          "The Limes engine: names aligned token by token across scripts (transliteration, phonetics), " +
          "then birth date, nationality, gender and documents. `match` is its refer decision, for a person to review.",
        features: FEATURE_DOCS,
      },
    ],
    default: ALGORITHM,
    best: ALGORITHM,
  };
}
