// yente's search, by POST (and by GET only where a deployment allows a name in the URL): a free-text name
// screened by the Limes engine against a dataset, recorded as a screening like /match. The results are
// entities without scores, as yente's search returns them.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import type { Screener } from "../screening/index.js";
import type { FtmEntity } from "./ftm.js";
import { MAX_MATCH_LIMIT, matchExamples } from "./match.js";

export interface SearchInput {
  q: string;
  schema?: string;
  limit?: number;
  purpose?: string;
}

export interface SearchResponse {
  limit: number;
  offset: number;
  total: { value: number; relation: string };
  results: FtmEntity[];
  facets: Record<string, never>;
}

export async function searchDataset(
  db: Db,
  screener: Screener,
  p: Principal,
  dataset: string,
  input: SearchInput,
  now: Date,
): Promise<SearchResponse> {
  const limit = input.limit ?? MAX_MATCH_LIMIT;
  const r = await matchExamples(
    db,
    screener,
    p,
    dataset,
    { q: { schema: input.schema ?? "Person", properties: { name: [input.q] } } },
    { limit, ...(input.purpose ? { purpose: input.purpose } : {}) },
    now,
  );
  const found = r.responses.q!;
  const results = found.results.map(
    ({ score: _s, match: _m, features: _f, explanation: _e, ...entity }) => entity,
  );
  return { limit, offset: 0, total: found.total, results, facets: {} };
}
