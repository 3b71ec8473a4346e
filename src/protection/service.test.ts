import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import type { Principal, Role } from "../access/index.js";
import { queryAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { identityKey, type Traveller } from "../travel/index.js";
import { createProtectionService } from "./service.js";

const principal = (username: string, roles: Role[], agency = "agency-p"): Principal => ({
  userId: `${username}-id`,
  username,
  roles,
  agency,
  tokenId: "t",
});
const booth = principal("booth", ["first_line"]);
const reviewer = principal("reviewer", ["second_line"]);
const officer = principal("officer", ["protection_officer"]);
// A fictional person with no alert and no crossing: a child found alone at a land border.
const CHILD = {
  surname: "Haddad",
  givenNames: "Lina",
  birthDate: "2012-05-01",
  documents: [{ number: "N0001234", issuingCountry: "SY" }],
};
const TRAVELLER: Traveller = {
  surname: "Okafor",
  givenNames: "Ada",
  birthDate: "1990-01-01",
  role: "passenger",
  documents: [{ number: "A1234567", issuingCountry: "NG" }],
};

/** An alert row as the alert service would have opened it, for the agency and traveller given. */
async function insertAlert(db: Db, id: string, agency: string, traveller: Traveller, key: string) {
  const at = "2026-11-29T09:00:00.000Z";
  await db.kysely
    .insertInto("alerts")
    .values({
      id,
      agency,
      reference: `A-${id.toUpperCase()}`,
      status: "open",
      priority: "standard",
      source: "crossing",
      source_id: `crossing-${id}`,
      screening_id: `screening-${id}`,
      person_index: 0,
      crossing_point_id: null,
      identity_key: key,
      traveller: JSON.stringify(traveller),
      reasons: "{}",
      created_at: at,
      due_at: at,
      updated_at: at,
    })
    .execute();
}

describeBothDialects("protection service", (getDb) => {
  let clock = new Date("2026-11-29T10:00:00Z");
  let service: ReturnType<typeof createProtectionService>;
  beforeAll(() => {
    service = createProtectionService(getDb(), { now: () => clock });
  });
  const key = identityKey(CHILD);

  it("records each need with a referral to its service and deadline, audited without the need itself", async () => {
    const r = await service.record(booth, {
      person: CHILD,
      kinds: ["unaccompanied_child", "asylum_request", "medical_need"],
      note: "Travelling alone; says her parents are in Germany.",
      purpose: "second-line interview",
    });
    expect(r.records.map((x) => x.kind)).toEqual(["unaccompanied_child", "asylum_request", "medical_need"]);
    expect(r.records[0]!.person).toMatchObject({ surname: "Haddad", birthDate: "2012-05-01" });
    expect(r.referrals.map((x) => [x.service, x.status, x.dueAt])).toEqual([
      ["child_protection", "open", "2026-11-30T10:00:00.000Z"],
      ["asylum_authority", "open", "2026-11-30T10:00:00.000Z"],
      ["medical", "open", "2026-11-29T12:00:00.000Z"],
    ]);
    const audit = await queryAudit(getDb(), { action: "protection.record" });
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.objectId).sort()).toEqual(r.records.map((x) => x.id).sort());
    expect(JSON.stringify(audit)).not.toMatch(/asylum|child|medical|Germany|Haddad/);
  });

  it("bars adverse actions until every referral is closed", async () => {
    expect(await service.status("agency-p", { identityKey: key })).toEqual({
      barred: true,
      openReferrals: 3,
      asylumRequested: true,
    });
    // Another agency's records do not exist for this one.
    expect((await service.status("agency-q", { identityKey: key })).barred).toBe(false);
    const { referrals } = await service.listReferrals(officer, { status: "open" });
    expect(referrals).toHaveLength(3);
    for (const r of referrals) {
      await service.closeReferral(officer, r.id, {
        outcome: "Taken up by the service.",
        purpose: "tracking",
      });
    }
    expect(await service.status("agency-p", { identityKey: key })).toEqual({
      barred: false,
      openReferrals: 0,
      asylumRequested: true,
    });
    await expect(
      service.closeReferral(officer, referrals[0]!.id, {
        outcome: "Closed a second time",
        purpose: "tracking",
      }),
    ).rejects.toThrow(ConflictError);
    const closed = (await service.listReferrals(officer, { status: "closed" })).referrals;
    expect(closed.map((r) => [r.status, r.closedBy, r.outcome])).toEqual(
      referrals.map(() => ["closed", "officer", "Taken up by the service."]),
    );
    expect(await queryAudit(getDb(), { action: "protection.referral.close" })).toHaveLength(3);
  });

  it("asks for an outcome of substance, and only protection officers may close", async () => {
    const { referrals } = await service.record(booth, { person: CHILD, kinds: ["other"], purpose: "booth" });
    const id = referrals[0]!.id;
    await expect(service.closeReferral(officer, id, { outcome: "done", purpose: "x" })).rejects.toThrow(
      InvalidError,
    );
    await expect(
      service.closeReferral(reviewer, id, { outcome: "Taken up by the service.", purpose: "x" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      service.closeReferral(officer, "no-such-referral", {
        outcome: "Taken up by the service.",
        purpose: "x",
      }),
    ).rejects.toThrow(NotFoundError);
    await service.closeReferral(officer, id, { outcome: "Social services took over.", purpose: "x" });
  });

  it("flags overdue referrals with the clock", async () => {
    await service.record(booth, {
      person: { surname: "Doe" },
      kinds: ["trafficking_victim"],
      purpose: "booth",
    });
    expect((await service.listReferrals(officer, { overdue: true })).referrals).toHaveLength(0);
    clock = new Date("2026-12-01T10:00:00Z");
    const overdue = (await service.listReferrals(officer, { overdue: true })).referrals;
    expect(overdue.map((r) => [r.service, r.overdue])).toEqual([["anti_trafficking", true]]);
    const all = (await service.listReferrals(officer)).referrals;
    expect(all.filter((r) => r.overdue)).toHaveLength(1);
    clock = new Date("2026-11-29T10:00:00Z");
  });

  it("takes the person and identity from an alert, and bars that alert whatever the identity", async () => {
    const alertKey = identityKey(TRAVELLER);
    await insertAlert(getDb(), "al1", "agency-p", TRAVELLER, alertKey);
    const r = await service.record(reviewer, {
      alertId: "al1",
      kinds: ["asylum_request"],
      purpose: "review",
    });
    expect(r.records[0]).toMatchObject({ alertId: "al1", person: { surname: "Okafor" } });
    expect(await service.status("agency-p", { identityKey: alertKey })).toMatchObject({ barred: true });
    // A later read of the same person with a different document still hits the alert's record.
    expect(await service.status("agency-p", { identityKey: "other-key", alertId: "al1" })).toMatchObject({
      barred: true,
      asylumRequested: true,
    });
    expect((await service.status("agency-p", { identityKey: "other-key" })).barred).toBe(false);
    // Another agency cannot attach a record to this alert.
    await expect(
      service.record(principal("booth", ["first_line"], "agency-q"), {
        alertId: "al1",
        kinds: ["other"],
        purpose: "booth",
      }),
    ).rejects.toThrow(NotFoundError);
  });

  it("takes the person from a crossing", async () => {
    await getDb()
      .kysely.insertInto("screening_requests")
      .values({
        id: "s-cr1",
        agency: "agency-p",
        user_id: "booth-id",
        crossing_point_id: null,
        purpose: "booth",
        created_at: "2026-11-29T09:30:00.000Z",
        input: "[]",
      })
      .execute();
    await getDb()
      .kysely.insertInto("crossings")
      .values({
        id: "cr1",
        agency: "agency-p",
        user_id: "booth-id",
        screening_id: "s-cr1",
        crossing_point_id: null,
        direction: "entry",
        decision: "clear",
        data: JSON.stringify({ traveller: { ...TRAVELLER, surname: "Mensah" } }),
        created_at: "2026-11-29T09:30:00.000Z",
      })
      .execute();
    const r = await service.record(booth, { crossingId: "cr1", kinds: ["medical_need"], purpose: "booth" });
    expect(r.records[0]).toMatchObject({ crossingId: "cr1", alertId: null, person: { surname: "Mensah" } });
    const status = await service.status("agency-p", {
      identityKey: identityKey({ ...TRAVELLER, surname: "Mensah" }),
    });
    expect(status).toEqual({ barred: true, openReferrals: 1, asylumRequested: false });
  });

  it("gives the alert screen everything on record for the person, as an audited read", async () => {
    const alertKey = identityKey(TRAVELLER);
    const seen = await service.forPerson(reviewer, {
      identityKey: alertKey,
      alertId: "al1",
      purpose: "review",
    });
    expect(seen.records.map((r) => r.kind)).toEqual(["asylum_request"]);
    expect(seen.referrals.map((r) => [r.recordId, r.service])).toEqual([
      [seen.records[0]!.id, "asylum_authority"],
    ]);
    const reads = await queryAudit(getDb(), { action: "protection.read" });
    expect(reads[0]).toMatchObject({ purpose: "review", details: { records: [seen.records[0]!.id] } });
    const nobody = await service.forPerson(reviewer, { identityKey: "nobody", purpose: "review" });
    expect(nobody).toEqual({ records: [], referrals: [] });
    await expect(service.forPerson(booth, { identityKey: alertKey, purpose: "review" })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("reads one record with its referrals, audited", async () => {
    const { records } = await service.record(booth, {
      person: CHILD,
      kinds: ["separated_child"],
      purpose: "b",
    });
    const got = await service.get(reviewer, records[0]!.id, "follow-up");
    expect(got.record).toMatchObject({ id: records[0]!.id, kind: "separated_child" });
    expect(got.referrals.map((r) => r.service)).toEqual(["child_protection"]);
    const reads = await queryAudit(getDb(), { action: "protection.read" });
    expect(reads[0]).toMatchObject({ objectId: records[0]!.id, purpose: "follow-up" });
    await expect(
      service.get(principal("x", ["protection_officer"], "agency-q"), records[0]!.id, "x"),
    ).rejects.toThrow(NotFoundError);
  });

  it("lets any officer record, but only protection roles read or close", async () => {
    await expect(service.listReferrals(booth)).rejects.toThrow(ForbiddenError);
    await expect(service.get(booth, "x", "curious")).rejects.toThrow(ForbiddenError);
    await expect(
      service.record(principal("auditor", ["auditor"]), { person: CHILD, kinds: ["other"], purpose: "x" }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("takes exactly one subject and at least one need", async () => {
    await expect(service.record(booth, { kinds: ["other"], purpose: "booth" })).rejects.toThrow(InvalidError);
    await expect(
      service.record(booth, { person: CHILD, crossingId: "c", kinds: ["other"], purpose: "booth" }),
    ).rejects.toThrow(InvalidError);
    await expect(service.record(booth, { person: CHILD, kinds: [], purpose: "booth" })).rejects.toThrow(
      InvalidError,
    );
  });

  it("applies a deployment's own referral configuration", async () => {
    const custom = createProtectionService(getDb(), {
      now: () => clock,
      config: {
        referrals: {
          ...service.config.referrals,
          asylum_request: { service: "asylum_authority", hours: 1 },
        },
      },
    });
    const r = await custom.record(booth, {
      person: { surname: "Roe" },
      kinds: ["asylum_request"],
      purpose: "b",
    });
    expect(r.referrals[0]!.dueAt).toBe("2026-11-29T11:00:00.000Z");
  });
});
