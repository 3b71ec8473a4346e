// The Kysely queries of risk rules: versioned rule rows, and the aggregates their statistics need. Rows
// of rule_hits and screened_travellers are written by the alerts capability; rules only read them.
import { type Kysely, sql, type Transaction } from "kysely";
import { type Database, keysetPage, type Page, type PageRequest } from "../db/index.js";
import type { Cell } from "./fairness.js";
import { POPULATION_COLUMNS } from "./population.js";

type Q = Kysely<Database> | Transaction<Database>;
export type RuleRow = Database["rules"];

/** Every version of the agency's rules (or of one rule), newest version first. */
export function versionsOf(q: Q, agency: string, id?: string): Promise<RuleRow[]> {
  let s = q.selectFrom("rules").selectAll().where("agency", "=", agency);
  if (id) s = s.where("id", "=", id);
  return s.orderBy("id").orderBy("version", "desc").execute();
}

/** A page of the agency's rules, the newest version of each, by id. */
export function latestVersionsPage(q: Q, agency: string, page: PageRequest): Promise<Page<RuleRow>> {
  const query = q
    .selectFrom("rules as r")
    .selectAll()
    .where("r.agency", "=", agency)
    .where((eb) =>
      eb(
        "r.version",
        "=",
        eb
          .selectFrom("rules as newer")
          .select((n) => n.fn.max("newer.version").as("v"))
          .whereRef("newer.agency", "=", "r.agency")
          .whereRef("newer.id", "=", "r.id"),
      ),
    );
  return keysetPage(query, [{ expr: "r.id" }], (r) => [r.id], page);
}

export async function insertRule(q: Q, row: RuleRow): Promise<void> {
  await q.insertInto("rules").values(row).execute();
}

/** How often each identity was screened by the agency since `since`. */
export async function tripCounts(
  q: Q,
  agency: string,
  keys: readonly string[],
  since: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(keys)];
  // In chunks: a ship's manifest would pass SQLite's limit of bound parameters.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await q
      .selectFrom("screened_travellers")
      .select(["identity_key", sql<number>`count(*)`.as("n")])
      .where("agency", "=", agency)
      .where("identity_key", "in", unique.slice(i, i + 500))
      .where("created_at", ">=", since)
      .groupBy("identity_key")
      .execute();
    for (const r of rows) out.set(r.identity_key, Number(r.n));
  }
  return out;
}

/**
 * The agency's population screened since `since`, per nationality and sex, with how many of them the rule
 * (any version) hit. Aggregated in SQL: the population runs to millions of rows.
 */
export async function hitCells(q: Q, agency: string, ruleId: string, since: string): Promise<Cell[]> {
  const rows = await q
    .selectFrom("screened_travellers as st")
    .leftJoin("rule_hits as rh", (j) =>
      j
        .onRef("rh.screening_id", "=", "st.screening_id")
        .onRef("rh.person_index", "=", "st.person_index")
        .on("rh.rule_id", "=", ruleId),
    )
    .select([
      "st.nationality",
      "st.sex",
      sql<number>`count(*)`.as("population"),
      sql<number>`count(rh.rule_id)`.as("hits"),
    ])
    .where("st.agency", "=", agency)
    .where("st.created_at", ">=", since)
    .groupBy(["st.nationality", "st.sex"])
    .execute();
  return rows.map((r) => ({
    nationality: r.nationality,
    sex: r.sex,
    population: Number(r.population),
    hits: Number(r.hits),
  }));
}

/** Alerts the rule's hits opened, and the outcome of each that has one. */
export async function alertOutcomes(
  q: Q,
  agency: string,
  ruleId: string,
): Promise<{ alerts: number; outcomes: Map<string, string> }> {
  const counted = await q
    .selectFrom("rule_hits")
    .select(sql<number>`count(distinct alert_id)`.as("alerts"))
    .where("rule_id", "=", ruleId)
    .where("agency", "=", agency)
    .executeTakeFirstOrThrow();
  // An alert's outcome is its last recorded decision other than closing it: ascending, the last one wins.
  // An approved decision took effect when the second officer approved it.
  const decisions = await q
    .selectFrom("rule_hits as rh")
    .innerJoin("alert_decisions as d", "d.alert_id", "rh.alert_id")
    .select(["rh.alert_id", "d.outcome"])
    .where("rh.rule_id", "=", ruleId)
    .where("rh.agency", "=", agency)
    .where("d.status", "=", "recorded")
    .where("d.outcome", "!=", "closed")
    .orderBy(sql`coalesce(d.approved_at, d.at)`)
    .orderBy("d.id")
    .execute();
  return {
    alerts: Number(counted.alerts),
    outcomes: new Map(decisions.map((d) => [d.alert_id as string, d.outcome])),
  };
}

/** How many travellers the agency screened since `since`. */
export async function screenedSince(q: Q, agency: string, since: string): Promise<number> {
  const r = await q
    .selectFrom("screened_travellers")
    .select(sql<number>`count(*)`.as("n"))
    .where("agency", "=", agency)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The depersonalised facts of the agency's most recent screened travellers since `since`, at most `limit`. */
export function recentTravellers(q: Q, agency: string, since: string, limit: number) {
  return q
    .selectFrom("screened_travellers")
    .select([...POPULATION_COLUMNS])
    .where("agency", "=", agency)
    .where("created_at", ">=", since)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
