// Protection over the API on both dialects: any officer records a need on a person as seen, each need
// opens a referral with its deadline; only protection roles read and close them; the alert screen shows
// the bar. (The bar against a refusal through every path is in test/safeguards/non-refoulement.test.ts.)
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

/** A fictional person met at a land border without an alert: a girl travelling alone. */
const PERSON = {
  surname: "Haddad",
  givenNames: "Lina",
  birthDate: "2012-05-01",
  documents: [{ number: "N0001234", issuingCountry: "SY" }],
};
const RECORD = "/api/v1/protection/records";
const REFERRALS = "/api/v1/protection/referrals";

describeBothDialects("protection over the API", (getDb) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("protection", ["protection_officer"]);
    await api.addUser("elsewhere", ["protection_officer"], "agency-b");
  });
  afterAll(async () => {
    await api?.app.close();
  });

  it("records each need of a person with a referral and its deadline (201)", async () => {
    const r = await api.call("booth", "POST", RECORD, {
      person: PERSON,
      kinds: ["unaccompanied_child", "asylum_request"],
      note: "Travelling alone; asks for protection.",
      purpose: "protection need expressed at the booth",
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.records.map((x: { kind: string }) => x.kind)).toEqual([
      "unaccompanied_child",
      "asylum_request",
    ]);
    expect(body.records[0]).toMatchObject({ createdBy: "booth", person: { surname: "Haddad" } });
    expect(body.referrals).toHaveLength(2);
    for (const ref of body.referrals) {
      expect(ref).toMatchObject({ status: "open", overdue: false });
      expect(Date.parse(ref.dueAt) - Date.parse(ref.createdAt)).toBe(24 * 3600_000);
    }
  });

  it("rejects an unknown need (400), and none or two subjects (422)", async () => {
    const bad = await api.call("booth", "POST", RECORD, {
      person: PERSON,
      kinds: ["suspicious"],
      purpose: "x-y",
    });
    expect(bad.statusCode).toBe(400);
    const none = await api.call("booth", "POST", RECORD, { kinds: ["other"], purpose: "booth" });
    expect(none.statusCode).toBe(422);
    const two = await api.call("booth", "POST", RECORD, {
      person: PERSON,
      crossingId: "c-1",
      kinds: ["other"],
      purpose: "booth",
    });
    expect(two.statusCode).toBe(422);
    const ghost = await api.call("booth", "POST", RECORD, {
      alertId: "no-such",
      kinds: ["other"],
      purpose: "booth",
    });
    expect(ghost.statusCode).toBe(404);
  });

  it("lists referrals to protection roles only, within the agency", async () => {
    expect((await api.call("booth", "GET", `${REFERRALS}?purpose=check`)).statusCode).toBe(403);
    const open = await api.call("reviewer", "GET", `${REFERRALS}?status=open&purpose=check`);
    expect(open.statusCode).toBe(200);
    expect(
      open
        .json()
        .referrals.map((r: { service: string }) => r.service)
        .sort(),
    ).toEqual(["asylum_authority", "child_protection"]);
    // Nothing is overdue a moment after recording.
    expect((await api.call("protection", "GET", `${REFERRALS}?overdue=true`)).json().referrals).toEqual([]);
    expect((await api.call("elsewhere", "GET", REFERRALS)).json().referrals).toEqual([]);
    expect((await api.call("protection", "GET", `${REFERRALS}?status=pending`)).statusCode).toBe(400);
  });

  it("reads one record with its referrals under a purpose, only in its agency", async () => {
    const [referral] = (await api.call("protection", "GET", REFERRALS)).json().referrals;
    const url = `${RECORD}/${referral.recordId}`;
    expect((await api.call("protection", "GET", url)).statusCode).toBe(400);
    const r = await api.call("protection", "GET", `${url}?purpose=referral tracking`);
    expect(r.statusCode).toBe(200);
    expect(r.json().record.id).toBe(referral.recordId);
    expect(r.json().referrals.map((x: { id: string }) => x.id)).toEqual([referral.id]);
    expect((await api.call("elsewhere", "GET", `${url}?purpose=curious`)).statusCode).toBe(404);
    expect((await api.call("booth", "GET", `${url}?purpose=curious`)).statusCode).toBe(403);
  });

  it("closes a referral once, with an outcome, by a protection officer", async () => {
    const [referral] = (await api.call("protection", "GET", `${REFERRALS}?status=open`)).json().referrals;
    const close = `${REFERRALS}/${referral.id}/close`;
    const outcome = "Child protection services took her into care.";
    expect((await api.call("reviewer", "POST", close, { outcome, purpose: "tracking" })).statusCode).toBe(
      403,
    );
    expect(
      (await api.call("protection", "POST", close, { outcome: "ok", purpose: "tracking" })).statusCode,
    ).toBe(422);
    const r = await api.call("protection", "POST", close, { outcome, purpose: "tracking" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: referral.id, status: "closed", closedBy: "protection", outcome });
    const again = await api.call("protection", "POST", close, { outcome, purpose: "tracking" });
    expect(again.statusCode).toBe(409);
    expect((await api.call("protection", "GET", `${REFERRALS}?status=open`)).json().referrals).toHaveLength(
      1,
    );
  });
});
