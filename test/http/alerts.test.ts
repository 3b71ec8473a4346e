// Alerts over the API on both dialects: a refer at the booth opens an alert the booth cannot see into;
// the second line reviews it under four-eyes; overdue alerts are flagged; a clearance stops the same
// identity being stopped again for the same entity until it expires. The persons are the fictional
// national list in data/samples.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const PURPOSE = "second-line review of a border alert";
const REASON = "Birth date and document number match the listing; identity confirmed at interview.";

/** NL-0012 (fictional): Marko Horvat, 1987-09-03, Croatian identity card 112233445, organised crime. */
const HORVAT = {
  person: {
    surname: "Horvat",
    givenNames: "Marko",
    birthDate: "1987-09-03",
    nationality: "HR",
    gender: "male",
  },
  document: { type: "I", number: "112233445", issuingCountry: "HR" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};
/** NL-0006 (fictional): Dmitriy Volkov, on the list under a terrorism programme (NAT-TERR). */
const VOLKOV = {
  person: { surname: "Volkov", givenNames: "Dmitriy", birthDate: "1981-01-09", nationality: "RU" },
  document: { type: "P", number: "7501234567", issuingCountry: "RU" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};
/** NL-0013 (fictional): Elena Popescu, 1990-04-17; the traveller here has another passport. */
const POPESCU = {
  person: {
    surname: "Popescu",
    givenNames: "Elena",
    birthDate: "1990-04-17",
    nationality: "RO",
    gender: "female",
  },
  document: { type: "P", number: "055123987", issuingCountry: "RO" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};

describeBothDialects("alerts over the API", (getDb) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("reviewer.a", ["second_line"]);
    await api.addUser("reviewer.b", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const cross = (user: string, entry: unknown) =>
    api.call(user, "POST", "/api/v1/crossings", { entry, purpose: "entry check at the booth" });
  const alertByReference = async (reference: string) => {
    const r = await api.call("reviewer.a", "GET", "/api/v1/alerts");
    expect(r.statusCode).toBe(200);
    return r.json().alerts.find((a: { reference: string }) => a.reference === reference);
  };
  const decide = (user: string, id: string, body: Record<string, unknown>) =>
    api.call(user, "POST", `/api/v1/alerts/${id}/decisions`, { purpose: PURPOSE, ...body });

  describe("a refer at the booth", () => {
    let reference: string;
    let alertId: string;

    it("shows the booth REFER and a reference, and nothing of the list", async () => {
      const r = await cross("booth", HORVAT);
      expect(r.statusCode).toBe(201);
      const body = r.json();
      expect(Object.keys(body.result).sort()).toEqual(["decision", "index", "reference"]);
      expect(body.result.decision).toBe("refer");
      reference = body.result.reference;
      const text = r.body;
      for (const leak of ["NL-0012", "national", "NAT-ORGCRIME", "score", "matches", "alert", "priority"]) {
        expect(text).not.toContain(leak);
      }
    });

    it("opens one alert that the booth may not read", async () => {
      const alert = await alertByReference(reference);
      expect(alert).toMatchObject({ status: "open", priority: "standard", overdue: false });
      alertId = alert.id;
      // 12 hours for a standard alert.
      expect(Date.parse(alert.dueAt) - Date.parse(alert.createdAt)).toBe(12 * 3600_000);
      expect((await api.call("booth", "GET", "/api/v1/alerts")).statusCode).toBe(403);
      expect(
        (await api.call("booth", "GET", `/api/v1/alerts/${alertId}?purpose=${encodeURIComponent(PURPOSE)}`))
          .statusCode,
      ).toBe(403);
    });

    it("gives the reviewer the match with its explanation and the requested action", async () => {
      const r = await api.call(
        "reviewer.a",
        "GET",
        `/api/v1/alerts/${alertId}?purpose=${encodeURIComponent(PURPOSE)}`,
      );
      expect(r.statusCode).toBe(200);
      const a = r.json();
      expect(a.traveller).toMatchObject({ surname: "Horvat", givenNames: "Marko" });
      const match = a.matches.find((m: { decision: string }) => m.decision === "refer");
      expect(match.sourceRef).toBe("NL-0012");
      expect(match.explanation.alignment.map((x: { query: string }) => x.query)).toEqual(
        expect.arrayContaining(["Marko", "Horvat"]),
      );
      expect(a.entities[match.entityId].programmes).toEqual(["NAT-ORGCRIME"]);
      expect(a.requestedActions.join(" ")).toMatch(/National list/);
      expect(a.legalBases.length).toBeGreaterThan(3);
    });

    it("requires a reason of 20 characters and changes nothing without one", async () => {
      const r = await decide("reviewer.a", alertId, {
        outcome: "confirmed",
        reason: "matches",
        legalBasis: "Schengen Borders Code Art. 8: thorough checks at second line",
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.details.errors.map((e: { code: string }) => e.code)).toEqual(["reason_required"]);
      expect((await alertByReference(reference)).status).toBe("open");
    });

    it("rejects a legal basis that is not configured", async () => {
      const r = await decide("reviewer.a", alertId, {
        outcome: "confirmed",
        reason: REASON,
        legalBasis: "because I say so",
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.details.errors[0].code).toBe("unknown_legal_basis");
    });

    let decisionId: string;
    it("holds a refusal of entry until a second officer approves it", async () => {
      const r = await decide("reviewer.a", alertId, {
        outcome: "confirmed",
        adverseAction: "refusal_of_entry",
        reason: REASON,
        legalBasis: "Schengen Borders Code Art. 14: refusal of entry with a substantiated decision",
      });
      expect(r.statusCode).toBe(202);
      expect(r.json().decision).toMatchObject({ status: "pending_approval", by: "reviewer.a" });
      expect(r.json().message).toMatch(/second officer/);
      decisionId = r.json().decision.id;
      expect((await alertByReference(reference)).status).toBe("in_review");
    });

    it("refuses the same officer's approval (409) and the booth's (403)", async () => {
      const url = `/api/v1/alerts/${alertId}/decisions/${decisionId}/approve`;
      const same = await api.call("reviewer.a", "POST", url, { purpose: PURPOSE });
      expect(same.statusCode).toBe(409);
      expect(same.json().error.details.errors[0].code).toBe("same_officer");
      expect((await api.call("booth", "POST", url, { purpose: PURPOSE })).statusCode).toBe(403);
      expect((await alertByReference(reference)).status).toBe("in_review");
    });

    it("takes effect with a different officer's approval, audited", async () => {
      const url = `/api/v1/alerts/${alertId}/decisions/${decisionId}/approve`;
      const r = await api.call("reviewer.b", "POST", url, { purpose: PURPOSE });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        status: "confirmed",
        decision: { status: "recorded", approvedBy: "reviewer.b", adverseAction: "refusal_of_entry" },
      });
      const entries = await api.services.db.kysely
        .selectFrom("audit_log")
        .select(["action", "actor_username"])
        .where("object_id", "=", alertId)
        .orderBy("id")
        .execute();
      expect(entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(["alert.review", "alert.decision.proposed", "alert.decision.approve"]),
      );
    });
  });

  it("opens an immediate alert for a terrorism-listed match, and flags it once overdue", async () => {
    const r = await cross("booth", VOLKOV);
    const alert = await alertByReference(r.json().result.reference);
    expect(alert.priority).toBe("immediate");
    expect(Date.parse(alert.dueAt) - Date.parse(alert.createdAt)).toBeLessThanOrEqual(15 * 60_000);
    expect(alert.overdue).toBe(false);
    // The deadline passes.
    await api.services.db.kysely
      .updateTable("alerts")
      .set({ due_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", alert.id)
      .execute();
    const overdue = await api.call("reviewer.a", "GET", "/api/v1/alerts?overdue=true");
    const listed = overdue.json().alerts.find((a: { id: string }) => a.id === alert.id);
    expect(listed).toMatchObject({ overdue: true, priority: "immediate" });
    expect(overdue.json().alerts.every((a: { overdue: boolean }) => a.overdue)).toBe(true);
  });

  it("notes a cleared identity as previously cleared instead of alerting, until the clearance expires", async () => {
    const first = await cross("booth", POPESCU);
    expect(first.json().result.decision).toBe("refer");
    const alert = await alertByReference(first.json().result.reference);
    const cleared = await decide("reviewer.a", alert.id, {
      outcome: "cleared_false_positive",
      reason: "Different passport and place of birth; interview confirms a namesake of the listed person.",
      legalBasis: "Identity not confirmed: false positive",
      clearance: true,
    });
    expect(cleared.statusCode).toBe(201);
    expect(cleared.json().clearances).toHaveLength(1);

    const before = (await api.call("reviewer.a", "GET", "/api/v1/alerts")).json().alerts.length;
    const second = await cross("booth", POPESCU);
    expect(second.json().result).toEqual({
      index: 0,
      decision: "clear",
      reference: second.json().result.reference,
    });
    // The reviewer sees why: the match is still on record, noted as previously cleared.
    const seen = await cross("reviewer.a", POPESCU);
    expect(seen.json().result.decision).toBe("clear");
    expect(seen.json().result.previouslyCleared[0]).toMatchObject({ list: "national" });
    expect(seen.json().result.matches.some((m: { sourceRef: string }) => m.sourceRef === "NL-0013")).toBe(
      true,
    );
    expect((await api.call("reviewer.a", "GET", "/api/v1/alerts")).json().alerts).toHaveLength(before);
    const notes = await api.services.db.kysely.selectFrom("clearance_notes").selectAll().execute();
    expect(notes.length).toBeGreaterThanOrEqual(2);

    // A year later the clearance has run out.
    await api.services.db.kysely
      .updateTable("clearances")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const third = await cross("booth", POPESCU);
    expect(third.json().result.decision).toBe("refer");
    const reopened = await alertByReference(third.json().result.reference);
    expect(reopened.status).toBe("open");
    // The reviewer sees the expired clearance on the new alert.
    const detail = await api.call(
      "reviewer.a",
      "GET",
      `/api/v1/alerts/${reopened.id}?purpose=${encodeURIComponent(PURPOSE)}`,
    );
    expect(detail.json().clearances[0]).toMatchObject({ expired: true });
  });

  it("rejects unknown fields and statuses with 400", async () => {
    expect((await api.call("reviewer.a", "GET", "/api/v1/alerts?status=maybe")).statusCode).toBe(400);
    const r = await api.call("reviewer.a", "POST", "/api/v1/alerts/x/decisions", {
      outcome: "confirmed",
      reason: REASON,
      legalBasis: "x",
      purpose: PURPOSE,
      automatic: true,
    });
    expect(r.statusCode).toBe(400);
  });
});
