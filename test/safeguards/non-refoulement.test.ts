// The non-refoulement bar through every path, on both dialects: once the booth records an asylum request,
// a refusal of entry is refused by the service, the API and the CLI alike (and each refusal is audited);
// the match itself may still be reviewed. When the protection referral is closed, the refusal may go ahead
// under four-eyes. The traveller is NL-0012 of the fictional national list in data/samples.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Principal } from "../../src/access/index.js";
import { ConflictError } from "../../src/shared/errors.js";
import { startTestApi, type TestApi } from "../http/harness.js";
import { limes } from "../support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../support/db.js";

const PURPOSE = "second-line review of a border alert";
const REFUSAL = {
  outcome: "confirmed",
  adverseAction: "refusal_of_entry",
  reason: "Identity confirmed against the listing at a second-line interview.",
  legalBasis: "Schengen Borders Code Art. 14: refusal of entry with a substantiated decision",
} as const;
const HORVAT = {
  person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
  document: { type: "I", number: "112233445", issuingCountry: "HR" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};

forEachDialect("non-refoulement bar", (dialect) => {
  let fresh: FreshDatabase;
  let api: TestApi;
  let alertId: string;
  let crossingId: string;
  const principal = async (user: string): Promise<Principal> =>
    (await api.services.access.authenticate(api.token(user)))!;

  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    api = await startTestApi(fresh.db);
    await api.addUser("booth", ["first_line"]);
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("officer.a", ["second_line"]);
    await api.addUser("officer.b", ["second_line"]);
    await api.addUser("protection", ["protection_officer"]);
    const crossing = await api.call("booth", "POST", "/api/v1/crossings", {
      entry: HORVAT,
      purpose: "entry check at the booth",
    });
    expect(crossing.json().result.decision).toBe("refer");
    crossingId = crossing.json().id;
    const { alerts } = await api.services.alerts.list(await principal("officer.a"));
    alertId = alerts.find((a) => a.reference === crossing.json().result.reference)!.id;
  });
  afterAll(async () => {
    await api?.app.close();
    await fresh?.drop();
  });

  it("lets the booth record an asylum request on the crossing, which opens a referral", async () => {
    const r = await api.call("booth", "POST", "/api/v1/protection/records", {
      crossingId,
      kinds: ["asylum_request"],
      note: "Said at the booth that she fears return.",
      purpose: "protection need expressed at the booth",
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().referrals).toHaveLength(1);
    expect(r.json().referrals[0]).toMatchObject({ service: "asylum_authority", status: "open" });
  });

  it("refuses a refusal of entry through the API (409), and audits the attempt", async () => {
    const r = await api.call("officer.a", "POST", `/api/v1/alerts/${alertId}/decisions`, {
      ...REFUSAL,
      purpose: PURPOSE,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.errors.map((e: { code: string }) => e.code)).toEqual(["protection_bar"]);
    expect(r.json().error.message).toMatch(/non-refoulement/);
    const denied = await fresh.db.kysely
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("object_id", "=", alertId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toEqual([{ action: "alert.decision", outcome: "denied" }]);
  });

  it("refuses it through the service", async () => {
    const p = await principal("officer.a");
    await expect(api.services.alerts.decide(p, alertId, { ...REFUSAL, purpose: PURPOSE })).rejects.toThrow(
      ConflictError,
    );
  });

  it("refuses it through the CLI", () => {
    const r = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: api.token("officer.a") })(
      "alert",
      "decide",
      alertId,
      "--outcome",
      "confirmed",
      "--action",
      "refusal_of_entry",
      "--reason",
      REFUSAL.reason,
      "--legal-basis",
      REFUSAL.legalBasis,
      "--purpose",
      PURPOSE,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^limes: refusal of entry is barred .*non-refoulement/);
  });

  it("still lets the match be reviewed, and actions that are not a return be proposed", async () => {
    const r = await api.call("officer.a", "POST", `/api/v1/alerts/${alertId}/decisions`, {
      ...REFUSAL,
      adverseAction: "seizure",
      legalBasis: "National customs code: seizure of documents and goods",
      purpose: PURPOSE,
    });
    expect(r.statusCode).toBe(202);
    const detail = await api.call("officer.a", "GET", `/api/v1/alerts/${alertId}?purpose=review`);
    expect(detail.json().protection).toMatchObject({ barred: true });
  });

  it("allows the refusal under four-eyes once the referral is closed", async () => {
    const referrals = await api.call(
      "protection",
      "GET",
      "/api/v1/protection/referrals?status=open&purpose=check",
    );
    expect(referrals.statusCode).toBe(200);
    const [referral] = referrals.json().referrals;
    const closed = await api.call("protection", "POST", `/api/v1/protection/referrals/${referral.id}/close`, {
      outcome: "Asylum authority found the application inadmissible; appeal period over.",
      purpose: "referral tracking",
    });
    expect(closed.statusCode).toBe(200);

    const proposed = await api.call("officer.a", "POST", `/api/v1/alerts/${alertId}/decisions`, {
      ...REFUSAL,
      purpose: PURPOSE,
    });
    expect(proposed.statusCode).toBe(202);
    const approved = await api.call(
      "officer.b",
      "POST",
      `/api/v1/alerts/${alertId}/decisions/${proposed.json().decision.id}/approve`,
      { purpose: PURPOSE },
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("confirmed");
  });
});
