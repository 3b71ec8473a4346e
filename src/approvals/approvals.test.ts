// The approvals capability on both dialects: a second person with the right permission decides, with a
// reason, before expiry; the action runs in the decision's transaction, and every step is audited.
import { beforeEach, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import type { Principal, Role } from "../access/index.js";
import { queryAudit } from "../audit/index.js";
import { ConflictError, ForbiddenError } from "../shared/errors.js";
import {
  type ApprovalHandlers,
  approvalFor,
  decideApproval,
  pendingFor,
  proposeApproval,
  withdrawApprovals,
} from "./index.js";

const who = (username: string, roles: Role[], agency = "agency-p"): Principal => ({
  userId: `${username}-id`,
  username,
  roles,
  agency,
  tokenId: "t",
});
const anna = who("anna", ["watchlist_manager"]);
const bert = who("bert", ["watchlist_manager"]);
const carl = who("carl", ["second_line"]);
const dora = who("dora", ["watchlist_manager"], "agency-q");
const NOW = new Date("2026-11-30T10:00:00.000Z");
const HOUR = 60 * 60 * 1000;

describeBothDialects("approvals", (getDb) => {
  let ran: string[];
  const handlers: ApprovalHandlers = {
    "test.action": {
      async approved(trx, a) {
        ran.push(`approved ${a.subject}`);
        // The action writes in the decision's transaction: its audit row commits with the approval's.
        await trx.selectFrom("approvals").select("id").where("id", "=", a.id).executeTakeFirstOrThrow();
      },
      async rejected(_trx, a) {
        ran.push(`rejected ${a.subject}`);
      },
    },
  };
  const propose = (subject: string, opts: { agency?: string; ttlMs?: number } = {}) =>
    getDb()
      .kysely.transaction()
      .execute((trx) =>
        proposeApproval(
          trx,
          anna,
          {
            kind: "test.action",
            subject,
            payload: { n: 1 },
            reason: "removes 40% of the list",
            legalBasis: "Regulation 2026/1 art. 4",
            requiredPermission: "watchlists:manage",
            ...opts,
          },
          NOW,
        ),
      );
  const decide = (p: Principal, id: string, decision: "approve" | "reject", at = NOW) =>
    decideApproval(getDb(), handlers, p, id, { decision, reason: "checked against the feed" }, at);

  beforeEach(() => {
    ran = [];
  });

  it("lets a second manager approve, runs the action once, and audits proposal and approval", async () => {
    const a = await propose("list-a@2");
    expect((await pendingFor(getDb(), anna, NOW)).map((x) => x.id)).not.toContain(a.id);
    expect((await pendingFor(getDb(), bert, NOW)).map((x) => x.id)).toContain(a.id);
    const done = await decide(bert, a.id, "approve");
    expect(done).toMatchObject({ status: "approved", decidedBy: { username: "bert" } });
    expect(ran).toEqual(["approved list-a@2"]);
    await expect(decide(bert, a.id, "approve")).rejects.toThrow(ConflictError);
    expect(ran).toEqual(["approved list-a@2"]);
    const audit = await queryAudit(getDb(), { objectId: a.id });
    expect(audit.map((e) => [e.action, e.actor.username]).sort()).toEqual([
      ["approval.approve", "bert"],
      ["approval.propose", "anna"],
    ]);
    expect((await approvalFor(getDb(), anna, a.id, NOW)).status).toBe("approved");
  });

  it("refuses the proposer's own approval and a decider without the permission, changing nothing", async () => {
    const a = await propose("list-b@2");
    await expect(decide(anna, a.id, "approve")).rejects.toThrow(/second person/);
    await expect(decide(carl, a.id, "approve")).rejects.toThrow(ForbiddenError);
    await expect(decide(carl, a.id, "approve")).rejects.toThrow(/watchlists:manage/);
    expect(ran).toEqual([]);
    expect((await approvalFor(getDb(), anna, a.id, NOW)).status).toBe("pending");
    expect(await pendingFor(getDb(), carl, NOW)).toEqual([]);
  });

  it("refuses a decision after expiry and shows the approval as expired", async () => {
    const a = await propose("list-c@2", { ttlMs: HOUR });
    const later = new Date(NOW.getTime() + 2 * HOUR);
    await expect(decide(bert, a.id, "approve", later)).rejects.toThrow(/expired/);
    expect(ran).toEqual([]);
    expect((await pendingFor(getDb(), bert, later)).map((x) => x.id)).not.toContain(a.id);
    expect((await approvalFor(getDb(), anna, a.id, later)).status).toBe("expired");
  });

  it("keeps an agency's approval to its own agency, and records a rejection with its reason", async () => {
    const a = await propose("list-d@2", { agency: "agency-p" });
    await expect(decide(dora, a.id, "reject")).rejects.toThrow(/another agency/);
    const rejected = await decide(bert, a.id, "reject");
    expect(rejected).toMatchObject({ status: "rejected", decisionReason: "checked against the feed" });
    expect(ran).toEqual(["rejected list-d@2"]);
    const audit = await queryAudit(getDb(), { objectId: a.id, action: "approval.reject" });
    expect(audit[0]?.details).toMatchObject({ reason: "checked against the feed", proposedBy: "anna" });
  });

  it("withdraws pending approvals of a subject, which can then not be approved", async () => {
    const a = await propose("list-e@2");
    await getDb()
      .kysely.transaction()
      .execute((trx) =>
        withdrawApprovals(
          trx,
          "system",
          { kind: "test.action", subjectPrefix: "list-e@" },
          "superseded",
          NOW,
        ),
      );
    await expect(decide(bert, a.id, "approve")).rejects.toThrow(/already withdrawn/);
    expect(ran).toEqual([]);
  });
});
