// 0018_alert_approvals (issue 15). Adverse actions and guarded clearances on alerts became approvals
// (src/alerts/decision-approval.ts): a decision still waiting for its second officer when this runs gets
// its approval row, so that it can be approved as before. It waits the default week from now. The kinds
// and the subject format are written out as they were when this migration shipped.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Dialect } from "./schema.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function alertApprovals(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const q = db as unknown as Kysely<Pick<Database, "alerts" | "alert_decisions" | "approvals">>;
  const pending = await q
    .selectFrom("alert_decisions as d")
    .innerJoin("alerts as a", "a.id", "d.alert_id")
    .select(["d.id", "d.alert_id", "d.adverse_action", "d.reason", "d.legal_basis", "d.by_user_id"])
    .select(["d.by_username", "d.at", "a.agency", "a.reference"])
    .where("d.status", "=", "pending_approval")
    .execute();
  const expires = new Date(Date.now() + WEEK_MS).toISOString();
  for (const d of pending) {
    await q
      .insertInto("approvals")
      .values({
        id: randomUUID(),
        kind: d.adverse_action ? "alert.adverse_action" : "alert.clearance",
        subject: `alert:${d.alert_id}/decision:${d.id}`,
        agency: d.agency,
        payload: JSON.stringify({ alertId: d.alert_id, decisionId: d.id, reference: d.reference }),
        reason: d.reason,
        legal_basis: d.legal_basis,
        required_permission: "alerts:review",
        proposed_by: d.by_user_id,
        proposed_by_name: d.by_username,
        proposed_at: d.at,
        expires_at: expires,
        status: "pending",
        decided_by: null,
        decided_by_name: null,
        decided_at: null,
        decision_reason: null,
      })
      .execute();
  }
}
