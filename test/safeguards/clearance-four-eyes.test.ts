// Four-eyes on clearances (issue 12, item 3), over the API on both dialects. A clearance of a match on a
// terrorism-related programme waits for a second officer like a refusal: nothing is cleared until then,
// the proposer cannot approve it, and both officers and their reasons are in the audit log. A
// standard-priority clearance still takes one officer. The persons are the fictional national list.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../http/harness.js";
import { describeBothDialects } from "../support/db.js";

const PURPOSE = "second-line review of a border alert";
const CLEARANCE = {
  outcome: "cleared_false_positive",
  reason: "Different passport and place of birth; interview confirms a namesake of the listed person.",
  legalBasis: "Identity not confirmed: false positive",
  clearance: true,
  purpose: PURPOSE,
};
const APPROVER_REASON = "Checked the passport chip and the birth certificate myself: not the listed man.";
/** NL-0006 (fictional): Dmitriy Volkov, listed under a terrorism programme (NAT-TERR). */
const VOLKOV = {
  person: { surname: "Volkov", givenNames: "Dmitriy", birthDate: "1981-01-09", nationality: "RU" },
  document: { type: "P", number: "7501234567", issuingCountry: "RU" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};
/** NL-0013 (fictional): Elena Popescu, organised crime (standard priority). */
const POPESCU = {
  person: { surname: "Popescu", givenNames: "Elena", birthDate: "1990-04-17", nationality: "RO" },
  document: { type: "P", number: "055123987", issuingCountry: "RO" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};

describeBothDialects("four-eyes on clearances", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer.a", ["second_line"]);
    await api.addUser("reviewer.b", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const cross = async (entry: unknown) => {
    const r = await api.call("reviewer.a", "POST", "/api/v1/crossings", { entry, purpose: "entry check" });
    expect(r.statusCode).toBe(201);
    return r.json().result as { decision: string; alertId?: string; priority?: string };
  };
  const clearances = () => api.services.db.kysely.selectFrom("clearances").selectAll().execute();

  it("holds a clearance of a terrorism-listed match for a second officer, then clears on approval", async () => {
    const first = await cross(VOLKOV);
    expect(first).toMatchObject({ decision: "refer", priority: "immediate" });
    const before = (await clearances()).length;

    const proposed = await api.call(
      "reviewer.a",
      "POST",
      `/api/v1/alerts/${first.alertId}/decisions`,
      CLEARANCE,
    );
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json()).toMatchObject({ status: "in_review", clearances: [] });
    expect(proposed.json().decision).toMatchObject({ status: "pending_approval", clearance: true });
    expect(proposed.json().message).toMatch(/second officer.*terrorism-related programme \(NAT-TERR\)/);
    const decisionId = proposed.json().decision.id;
    expect(await clearances()).toHaveLength(before);

    // Not cleared yet: the same person is stopped again.
    expect((await cross(VOLKOV)).decision).toBe("refer");

    const approveUrl = `/api/v1/alerts/${first.alertId}/decisions/${decisionId}/approve`;
    const self = await api.call("reviewer.a", "POST", approveUrl, {
      purpose: PURPOSE,
      reason: APPROVER_REASON,
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.details.errors.map((e: { code: string }) => e.code)).toEqual(["same_officer"]);
    expect(await clearances()).toHaveLength(before);

    const approved = await api.call("reviewer.b", "POST", approveUrl, {
      purpose: PURPOSE,
      reason: APPROVER_REASON,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("cleared_false_positive");
    expect(approved.json().decision).toMatchObject({
      status: "recorded",
      by: "reviewer.a",
      approvedBy: "reviewer.b",
    });
    expect(approved.json().clearances).toHaveLength(1);
    expect(await clearances()).toHaveLength(before + 1);

    const again = (await cross(VOLKOV)) as { decision: string; previouslyCleared?: unknown[] };
    expect(again.decision).toBe("clear");
    expect(again.previouslyCleared).toHaveLength(1);

    const log = await api.services.db.kysely
      .selectFrom("audit_log")
      .select(["action", "actor_username", "details", "outcome"])
      .where("object_id", "=", first.alertId!)
      .where("action", "in", ["alert.decision.proposed", "alert.decision.approve"])
      .orderBy("id")
      .execute();
    expect(log.map((e) => [e.action, e.actor_username, e.outcome])).toEqual([
      ["alert.decision.proposed", "reviewer.a", "success"],
      ["alert.decision.approve", "reviewer.b", "success"],
    ]);
    expect(JSON.parse(log[0]!.details!)).toMatchObject({
      reason: CLEARANCE.reason,
      clearance: "awaiting a second officer",
    });
    expect(JSON.parse(log[1]!.details!)).toMatchObject({
      proposedBy: "reviewer.a",
      proposerReason: CLEARANCE.reason,
      approverReason: APPROVER_REASON,
    });
  });

  it("lets one officer clear a standard-priority match", async () => {
    const first = await cross(POPESCU);
    expect(first).toMatchObject({ decision: "refer", priority: "standard" });
    const r = await api.call("reviewer.a", "POST", `/api/v1/alerts/${first.alertId}/decisions`, CLEARANCE);
    expect(r.statusCode).toBe(201);
    expect(r.json().decision).toMatchObject({ status: "recorded", clearance: true });
    expect(r.json().clearances).toHaveLength(1);
  });

  it("refuses an approver's reason under 20 characters with 400 and changes nothing", async () => {
    const first = await cross(VOLKOV);
    // Volkov is cleared now: take a fresh terrorism-listed identity, NL-0011 (fictional).
    expect(first.decision).toBe("clear");
    const benali = await cross({
      person: { surname: "Benali", givenNames: "Fatima Zahra", birthDate: "1992-02-29", nationality: "MA" },
      document: { type: "P", number: "XZ9988776", issuingCountry: "MA" },
      direction: "entry",
      crossingPointId: "cp-bajakovo",
    });
    expect(benali.decision).toBe("refer");
    const proposed = await api.call(
      "reviewer.a",
      "POST",
      `/api/v1/alerts/${benali.alertId}/decisions`,
      CLEARANCE,
    );
    expect(proposed.statusCode).toBe(202);
    const url = `/api/v1/alerts/${benali.alertId}/decisions/${proposed.json().decision.id}/approve`;
    const short = await api.call("reviewer.b", "POST", url, { purpose: PURPOSE, reason: "ok" });
    expect(short.statusCode).toBe(400);
    const d = await api.services.db.kysely
      .selectFrom("alert_decisions")
      .select("status")
      .where("id", "=", proposed.json().decision.id)
      .executeTakeFirstOrThrow();
    expect(d.status).toBe("pending_approval");
  });
});
