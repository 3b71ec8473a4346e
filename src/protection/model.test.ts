import { expect, it } from "vitest";
import { DEFAULT_PROTECTION_CONFIG, isProtectionKind, PROTECTION_KINDS, protectionBar } from "./model.js";

it("bars only while a referral is open, and remembers an asylum request after it is decided", () => {
  expect(protectionBar([])).toEqual({ barred: false, openReferrals: 0, asylumRequested: false });
  expect(protectionBar([{ status: "closed", kind: "asylum_request" }])).toEqual({
    barred: false,
    openReferrals: 0,
    asylumRequested: true,
  });
  expect(
    protectionBar([
      { status: "closed", kind: "asylum_request" },
      { status: "open", kind: "medical_need" },
      { status: "open", kind: "separated_child" },
    ]),
  ).toEqual({ barred: true, openReferrals: 2, asylumRequested: true });
});

it("refers every need somewhere, asylum and children within a day and medical needs within hours", () => {
  const r = DEFAULT_PROTECTION_CONFIG.referrals;
  for (const kind of PROTECTION_KINDS) expect(r[kind].hours).toBeGreaterThan(0);
  expect(r.asylum_request).toEqual({ service: "asylum_authority", hours: 24 });
  expect(r.unaccompanied_child).toEqual({ service: "child_protection", hours: 24 });
  expect(r.separated_child).toEqual({ service: "child_protection", hours: 24 });
  expect(r.trafficking_victim).toEqual({ service: "anti_trafficking", hours: 24 });
  expect(r.medical_need).toEqual({ service: "medical", hours: 2 });
  expect(r.other).toEqual({ service: "social_services", hours: 72 });
});

it("knows its kinds", () => {
  expect(isProtectionKind("asylum_request")).toBe(true);
  expect(isProtectionKind("refusal_of_entry")).toBe(false);
});
