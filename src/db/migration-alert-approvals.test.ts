// 0018_alert_approvals gives a decision still waiting for its second officer the approval that now carries
// the four-eyes rules, so that it can be approved after the upgrade as before.
import { Migrator } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { approvalsOf } from "../approvals/index.js";
import { migrate } from "./connect.js";
import { migrationProvider } from "./migrations.js";

const AT = "2026-11-01T08:00:00.000Z";

forEachDialect("migration 0018_alert_approvals", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("proposes each pending adverse action and guarded clearance, and leaves recorded decisions alone", async () => {
    const { db } = fresh;
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect) });
    expect((await migrator.migrateTo("0016_languages")).error).toBeUndefined();
    await db.kysely
      .insertInto("alerts")
      .values({
        id: "alert-1",
        agency: "agency-a",
        reference: "R-1",
        status: "in_review",
        priority: "high",
        source: "crossing",
        source_id: "crossing-1",
        screening_id: "screening-1",
        person_index: 0,
        crossing_point_id: null,
        identity_key: "idkey",
        traveller: "{}",
        reasons: "{}",
        created_at: AT,
        due_at: AT,
        updated_at: AT,
      })
      .execute();
    const decision = (id: string, status: "pending_approval" | "recorded", adverse: string | null) => ({
      id,
      alert_id: "alert-1",
      status,
      outcome: adverse ? ("confirmed" as const) : ("cleared_false_positive" as const),
      adverse_action: adverse,
      reason: `the reason of decision ${id}, long enough`,
      legal_basis: "Schengen Borders Code Art. 14",
      by_user_id: "u-anna",
      by_username: "anna",
      at: AT,
      approved_by_user_id: null,
      approved_by_username: null,
      approved_at: null,
      clearance: adverse ? 0 : 1,
    });
    await db.kysely
      .insertInto("alert_decisions")
      .values([
        decision("d-refusal", "pending_approval", "refusal_of_entry"),
        decision("d-clearance", "pending_approval", null),
        decision("d-done", "recorded", "detention"),
      ])
      .execute();
    expect((await migrate(db)).applied).toContain("0018_alert_approvals");
    const refusal = await approvalsOf(db, "alert.adverse_action", "alert:alert-1/");
    const clearance = await approvalsOf(db, "alert.clearance", "alert:alert-1/");
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatchObject({
      subject: "alert:alert-1/decision:d-refusal",
      agency: "agency-a",
      payload: { alertId: "alert-1", decisionId: "d-refusal", reference: "R-1" },
      reason: "the reason of decision d-refusal, long enough",
      legalBasis: "Schengen Borders Code Art. 14",
      requiredPermission: "alerts:review",
      proposedBy: { userId: "u-anna", username: "anna" },
      status: "pending",
    });
    expect(Date.parse(refusal[0]!.expiresAt)).toBeGreaterThan(Date.now());
    expect(clearance.map((a) => a.subject)).toEqual(["alert:alert-1/decision:d-clearance"]);
  });
});
