// Alert refusals and guarded clearances are approvals (issue 15): a refusal proposed at the alert waits in
// the approvals queue of a second officer of the agency, who may approve or reject it there as well as
// from the alert; a new decision withdraws it; the non-refoulement bar holds on that path too, audited as
// denied. Over the API on both dialects; NL-0012 and NL-0006 of the fictional national list.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../http/harness.js";
import { describeBothDialects } from "../support/db.js";

const PURPOSE = "second-line review of a border alert";
const REFUSAL = {
  outcome: "confirmed",
  adverseAction: "refusal_of_entry",
  reason: "Identity confirmed against the listing at a second-line interview.",
  legalBasis: "Schengen Borders Code Art. 14: refusal of entry with a substantiated decision",
  purpose: PURPOSE,
};
const entry = (surname: string, givenNames: string, birthDate: string, nationality: string, n: string) => ({
  person: { surname, givenNames, birthDate, nationality },
  document: { type: "P", number: n, issuingCountry: nationality },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
});
const HORVAT = entry("Horvat", "Marko", "1987-09-03", "HR", "112233445");
const VOLKOV = entry("Volkov", "Dmitriy", "1981-01-09", "RU", "7501234567");

describeBothDialects("alert decisions as approvals", (getDb) => {
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

  const cross = async (person: unknown) => {
    const r = await api.call("booth", "POST", "/api/v1/crossings", { entry: person, purpose: "entry check" });
    expect(r.json().result.decision).toBe("refer");
    return { crossingId: r.json().id as string, alertId: await alertOf(r.json().result.reference) };
  };
  const alertOf = async (reference: string) =>
    (
      await api.services.db.kysely
        .selectFrom("alerts")
        .select("id")
        .where("reference", "=", reference)
        .executeTakeFirstOrThrow()
    ).id;
  const propose = async (alertId: string, body: object = REFUSAL) => {
    const r = await api.call("reviewer.a", "POST", `/api/v1/alerts/${alertId}/decisions`, body);
    expect(r.statusCode).toBe(202);
    return r.json().decision.id as string;
  };
  const queue = async (user: string) =>
    (await api.call(user, "GET", "/api/v1/approvals")).json().approvals as {
      id: string;
      kind: string;
      subject: string;
      reason: string;
      legalBasis: string;
      status: string;
    }[];
  const approvalOf = async (user: string, decisionId: string) =>
    (await queue(user)).find((a) => a.subject.endsWith(`decision:${decisionId}`));
  const decision = (id: string) =>
    api.services.db.kysely
      .selectFrom("alert_decisions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const alertStatus = async (id: string) =>
    (
      await api.services.db.kysely
        .selectFrom("alerts")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).status;

  it("puts a proposed refusal in the second officer's queue, and carries it out when approved there", async () => {
    const { alertId } = await cross(HORVAT);
    const decisionId = await propose(alertId);
    expect(await approvalOf("reviewer.a", decisionId)).toBeUndefined();
    const approval = await approvalOf("reviewer.b", decisionId);
    expect(approval).toMatchObject({
      kind: "alert.adverse_action",
      reason: REFUSAL.reason,
      legalBasis: REFUSAL.legalBasis,
      status: "pending",
    });
    const r = await api.call("reviewer.b", "POST", `/api/v1/approvals/${approval!.id}/approve`, {
      reason: "Read the interview notes and the listing.",
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: "approved", decidedBy: { username: "reviewer.b" } });
    expect(await decision(decisionId)).toMatchObject({
      status: "recorded",
      approved_by_username: "reviewer.b",
    });
    expect(await alertStatus(alertId)).toBe("confirmed");
    // Approved once: the alert view cannot approve it again.
    const again = await api.call(
      "reviewer.b",
      "POST",
      `/api/v1/alerts/${alertId}/decisions/${decisionId}/approve`,
      { purpose: PURPOSE },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("decision_not_pending");
  });

  it("marks the decision rejected when the second officer rejects it, and withdraws it when it is replaced", async () => {
    const { alertId } = await cross(VOLKOV);
    const first = await propose(alertId);
    const approval = (await approvalOf("reviewer.b", first))!;
    const r = await api.call("reviewer.b", "POST", `/api/v1/approvals/${approval.id}/reject`, {
      reason: "The interview notes do not support the identity.",
    });
    expect(r.statusCode).toBe(200);
    expect((await decision(first)).status).toBe("rejected");
    expect(await alertStatus(alertId)).toBe("in_review");
    // The alert view says so too: its reply schema admits the status.
    const view = await api.call(
      "reviewer.b",
      "GET",
      `/api/v1/alerts/${alertId}?purpose=${encodeURIComponent(PURPOSE)}`,
    );
    expect(view.statusCode).toBe(200);
    expect(view.json().decisions.find((d: { id: string }) => d.id === first).status).toBe("rejected");

    const second = await propose(alertId);
    const replaced = (await approvalOf("reviewer.b", second))!;
    await propose(alertId, { ...REFUSAL, adverseAction: "detention" });
    expect(await approvalOf("reviewer.b", second)).toBeUndefined();
    const gone = await api.call("reviewer.b", "POST", `/api/v1/approvals/${replaced.id}/approve`, {
      reason: "too late for this one",
    });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe("approval_not_pending");
    expect((await decision(second)).status).toBe("withdrawn");
  });

  it("bars the approval of a refusal from the queue once asylum is requested, and audits the denial", async () => {
    const { alertId, crossingId } = await cross(HORVAT);
    const decisionId = await propose(alertId);
    const approval = (await approvalOf("reviewer.b", decisionId))!;
    const asked = await api.call("booth", "POST", "/api/v1/protection/records", {
      crossingId,
      kinds: ["asylum_request"],
      note: "Said at the booth that he fears return.",
      purpose: "protection need expressed at the booth",
    });
    expect(asked.statusCode).toBe(201);
    const r = await api.call("reviewer.b", "POST", `/api/v1/approvals/${approval.id}/approve`, {
      reason: "Read the interview notes and the listing.",
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe("protection_bar");
    expect((await decision(decisionId)).status).toBe("pending_approval");
    expect((await approvalOf("reviewer.b", decisionId))?.status).toBe("pending");
    const denied = await api.services.db.kysely
      .selectFrom("audit_log")
      .select(["action", "actor_username", "outcome"])
      .where("object_id", "=", alertId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toEqual([
      { action: "alert.decision.approve", actor_username: "reviewer.b", outcome: "denied" },
    ]);
  });
});
