// The protection bar follows the person (issue 12, item 4), over the API on both dialects. An asylum
// request recorded without a document bars a refusal on a later crossing of the same person with a
// passport (same name and birth date). A reviewer's explicit link does the same when the keys differ.
// The travellers are on the fictional national list in data/samples.
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
} as const;
const HORVAT = { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" };
const VOLKOV = { surname: "Volkov", givenNames: "Dmitriy", birthDate: "1981-01-09", nationality: "RU" };

describeBothDialects("the protection bar follows the person", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("officer.a", ["second_line"]);
    await api.addUser("officer.b", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const asylum = async (person: Record<string, string>) => {
    const r = await api.call("booth", "POST", "/api/v1/protection/records", {
      person,
      kinds: ["asylum_request"],
      purpose: "asylum request expressed at the booth",
    });
    expect(r.statusCode).toBe(201);
    return r.json().records[0].id as string;
  };
  const crossWithPassport = async (person: Record<string, string>, number: string, country: string) => {
    const r = await api.call("booth", "POST", "/api/v1/crossings", {
      entry: {
        person,
        document: { type: "P", number, issuingCountry: country },
        direction: "entry",
        crossingPointId: "cp-bajakovo",
      },
      purpose: "entry check at the booth",
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().result.decision).toBe("refer");
    const { alerts } = (await api.call("officer.a", "GET", "/api/v1/alerts")).json();
    return alerts.find((a: { reference: string }) => a.reference === r.json().result.reference).id as string;
  };
  const propose = (alertId: string) =>
    api.call("officer.a", "POST", `/api/v1/alerts/${alertId}/decisions`, REFUSAL);
  const codes = (r: { json: () => { error: { details: { errors: { code: string }[] } } } }) =>
    r.json().error.details.errors.map((e) => e.code);

  it("bars a refusal when the person recorded without a document crosses again with a passport", async () => {
    await asylum(HORVAT);
    const alertId = await crossWithPassport(HORVAT, "P7654321", "HR");
    const r = await propose(alertId);
    expect(r.statusCode).toBe(409);
    expect(codes(r)).toEqual(["protection_bar"]);
    const detail = await api.call(
      "officer.a",
      "GET",
      `/api/v1/alerts/${alertId}?purpose=${encodeURIComponent(PURPOSE)}`,
    );
    expect(detail.json().protection).toMatchObject({ barred: true, openReferrals: 1 });
  });

  it("bars it after a reviewer links the alert to a record whose keys did not match", async () => {
    // Recorded with a wrong birth date: no key of the later crossing matches.
    const recordId = await asylum({ ...VOLKOV, birthDate: "1981-09-01" });
    const alertId = await crossWithPassport(VOLKOV, "7501234567", "RU");
    const before = await propose(alertId);
    expect(before.statusCode).toBe(202);
    const pending = before.json().decision.id;

    const url = `/api/v1/protection/records/${recordId}/links`;
    const body = { alertId, purpose: "the same person as the asylum request of this morning" };
    expect((await api.call("booth", "POST", url, body)).statusCode).toBe(403);
    expect(
      (await api.call("officer.a", "POST", `/api/v1/protection/records/nope/links`, body)).statusCode,
    ).toBe(404);
    const linked = await api.call("officer.a", "POST", url, body);
    expect(linked.statusCode).toBe(201);
    expect(linked.json().added).toBeGreaterThanOrEqual(3);

    const after = await propose(alertId);
    expect(after.statusCode).toBe(409);
    expect(codes(after)).toEqual(["protection_bar"]);
    // The proposal made before the link cannot be approved either.
    const approve = await api.call(
      "officer.b",
      "POST",
      `/api/v1/alerts/${alertId}/decisions/${pending}/approve`,
      {
        purpose: PURPOSE,
      },
    );
    expect(approve.statusCode).toBe(409);
    expect(codes(approve)).toEqual(["protection_bar"]);
    const audited = await api.services.db.kysely
      .selectFrom("audit_log")
      .select(["actor_username", "details"])
      .where("action", "=", "protection.link")
      .where("object_id", "=", recordId)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actor_username).toBe("officer.a");
  });
});
