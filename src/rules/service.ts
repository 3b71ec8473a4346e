// Risk rules as use cases: analysts write them through the prohibited-grounds guard, every edit is a new
// version, expired rules stop firing, and analysts and auditors read each rule's statistics and fairness
// report. Rules are scoped to the author's agency.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { type Db, isUniqueViolation, type PageRequest, type ScreenedTravellerFacts } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { identityKey, type Leg, type Traveller } from "../travel/index.js";
import { evaluateRules, type RuleHit } from "./evaluate.js";
import { factsFor } from "./facts.js";
import { fairnessReport } from "./fairness.js";
import { checkRule, DEFAULT_PROXY_FIELDS, type GuardResult, type Population } from "./guard.js";
import type { Condition, Rule } from "./model.js";
import { depersonalise, factsOfRow, syntheticPopulation } from "./population.js";
import {
  alertOutcomes,
  hitCells,
  insertRule,
  latestVersionsPage,
  type RuleRow,
  recentTravellers,
  screenedSince,
  tripCounts,
  versionsOf,
} from "./store.js";

/** The agency's own population is used for the data check from this many travellers in 90 days. */
export const MIN_OWN_POPULATION = 1000;
/** The most recent travellers read for the data check: enough for a share, bounded in memory. */
const POPULATION_SAMPLE = 20_000;
const DAY = 86_400_000;
/** Rules per page of the list: by default, and at most. */
export const RULE_PAGE = { default: 100, max: 500 } as const;

/** What an author writes; id and version are the service's. */
export type RuleInput = Omit<Rule, "id" | "version">;

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
  opts: { now?: () => Date; proxyFields?: Record<string, string>; maxShare?: number } = {},
) {
  const now = opts.now ?? (() => new Date());
  const proxies = opts.proxyFields ?? DEFAULT_PROXY_FIELDS;

  /** The agency's last 90 days when they hold enough travellers, else the synthetic population. */
  async function populationFor(agency: string): Promise<Population> {
    const since = new Date(now().getTime() - 90 * DAY).toISOString();
    const n = await screenedSince(db.kysely, agency, since);
    if (n < MIN_OWN_POPULATION) return syntheticPopulation();
    const rows = await recentTravellers(db.kysely, agency, since, POPULATION_SAMPLE);
    return { label: "the agency's screenings of the last 90 days", facts: rows.map(factsOfRow) };
  }

  function need(p: Principal, ...perms: ("rules:author" | "rules:stats")[]) {
    if (!perms.some((x) => can(p, x)))
      throw new ForbiddenError(
        `permission ${perms.map((x) => `"${x}"`).join(" or ")} required`,
        undefined,
        "permission_denied",
        {
          permission: perms.join(" or "),
        },
      );
  }

  async function check(agency: string, input: RuleInput): Promise<GuardResult> {
    const result = checkRule(
      { ...input, id: "new", version: 0 },
      {
        proxies,
        population: await populationFor(agency),
        ...(opts.maxShare !== undefined ? { maxShare: opts.maxShare } : {}),
      },
    );
    if (result.ok && input.reviewDate <= today(now()))
      return { ok: false, reasons: ["the review date must be in the future"] };
    return result;
  }

  function latest(rows: RuleRow[]): RuleRow[] {
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }

  /** The rules that fire today: the newest version of each, unless its review date has passed. */
  async function active(agency: string, day: string = today(now())): Promise<Rule[]> {
    return latest(await versionsOf(db.kysely, agency))
      .filter((r) => r.review_date >= day)
      .map(toRule);
  }

  async function save(
    p: Principal,
    id: string,
    version: number,
    input: RuleInput,
    action: string,
    purpose: string | undefined,
  ) {
    const verdict = await check(p.agency, input);
    if (!verdict.ok) {
      // A refused rule is on the record too: oversight can see what was attempted.
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: p,
          action: "rule.rejected",
          objectType: "rule",
          objectId: id,
          ...(purpose ? { purpose } : {}),
          outcome: "denied",
          details: { name: input.name, reasons: verdict.reasons },
        }),
      );
      throw new InvalidError(
        `rule rejected: ${verdict.reasons[0]}`,
        { reasons: verdict.reasons },
        "rule_rejected",
        {
          reason: verdict.reasons[0] ?? "",
        },
      );
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
    try {
      await db.kysely.transaction().execute(async (trx) => {
        await insertRule(trx, row);
        await appendAudit(trx, {
          actor: p,
          action,
          objectType: "rule",
          objectId: id,
          ...(purpose ? { purpose } : {}),
          outcome: "success",
          details: { version, name: input.name },
        });
      });
    } catch (err) {
      // Two authors editing at once both claim the next version: the second must reread, not overwrite.
      if (isUniqueViolation(err))
        throw new ConflictError(
          `rule ${id} version ${version} was saved meanwhile`,
          undefined,
          "rule_saved_meanwhile",
          {
            id,
            version,
          },
        );
      throw err;
    }
    return toRule(row);
  }

  return {
    /** The guard's verdict without saving: for the author's immediate feedback. */
    async check(p: Principal, input: RuleInput): Promise<GuardResult> {
      need(p, "rules:author");
      const verdict = await check(p.agency, input);
      // Too deep or too large to judge is a malformed request, not a verdict.
      if (verdict.tooComplex)
        throw new InvalidError(
          `rule rejected: ${verdict.reasons.at(-1)}`,
          { reasons: verdict.reasons },
          "rule_rejected",
          {
            reason: verdict.reasons.at(-1) ?? "",
          },
        );
      return verdict;
    },

    async create(p: Principal, input: RuleInput, purpose?: string): Promise<Rule> {
      need(p, "rules:author");
      return save(p, randomUUID(), 1, input, "rule.create", purpose);
    },

    /** An edit never overwrites: it is the next version, and the old one stays for the record. */
    async update(p: Principal, id: string, input: RuleInput, purpose?: string): Promise<Rule> {
      need(p, "rules:author");
      const [current] = await versionsOf(db.kysely, p.agency, id);
      if (!current) throw new NotFoundError(`rule ${id} not found`, undefined, "rule_not_found", { id });
      return save(p, id, Number(current.version) + 1, input, "rule.update", purpose);
    },

    /** The newest version of each rule, a page at a time by id. */
    async list(p: Principal, page: PageRequest = { limit: RULE_PAGE.default }) {
      need(p, "rules:author", "rules:stats");
      const day = today(now());
      const rows = await latestVersionsPage(db.kysely, p.agency, page);
      return {
        rules: rows.items.map((r) => ({
          ...toRule(r),
          expired: r.review_date < day,
          updatedAt: r.created_at,
          updatedBy: r.created_by,
        })),
        total: rows.total,
        nextCursor: rows.nextCursor,
      };
    },

    async get(p: Principal, id: string) {
      need(p, "rules:author", "rules:stats");
      const rows = await versionsOf(db.kysely, p.agency, id);
      if (rows.length === 0)
        throw new NotFoundError(`rule ${id} not found`, undefined, "rule_not_found", { id });
      return {
        rule: { ...toRule(rows[0]!), expired: rows[0]!.review_date < today(now()) },
        versions: rows.map((r) => ({ ...toRule(r), createdAt: r.created_at, createdBy: r.created_by })),
      };
    },

    active,

    /**
     * Runs the agency's active rules on screened travellers, after watchlist screening: `refers` says who
     * on the same manifest was referred (co-traveller facts), and earlier crossings of the same identity
     * give the travel pattern. Each person's hits, in input order, and each person's depersonalised facts
     * for the screened population (written with the crossing, whether or not a rule is active).
     */
    async run(
      agency: string,
      travellers: readonly Traveller[],
      trip: { legs?: readonly Leg[]; refers: readonly boolean[] },
    ): Promise<{ hits: RuleHit[][]; population: ScreenedTravellerFacts[] }> {
      const at = now();
      const day = today(at);
      const rules = await active(agency, day);
      const keys = travellers.map(identityKey);
      const since = new Date(at.getTime() - 90 * DAY).toISOString();
      const trips = await tripCounts(db.kysely, agency, keys, since);
      const referred = trip.refers.filter(Boolean).length;
      const onManifest = travellers.length > 1;
      const facts = travellers.map((t, i) =>
        factsFor(
          t,
          {
            ...(trip.legs ? { legs: trip.legs } : {}),
            tripsLast90Days: trips.get(keys[i]!) ?? 0,
            ...(onManifest ? { watchlistedCoTravellers: referred - (trip.refers[i] ? 1 : 0) } : {}),
          },
          day,
        ),
      );
      return {
        hits: facts.map((f) => evaluateRules(rules, f, day)),
        population: facts.map(depersonalise),
      };
    },

    /**
     * Hits, alerts and their outcomes, and the fairness report over the population the agency screened
     * since the rule's first version. A hit counts when its screened traveller is on record, so that hits
     * and population are the same people.
     */
    async stats(p: Principal, id: string, purpose?: string) {
      need(p, "rules:stats");
      const rows = await versionsOf(db.kysely, p.agency, id);
      const first = rows.at(-1);
      if (!first) throw new NotFoundError(`rule ${id} not found`, undefined, "rule_not_found", { id });
      const report = fairnessReport(await hitCells(db.kysely, p.agency, id, first.created_at));
      const { alerts, outcomes } = await alertOutcomes(db.kysely, p.agency, id);
      const count = (outcome: string) => [...outcomes.values()].filter((o) => o === outcome).length;
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: p,
          action: "rule.stats",
          objectType: "rule",
          objectId: id,
          ...(purpose ? { purpose } : {}),
          outcome: "success",
        }),
      );
      return {
        ruleId: id,
        version: Number(rows[0]!.version),
        since: first.created_at,
        alerts,
        confirmed: count("confirmed"),
        falsePositives: count("cleared_false_positive"),
        ...report,
      };
    },
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
