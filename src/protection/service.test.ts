import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import type { Principal, Role } from "../access/index.js";
import { queryAudit } from "../audit/index.js";
import { ConflictError, ForbiddenError, InvalidError } from "../shared/errors.js";
import { identityKey } from "../travel/index.js";
import { DEFAULT_PROTECTION_CONFIG, protectionBar } from "./model.js";
import { createProtectionService } from "./service.js";

const principal = (username: string, roles: Role[], agency = "agency-p"): Principal => ({
  userId: `${username}-id`,
  username,
  roles,
  agency,
  tokenId: "t",
});
const booth = principal("booth", ["first_line"]);
const officer = principal("officer", ["protection_officer"]);
// A fictional person with no alert and no crossing: a child found alone at a land border.
const CHILD = {
  surname: "Haddad",
  givenNames: "Lina",
  birthDate: "2012-05-01",
  documents: [{ number: "N0001234", issuingCountry: "SY" }],
};

it("bars only while a referral is open", () => {
  expect(protectionBar([])).toEqual({ barred: false, openReferrals: 0 });
  expect(protectionBar([{ status: "closed", service: "asylum_authority" }]).barred).toBe(false);
  expect(
    protectionBar([
      { status: "closed", service: "asylum_authority" },
      { status: "open", service: "child_protection" },
    ]),
  ).toEqual({ barred: true, openReferrals: 1 });
  // Every need has somewhere to go and a deadline.
  for (const r of Object.values(DEFAULT_PROTECTION_CONFIG.referrals)) expect(r.hours).toBeGreaterThan(0);
});

describeBothDialects("protection service", (getDb) => {
  let clock = new Date("2026-11-29T10:00:00Z");
  let service: ReturnType<typeof createProtectionService>;
  beforeAll(() => {
    service = createProtectionService(getDb(), { now: () => clock });
  });
  const key = identityKey({ ...CHILD, documents: CHILD.documents });

  it("records each need with a referral to its service and deadline, audited without the need itself", async () => {
    const r = await service.record(booth, {
      person: CHILD,
      kinds: ["unaccompanied_child", "asylum_request", "medical_need"],
      note: "Travelling alone; says her parents are in Germany.",
      purpose: "second-line interview",
    });
    expect(r.records.map((x) => x.kind)).toEqual(["unaccompanied_child", "asylum_request", "medical_need"]);
    expect(r.referrals.map((x) => [x.service, x.dueAt])).toEqual([
      ["child_protection", "2026-11-30T10:00:00.000Z"],
      ["asylum_authority", "2026-11-30T10:00:00.000Z"],
      ["medical", "2026-11-29T12:00:00.000Z"],
    ]);
    const audit = await queryAudit(getDb(), { action: "protection.record" });
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toMatch(/asylum|child|Germany|Haddad/);
  });

  it("bars adverse actions until every referral is closed", async () => {
    expect(await service.status("agency-p", { identityKey: key })).toEqual({
      barred: true,
      openReferrals: 3,
    });
    // Another agency's records do not exist for this one.
    expect((await service.status("agency-q", { identityKey: key })).barred).toBe(false);
    const { referrals } = await service.listReferrals(officer, { status: "open" });
    for (const r of referrals) {
      await service.closeReferral(officer, r.id, {
        outcome: "Taken up by the service.",
        purpose: "tracking",
      });
    }
    expect(await service.status("agency-p", { identityKey: key })).toEqual({
      barred: false,
      openReferrals: 0,
    });
    await expect(
      service.closeReferral(officer, referrals[0]!.id, {
        outcome: "Closed a second time",
        purpose: "tracking",
      }),
    ).rejects.toThrow(ConflictError);
  });

  it("flags overdue referrals", async () => {
    await service.record(booth, {
      person: { surname: "Doe" },
      kinds: ["trafficking_victim"],
      purpose: "booth",
    });
    expect((await service.listReferrals(officer, { overdue: true })).referrals).toHaveLength(0);
    clock = new Date("2026-12-01T10:00:00Z");
    const overdue = (await service.listReferrals(officer, { overdue: true })).referrals;
    expect(overdue.map((r) => [r.service, r.overdue])).toEqual([["anti_trafficking", true]]);
  });

  it("lets any officer record, but only protection roles read or close", async () => {
    await expect(service.listReferrals(booth)).rejects.toThrow(ForbiddenError);
    await expect(service.get(booth, "x", "curious")).rejects.toThrow(ForbiddenError);
    await expect(
      service.record(principal("auditor", ["auditor"]), { person: CHILD, kinds: ["other"], purpose: "x" }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("takes exactly one subject", async () => {
    await expect(service.record(booth, { kinds: ["other"], purpose: "booth" })).rejects.toThrow(InvalidError);
    await expect(
      service.record(booth, { person: CHILD, crossingId: "c", kinds: ["other"], purpose: "booth" }),
    ).rejects.toThrow(InvalidError);
  });
});
