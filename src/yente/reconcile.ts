// The W3C Entity Reconciliation API, version 0.2, over the same engine as /match: the service manifest and
// batches of reconciliation queries. A reconciliation query is turned into an FtM example (the cell's
// text as the name, the chosen columns as FtM properties) and screened by `matchExamples`, so it is
// recorded and audited as a screening. `match` is the engine's refer decision, for a person to review.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import type { Screener } from "../screening/index.js";
import { InvalidError } from "../shared/errors.js";
import { DEFAULT_DATASET } from "./catalog.js";
import { QUERY_SCHEMAS } from "./ftm.js";
import { MAX_MATCH_BATCH, MAX_MATCH_LIMIT, matchExamples } from "./match.js";

export interface ReconcileQuery {
  query: string;
  type?: string;
  limit?: number;
  properties?: { pid: string; v: string | number | (string | number)[] }[];
  type_strict?: string;
}

export interface ReconcileCandidate {
  id: string;
  name: string;
  type: { id: string; name: string }[];
  score: number;
  match: boolean;
  description?: string;
  features: { id: string; value: number }[];
}

/** The FtM types offered, each a schema the engine screens. */
export const RECONCILE_TYPES = ["Person", "Organization", "Vessel", "Airplane"] as const;

/** The manifest: where each service lives, relative to this server's own address (`base`). */
export function manifest(base: string, dataset: string) {
  const root = `/api/yente/reconcile/${dataset}`;
  return {
    versions: ["0.2"],
    name: dataset === DEFAULT_DATASET ? "Limes watchlists" : `Limes watchlist ${dataset}`,
    identifierSpace: `${base}/api/yente/entities/`,
    schemaSpace: "https://followthemoney.tech/explorer/schemata/",
    documentation: `${base}/api/docs`,
    serviceVersion: "0.1.0",
    view: { url: `${base}/api/yente/entities/{{id}}` },
    preview: { url: `${base}${root}/preview?id={{id}}`, width: 430, height: 300 },
    defaultTypes: RECONCILE_TYPES.map((t) => ({ id: t, name: t })),
    suggest: {
      entity: { service_url: base, service_path: `${root}/suggest/entity` },
      property: { service_url: base, service_path: `${root}/suggest/property` },
      type: { service_url: base, service_path: `${root}/suggest/type` },
    },
    extend: {
      propose_properties: { service_url: base, service_path: `${root}/extend/propose` },
      property_settings: [],
    },
    // The tool sends its API key in the Authorization header (`ApiKey …`); nothing personal goes in a URL.
    authentication: { type: "apiKey", name: "Authorization", in: "header" },
  };
}

function example(q: ReconcileQuery) {
  const schema = q.type ?? "Person";
  if (!QUERY_SCHEMAS[schema])
    throw new InvalidError(`type: "${schema}" is not one of ${RECONCILE_TYPES.join(", ")}`);
  const properties: Record<string, string[]> = { name: [q.query] };
  for (const { pid, v } of q.properties ?? []) {
    const values = (Array.isArray(v) ? v : [v]).map(String).filter((x) => x.trim() !== "");
    if (values.length > 0) properties[pid] = [...(properties[pid] ?? []), ...values];
  }
  return { schema, properties };
}

export async function reconcile(
  db: Db,
  screener: Screener,
  p: Principal,
  dataset: string,
  queries: Record<string, ReconcileQuery>,
  given: string | undefined,
  now: Date,
): Promise<Record<string, { result: ReconcileCandidate[] }>> {
  const keys = Object.keys(queries);
  if (keys.length > MAX_MATCH_BATCH)
    throw new InvalidError(`queries: at most ${MAX_MATCH_BATCH} per request`);
  const examples = Object.fromEntries(keys.map((k) => [k, example(queries[k]!)]));
  const r = await matchExamples(
    db,
    screener,
    p,
    dataset,
    examples,
    { limit: MAX_MATCH_LIMIT, ...(given ? { purpose: given } : {}) },
    now,
  );
  return Object.fromEntries(
    keys.map((k) => {
      const limit = Math.min(Math.max(queries[k]!.limit ?? MAX_MATCH_LIMIT, 1), MAX_MATCH_LIMIT);
      const result = r.responses[k]!.results.slice(0, limit).map((m) => ({
        id: m.id,
        name: m.caption,
        type: [{ id: m.schema, name: m.schema }],
        score: m.score,
        match: m.match,
        description: [m.datasets[0], m.properties.birthDate?.[0], m.properties.nationality?.join(", ")]
          .filter(Boolean)
          .join(" · "),
        features: Object.entries(m.features).map(([id, value]) => ({ id, value })),
      }));
      return [k, { result }];
    }),
  );
}
