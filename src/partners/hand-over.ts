// The hand-over of an alert to another agency of the same deployment (border police → customs →
// police): a second-line officer shares it with a reason, read-only or for action. The other agency sees
// a snapshot of the alert in its hand-over queue; both agencies' audit trails record it (each entry
// carries its agency, so each agency's auditors see their side).
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { agencyExists, alertOfAgency, handOversToAgency, insertHandOver } from "./store.js";

export interface HandOverInput {
  agency: string;
  mode: "read" | "action";
  reason: string;
}

export interface HandOver {
  id: string;
  alertId: string;
  fromAgency: string;
  toAgency: string;
  mode: "read" | "action";
  reason: string;
  alert: { reference: string; priority: string; status: string; reasons: unknown; traveller: unknown };
  createdBy: string;
  createdAt: string;
}

export async function handOverAlert(
  db: Db,
  p: Principal,
  alertId: string,
  input: HandOverInput,
  now = new Date(),
) {
  if (!can(p, "alerts:review")) throw new ForbiddenError("this role cannot hand alerts over");
  const to = input.agency.trim();
  if (!to || to === p.agency) throw new InvalidError("agency: another agency of this deployment");
  if (input.reason.trim().length < 3) throw new InvalidError("reason: say why the alert is handed over");
  return db.kysely.transaction().execute(async (trx) => {
    const alert = await alertOfAgency(trx, alertId, p.agency);
    if (!alert) throw new NotFoundError(`alert ${alertId} not found`);
    if (!(await agencyExists(trx, to)))
      throw new InvalidError(`agency: no agency "${to}" in this deployment`);
    const h: HandOver = {
      id: randomUUID(),
      alertId,
      fromAgency: p.agency,
      toAgency: to,
      mode: input.mode,
      reason: input.reason.trim(),
      alert: {
        reference: alert.reference,
        priority: alert.priority,
        status: alert.status,
        reasons: JSON.parse(alert.reasons),
        traveller: JSON.parse(alert.traveller),
      },
      createdBy: p.username,
      createdAt: now.toISOString(),
    };
    await insertHandOver(trx, {
      id: h.id,
      alert_id: alertId,
      from_agency: h.fromAgency,
      to_agency: to,
      mode: h.mode,
      reason: h.reason,
      snapshot: JSON.stringify(h.alert),
      created_by: p.username,
      created_at: h.createdAt,
    });
    const details = { alert: alertId, from: h.fromAgency, to, mode: h.mode, reason: h.reason };
    await appendAudit(
      trx,
      {
        actor: p,
        action: "alert.hand-over",
        objectType: "alert_hand_over",
        objectId: h.id,
        outcome: "success",
        details,
      },
      now,
    );
    await appendAudit(
      trx,
      {
        actor: { agency: to },
        action: "alert.hand-over.receive",
        objectType: "alert_hand_over",
        objectId: h.id,
        outcome: "success",
        details,
      },
      now,
    );
    return h;
  });
}

/** The hand-over queue of the caller's agency, newest first; reading it is audited (it holds personal data). */
export async function handOversTo(db: Db, p: Principal, purpose: string): Promise<HandOver[]> {
  if (!can(p, "alerts:review")) throw new ForbiddenError("this role cannot see handed-over alerts");
  const rows = await handOversToAgency(db.kysely, p.agency, 200);
  await appendAudit(db.kysely, {
    actor: p,
    action: "alert_hand_over.read",
    objectType: "alert_hand_over",
    purpose,
    outcome: "success",
    details: { count: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    alertId: r.alert_id,
    fromAgency: r.from_agency,
    toAgency: r.to_agency,
    mode: r.mode,
    reason: r.reason,
    alert: JSON.parse(r.snapshot) as HandOver["alert"],
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}
