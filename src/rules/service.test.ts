import { beforeAll, describe, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import type { Principal, Role } from "../access/index.js";
import { openAlerts } from "../alerts/index.js";
import { queryAudit } from "../audit/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import type { Traveller } from "../travel/index.js";
import type { Condition } from "./model.js";
import { createRuleService, type RuleInput } from "./service.js";

const who = (username: string, roles: Role[]): Principal => ({
  userId: `${username}-id`,
  username,
  roles,
  agency: "agency-r",
  tokenId: "t",
});
const analyst = who("analyst", ["analyst"]);
const auditor = who("auditor", ["auditor"]);

const rule = (name: string, condition: Condition, reviewDate = "2099-12-31"): RuleInput => ({
  name,
  owner: "risk-analysis-unit",
  justification: "Pattern documented in the regional risk analysis of facilitated irregular travel.",
  evidence: "RA-2026-031",
  reviewDate,
  priority: "standard",
  action: "refer",
  condition,
});

/**
 * SYNTHETIC population (no real persons): 400 travellers of four invented nationalities, half women.
 * Port P1 is where nearly every AA national embarks and almost nobody else does, so a rule on "origin P1"
 * never names nationality yet selects by it: a proxy. Document expiry is spread evenly across groups.
 */
function population(): Traveller[] {
  const out: Traveller[] = [];
  for (const [n, nationality] of ["AA", "BB", "CC", "DD"].entries()) {
    for (let i = 0; i < 100; i++) {
      const viaP1 = nationality === "AA" ? i < 80 : i < 5;
      out.push({
        surname: `Synthetic${n}x${i}`,
        givenNames: "Person",
        gender: i % 2 ? "female" : "male",
        nationality,
        birthDate: "1990-01-01",
        role: "passenger",
        embarkation: viaP1 ? "P1" : `P${2 + (i % 3)}`,
        documents: [
          {
            number: `D${n}${i}`,
            issuingCountry: nationality,
            expiry: i % 5 === 0 ? "2027-01-15" : "2031-01-01",
          },
        ],
      });
    }
  }
  return out;
}

describeBothDialects("rule service", (getDb) => {
  let rules: ReturnType<typeof createRuleService>;
  beforeAll(() => {
    rules = createRuleService(getDb(), { now: () => new Date("2026-11-29T12:00:00Z") });
  });

  it("saves an edit as the next version and keeps the old one", async () => {
    const v1 = await rules.create(
      analyst,
      rule("near expiry", { field: "document.expiresInDays", op: "lt", value: 30 }),
    );
    const v2 = await rules.update(
      analyst,
      v1.id,
      rule("near expiry", { field: "document.expiresInDays", op: "lt", value: 14 }),
    );
    expect([v1.version, v2.version, v2.id]).toEqual([1, 2, v1.id]);
    const { rule: current, versions } = await rules.get(auditor, v1.id);
    expect(current.condition).toEqual({ field: "document.expiresInDays", op: "lt", value: 14 });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses a discriminatory rule with its reasons and saves nothing", async () => {
    const before = (await rules.list(analyst)).rules.length;
    const attempt = rules.create(
      analyst,
      rule("one nationality", { field: "traveller.nationality", op: "eq", value: "AA" }),
    );
    await expect(attempt).rejects.toThrow(InvalidError);
    await attempt.catch((e: InvalidError) =>
      expect((e.details as { reasons: string[] }).reasons[0]).toMatch(/nationality alone/),
    );
    expect((await rules.list(analyst)).rules).toHaveLength(before);
    const [refused] = await queryAudit(getDb(), { action: "rule.rejected" });
    expect(refused).toMatchObject({ outcome: "denied", details: { name: "one nationality" } });
    // A review date already passed would save a rule that never fires.
    await expect(
      rules.create(analyst, rule("past", { field: "route.origin", op: "eq", value: "P1" }, "2026-11-29")),
    ).rejects.toThrow(/review date must be in the future/);
    expect(
      await rules.check(analyst, rule("one", { field: "traveller.nationality", op: "eq", value: "AA" })),
    ).toEqual({ ok: false, reasons: [expect.stringMatching(/nationality alone/)] });
    expect((await rules.list(analyst)).rules).toHaveLength(before);
    await expect(
      rules.create(auditor, rule("x", { field: "route.origin", op: "eq", value: "P1" })),
    ).rejects.toThrow(ForbiddenError);
  });

  it("stops firing a rule whose review date has passed", async () => {
    const stale = await rules.create(
      analyst,
      rule("stale", { field: "route.origin", op: "eq", value: "P9" }, "2026-12-01"),
    );
    expect((await rules.active("agency-r", "2026-11-30")).map((r) => r.id)).toContain(stale.id);
    expect((await rules.active("agency-r", "2026-12-02")).map((r) => r.id)).not.toContain(stale.id);
    const listed = (when: string) =>
      createRuleService(getDb(), { now: () => new Date(when) })
        .list(analyst)
        .then((l) => l.rules.find((r) => r.id === stale.id)?.expired);
    expect([await listed("2026-12-01T23:00:00Z"), await listed("2026-12-02T00:00:00Z")]).toEqual([
      false,
      true,
    ]);
    // Another agency's rules are not this agency's to run or read.
    expect(await rules.active("agency-other", "2026-11-30")).toEqual([]);
    await expect(rules.get({ ...analyst, agency: "agency-other" }, stale.id)).rejects.toThrow(/not found/);
  });

  it("warns in the fairness report when a rule selects a nationality through a proxy", async () => {
    const proxy = await rules.create(
      analyst,
      rule("origin P1", { field: "route.origin", op: "in", value: ["P1"] }),
    );
    const neutral = await rules.create(
      analyst,
      rule("expiring documents", { field: "document.expiresInDays", op: "lt", value: 60 }),
    );
    const travellers = population();
    const { hits, population: facts } = await rules.run("agency-r", travellers, {
      refers: travellers.map(() => false),
    });
    // As the crossing flow does: the screened population and the hits, in one transaction.
    await getDb()
      .kysely.transaction()
      .execute((trx) =>
        openAlerts(
          trx,
          {
            agency: "agency-r",
            source: "manifest",
            sourceId: "synthetic-manifest",
            screeningId: "synthetic-screening",
            reference: (i) => `SYN-${i}`,
            entities: new Map(),
            now: new Date("2026-11-29T12:00:00Z"),
          },
          travellers.map((traveller, i) => ({
            personIndex: i,
            traveller,
            matches: [],
            documentHits: [],
            ruleHits: hits[i]!,
            population: facts[i],
          })),
        ),
      );
    const unfair = await rules.stats(auditor, proxy.id);
    expect(unfair).toMatchObject({ hits: 95, alerts: 95, population: 400 });
    expect(unfair.byNationality.find((g) => g.group === "AA")).toMatchObject({ population: 100, hits: 80 });
    expect(unfair.warnings).toEqual([
      expect.stringMatching(/^nationality AA: hit rate 3\.4× the overall rate/),
    ]);

    expect(unfair.bySex).toEqual([
      {
        group: "female",
        population: 200,
        hits: 46,
        hitRate: 0.23,
        disparity: expect.closeTo(0.968, 3),
        warn: false,
      },
      {
        group: "male",
        population: 200,
        hits: 49,
        hitRate: 0.245,
        disparity: expect.closeTo(1.032, 3),
        warn: false,
      },
    ]);
    const [read] = await queryAudit(getDb(), { action: "rule.stats", objectId: proxy.id });
    expect(read).toMatchObject({ actor: { username: "auditor" }, outcome: "success" });

    const fair = await rules.stats(analyst, neutral.id, "quarterly fairness review");
    expect(fair.hits).toBe(80);
    expect(fair.warnings).toEqual([]);
    expect(fair.bySex.map((g) => g.group).sort()).toEqual(["female", "male"]);
    const [fairRead] = await queryAudit(getDb(), { action: "rule.stats", objectId: neutral.id });
    expect(fairRead?.purpose).toBe("quarterly fairness review");
  });

  it("counts an alert by its last recorded decision, leaving out closing and proposals", async () => {
    const { rules: all } = await rules.list(analyst);
    const proxy = all.find((r) => r.name === "origin P1")!;
    const [a, b, c, d] = (
      await getDb()
        .kysely.selectFrom("rule_hits")
        .select("alert_id")
        .where("rule_id", "=", proxy.id)
        .orderBy("person_index")
        .limit(4)
        .execute()
    ).map((r) => r.alert_id!);
    type Decision = { alert: string; status: "recorded" | "pending_approval"; outcome: string; at: string };
    const decisions: (Decision & { approvedAt?: string })[] = [
      { alert: a!, status: "recorded", outcome: "confirmed", at: "2026-11-29T13:00:00Z" },
      { alert: b!, status: "recorded", outcome: "cleared_false_positive", at: "2026-11-29T13:00:00Z" },
      // Closing the alert afterwards does not undo its outcome.
      { alert: b!, status: "recorded", outcome: "closed", at: "2026-11-29T14:00:00Z" },
      // A proposal still waiting for the second officer is no outcome yet.
      { alert: c!, status: "pending_approval", outcome: "confirmed", at: "2026-11-29T13:00:00Z" },
      // Escalated first, then confirmed on approval: the approval is when it took effect.
      { alert: d!, status: "recorded", outcome: "escalated", at: "2026-11-29T13:30:00Z" },
      {
        alert: d!,
        status: "recorded",
        outcome: "confirmed",
        at: "2026-11-29T13:10:00Z",
        approvedAt: "2026-11-29T15:00:00Z",
      },
    ];
    for (const [i, x] of decisions.entries()) {
      await getDb()
        .kysely.insertInto("alert_decisions")
        .values({
          id: `d-${i}`,
          alert_id: x.alert,
          status: x.status,
          outcome: x.outcome as "confirmed",
          adverse_action: null,
          reason: "synthetic decision for the statistics test",
          legal_basis: "x",
          by_user_id: "u",
          by_username: "u",
          at: x.at,
          approved_by_user_id: x.approvedAt ? "v" : null,
          approved_by_username: x.approvedAt ? "v" : null,
          approved_at: x.approvedAt ?? null,
        })
        .execute();
    }
    expect(await rules.stats(analyst, proxy.id)).toMatchObject({
      alerts: 95,
      confirmed: 2,
      falsePositives: 1,
    });
  });
});

describe("rule service permissions", () => {
  it("lets nobody but analysts author", async () => {
    await expect(
      createRuleService({} as never).check(
        auditor,
        rule("x", { field: "route.origin", op: "eq", value: "P" }),
      ),
    ).rejects.toThrow(ForbiddenError);
  });
});
