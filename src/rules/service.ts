// Risk rules as use cases: analysts write them through the prohibited-grounds guard, every edit is a new
// version, expired rules stop firing, and analysts and auditors read each rule's statistics and fairness
// report. Rules are scoped to the author's agency.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { identityKey, type Leg, type Traveller } from "../travel/index.js";
import { evaluateRules, type RuleHit } from "./evaluate.js";
import { factsFor } from "./facts.js";
import { fairnessReport } from "./fairness.js";
import { checkRule, DEFAULT_PROXY_FIELDS, type GuardResult } from "./guard.js";
import type { Condition, Rule } from "./model.js";

/** What an author writes; id and version are the service's. */
export type RuleInput = Omit<Rule, "id" | "version">;

type RuleRow = Database["rules"];

function toRule(r: RuleRow): Rule {
  return {
    id: r.id,
    version: Number(r.version),
    name: r.name,
    owner: r.owner,
    justification: r.justification,
    evidence: r.evidence,
    reviewDate: r.review_date,
    priority: r.priority,
    action: r.action,
    condition: JSON.parse(r.condition) as Condition,
  };
}

function today(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function createRuleService(
  db: Db,
  opts: { now?: () => Date; proxyFields?: Record<string, string> } = {},
) {
  const now = opts.now ?? (() => new Date());
  const proxies = opts.proxyFields ?? DEFAULT_PROXY_FIELDS;

  function need(p: Principal, ...perms: ("rules:author" | "rules:stats")[]) {
    if (!perms.some((x) => can(p, x)))
      throw new ForbiddenError(`permission ${perms.map((x) => `"${x}"`).join(" or ")} required`);
  }

  function check(input: RuleInput): GuardResult {
    const result = checkRule({ ...input, id: "new", version: 0 }, proxies);
    if (result.ok && input.reviewDate <= today(now()))
      return { ok: false, reasons: ["the review date must be in the future"] };
    return result;
  }

  /** Every version of the agency's rules, newest first. */
  async function versionsOf(agency: string, id?: string): Promise<RuleRow[]> {
    let q = db.kysely.selectFrom("rules").selectAll().where("agency", "=", agency);
    if (id) q = q.where("id", "=", id);
    return q.orderBy("id").orderBy("version", "desc").execute();
  }

  function latest(rows: RuleRow[]): RuleRow[] {
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }

  /** The rules that fire today: the newest version of each, unless its review date has passed. */
  async function active(agency: string, day: string = today(now())): Promise<Rule[]> {
    return latest(await versionsOf(agency))
      .filter((r) => r.review_date >= day)
      .map(toRule);
  }

  async function save(p: Principal, id: string, version: number, input: RuleInput, action: string) {
    const verdict = check(input);
    if (!verdict.ok) {
      // A refused rule is on the record too: oversight can see what was attempted.
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: p,
          action: "rule.rejected",
          objectType: "rule",
          objectId: id,
          outcome: "denied",
          details: { name: input.name, reasons: verdict.reasons },
        }),
      );
      throw new InvalidError(`rule rejected: ${verdict.reasons[0]}`, { reasons: verdict.reasons });
    }
    const row: RuleRow = {
      id,
      version,
      agency: p.agency,
      name: input.name,
      owner: input.owner,
      justification: input.justification,
      evidence: input.evidence,
      review_date: input.reviewDate,
      priority: input.priority,
      action: input.action,
      condition: JSON.stringify(input.condition),
      created_by: p.username,
      created_at: now().toISOString(),
    };
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto("rules").values(row).execute();
      await appendAudit(trx, {
        actor: p,
        action,
        objectType: "rule",
        objectId: id,
        outcome: "success",
        details: { version, name: input.name },
      });
    });
    return toRule(row);
  }

  return {
    /** The guard's verdict without saving: for the author's immediate feedback. */
    check(p: Principal, input: RuleInput): GuardResult {
      need(p, "rules:author");
      return check(input);
    },

    async create(p: Principal, input: RuleInput): Promise<Rule> {
      need(p, "rules:author");
      return save(p, randomUUID(), 1, input, "rule.create");
    },

    /** An edit never overwrites: it is the next version, and the old one stays for the record. */
    async update(p: Principal, id: string, input: RuleInput): Promise<Rule> {
      need(p, "rules:author");
      const [current] = await versionsOf(p.agency, id);
      if (!current) throw new NotFoundError(`rule ${id} not found`);
      return save(p, id, Number(current.version) + 1, input, "rule.update");
    },

    async list(p: Principal) {
      need(p, "rules:author", "rules:stats");
      const day = today(now());
      return {
        rules: latest(await versionsOf(p.agency)).map((r) => ({
          ...toRule(r),
          expired: r.review_date < day,
          updatedAt: r.created_at,
          updatedBy: r.created_by,
        })),
      };
    },

    async get(p: Principal, id: string) {
      need(p, "rules:author", "rules:stats");
      const rows = await versionsOf(p.agency, id);
      if (rows.length === 0) throw new NotFoundError(`rule ${id} not found`);
      return {
        rule: { ...toRule(rows[0]!), expired: rows[0]!.review_date < today(now()) },
        versions: rows.map((r) => ({ ...toRule(r), createdAt: r.created_at, createdBy: r.created_by })),
      };
    },

    active,

    /**
     * Runs the agency's active rules on screened travellers, after watchlist screening: `refers` says who
     * on the same manifest was referred (co-traveller facts), and earlier crossings of the same identity
     * give the travel pattern. Each person's hits, in input order.
     */
    async run(
      agency: string,
      travellers: readonly Traveller[],
      trip: { legs?: readonly Leg[]; refers: readonly boolean[] },
    ): Promise<RuleHit[][]> {
      const at = now();
      const day = today(at);
      const rules = await active(agency, day);
      if (rules.length === 0) return travellers.map(() => []);
      const keys = travellers.map(identityKey);
      const since = new Date(at.getTime() - 90 * 86_400_000).toISOString();
      const trips = new Map<string, number>();
      const uniqueKeys = [...new Set(keys)];
      for (let i = 0; i < uniqueKeys.length; i += 500) {
        const rows = await db.kysely
          .selectFrom("screened_travellers")
          .select(["identity_key", sql<number>`count(*)`.as("n")])
          .where("agency", "=", agency)
          .where("identity_key", "in", uniqueKeys.slice(i, i + 500))
          .where("created_at", ">=", since)
          .groupBy("identity_key")
          .execute();
        for (const r of rows) trips.set(r.identity_key, Number(r.n));
      }
      const referred = trip.refers.filter(Boolean).length;
      const onManifest = travellers.length > 1;
      return travellers.map((t, i) =>
        evaluateRules(
          rules,
          factsFor(
            t,
            {
              ...(trip.legs ? { legs: trip.legs } : {}),
              tripsLast90Days: trips.get(keys[i]!) ?? 0,
              ...(onManifest ? { watchlistedCoTravellers: referred - (trip.refers[i] ? 1 : 0) } : {}),
            },
            day,
          ),
          day,
        ),
      );
    },

    /** Hits, alerts and their outcomes, and the fairness report over the population screened since. */
    async stats(p: Principal, id: string) {
      need(p, "rules:stats");
      const rows = await versionsOf(p.agency, id);
      const first = rows.at(-1);
      if (!first) throw new NotFoundError(`rule ${id} not found`);
      const cells = await db.kysely
        .selectFrom("screened_travellers as st")
        .leftJoin("rule_hits as rh", (j) =>
          j
            .onRef("rh.screening_id", "=", "st.screening_id")
            .onRef("rh.person_index", "=", "st.person_index")
            .on("rh.rule_id", "=", id),
        )
        .select([
          "st.nationality",
          "st.sex",
          sql<number>`count(*)`.as("population"),
          sql<number>`count(rh.rule_id)`.as("hits"),
        ])
        .where("st.agency", "=", p.agency)
        .where("st.created_at", ">=", first.created_at)
        .groupBy(["st.nationality", "st.sex"])
        .execute();
      // An alert's outcome is its last recorded decision other than closing it.
      const outcomes = await db.kysely
        .selectFrom("rule_hits as rh")
        .innerJoin("alert_decisions as d", "d.alert_id", "rh.alert_id")
        .select(["rh.alert_id", "d.outcome", "d.at"])
        .where("rh.rule_id", "=", id)
        .where("rh.agency", "=", p.agency)
        .where("d.status", "=", "recorded")
        .where("d.outcome", "!=", "closed")
        .orderBy("d.at")
        .execute();
      const last = new Map(outcomes.map((o) => [o.alert_id, o.outcome]));
      const counts = await db.kysely
        .selectFrom("rule_hits")
        .select([sql<number>`count(*)`.as("hits"), sql<number>`count(distinct alert_id)`.as("alerts")])
        .where("rule_id", "=", id)
        .where("agency", "=", p.agency)
        .executeTakeFirstOrThrow();
      const report = fairnessReport(
        cells.map((c) => ({
          nationality: c.nationality,
          sex: c.sex,
          population: Number(c.population),
          hits: Number(c.hits),
        })),
      );
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: p,
          action: "rule.stats",
          objectType: "rule",
          objectId: id,
          outcome: "success",
        }),
      );
      // The report's own hit count is over the population screened since; all hits are counted above.
      const { hits: _populationHits, ...fairness } = report;
      return {
        ruleId: id,
        version: Number(rows[0]!.version),
        since: first.created_at,
        hits: Number(counts.hits),
        alerts: Number(counts.alerts),
        confirmed: [...last.values()].filter((o) => o === "confirmed").length,
        falsePositives: [...last.values()].filter((o) => o === "cleared_false_positive").length,
        ...fairness,
      };
    },
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
