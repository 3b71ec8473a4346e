// POST /match/{dataset}: yente's query-by-example, answered by the Limes engine and recorded as one
// screening (request, results, audit entry) in one transaction, like any screening. `match` is the
// engine's refer decision: a person then reviews it, nothing adverse follows from it automatically.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import type { Match, Screener } from "../screening/index.js";
import { type PreparedScreening, recordScreening } from "../screenings/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { type Entity, getEntities } from "../watchlists/index.js";
import { datasetLists } from "./catalog.js";
import {
  entityToFtm,
  exampleToQuery,
  type FtmEntity,
  type FtmExample,
  featuresOf,
  normaliseExample,
} from "./ftm.js";

/** yente's default batch limit: a spreadsheet of names goes in a few requests. */
export const MAX_MATCH_BATCH = 100;
/** The engine returns at most ten matches per query. */
export const MAX_MATCH_LIMIT = 10;

export interface MatchOptions {
  limit: number;
  includeDatasets?: string[];
  excludeDatasets?: string[];
  excludeSchemas?: string[];
  excludeEntityIds?: string[];
  /** Why these persons are screened; an API key states it once for its client. */
  purpose?: string;
}

export interface ScoredFtmEntity extends FtmEntity {
  score: number;
  match: boolean;
  features: Record<string, number>;
  /** Limes's own explanation of the score (a field yente clients ignore). */
  explanation: Match["explanation"];
}

export interface MatchResponse {
  responses: Record<
    string,
    {
      status: number;
      results: ScoredFtmEntity[];
      total: { value: number; relation: string };
      query: FtmExample;
    }
  >;
  limit: number;
  /** The screening this batch was recorded as. */
  screeningId: string;
}

/** The purpose a yente-style call is processed for: the key's, or one given by a signed-in caller. */
export function purposeOf(p: Principal, given?: string): string {
  const purpose = (p.client?.purpose ?? given ?? "").trim();
  if (purpose.length < 3) throw new InvalidError("purpose: required for processing personal data");
  return purpose;
}

function keep(m: Match, lists: ReadonlySet<string>, entity: Entity | undefined, o: MatchOptions): boolean {
  if (!lists.has(m.list) || !entity) return false;
  if (o.includeDatasets?.length && !o.includeDatasets.includes(m.list)) return false;
  if (o.excludeDatasets?.includes(m.list)) return false;
  if (o.excludeEntityIds?.includes(m.entityId)) return false;
  const ftm = entityToFtm(entity);
  return !o.excludeSchemas?.includes(ftm.schema);
}

export async function matchExamples(
  db: Db,
  screener: Screener,
  p: Principal,
  dataset: string,
  examples: Record<string, FtmExample>,
  o: MatchOptions,
  now: Date,
): Promise<MatchResponse> {
  // Presumption of innocence: list details only for roles that review them (not the booth's key).
  if (!can(p, "screening:read_details")) throw new ForbiddenError("this role sees no list details");
  const keys = Object.keys(examples);
  if (keys.length === 0) throw new InvalidError("queries: no queries provided");
  if (keys.length > MAX_MATCH_BATCH)
    throw new InvalidError(`queries: at most ${MAX_MATCH_BATCH} per request`);
  if (!(o.limit >= 1 && o.limit <= MAX_MATCH_LIMIT)) throw new InvalidError(`limit: 1 to ${MAX_MATCH_LIMIT}`);
  const purpose = purposeOf(p, o.purpose);
  const lists = await datasetLists(db, dataset);
  const persons = keys.map((k) => {
    try {
      return exampleToQuery(examples[k]!);
    } catch (err) {
      if (err instanceof InvalidError) throw new InvalidError(`queries.${k}: ${err.message}`, { query: k });
      throw err;
    }
  });
  const matches = screener.screenBatch(persons).map((r) => r.matches);
  const entities = await getEntities(
    db,
    matches.flatMap((ms) => ms.map((m) => m.entityId)),
  );
  const prepared: PreparedScreening = {
    id: randomUUID(),
    createdAt: now.toISOString(),
    request: { persons, purpose },
    matches,
    decisions: matches.map((ms) => (ms.some((m) => m.decision === "refer") ? "refer" : "clear")),
  };
  await db.kysely.transaction().execute((trx) => recordScreening(trx, p, prepared, now));
  const responses: MatchResponse["responses"] = {};
  keys.forEach((k, i) => {
    const kept = matches[i]!.filter((m) => keep(m, lists, entities.get(m.entityId), o));
    responses[k] = {
      status: 200,
      results: kept.slice(0, o.limit).map((m) => ({
        ...entityToFtm(entities.get(m.entityId)!),
        score: m.score,
        match: m.decision === "refer",
        features: featuresOf(m),
        explanation: m.explanation,
      })),
      total: { value: kept.length, relation: "eq" },
      query: normaliseExample(examples[k]!),
    };
  });
  return { responses, limit: o.limit, screeningId: prepared.id };
}
