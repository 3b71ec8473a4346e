// The reviewer's view of one alert: the traveller beside the listed entities, the reasons, the clearances
// and the decisions, and the protection status; reading it is audited.
import type { Principal } from "../access/index.js";
import type { Traveller } from "../travel/index.js";
import { type Entity, getEntities } from "../watchlists/index.js";
import type { AlertReasons } from "./open.js";
import { summary } from "./queue.js";
import { decisionView, type ReviewDeps } from "./review.js";
import { auditAlert, clearancesOf, decisionsOf, loadAlert } from "./store.js";

/** The reviewer's view: traveller beside the listed entities, the reasons, clearances and decisions. */
export async function alertDetail(deps: ReviewDeps, p: Principal, id: string, purpose: string) {
  const { db, now, legalBases } = deps;
  const row = await loadAlert(db.kysely, p, id);
  const reasons = JSON.parse(row.reasons) as AlertReasons;
  const [decisions, clearances, protection, entities] = await Promise.all([
    decisionsOf(db.kysely, id),
    clearancesOf(db.kysely, p.agency, row.identity_key),
    deps.protection.status(p.agency, { identityKey: row.identity_key, alertId: id }),
    getEntities(
      db,
      reasons.matches.map((m) => m.entityId),
    ),
  ]);
  await db.kysely.transaction().execute((trx) => auditAlert(trx, p, "alert.read", id, purpose));
  const at = now().toISOString();
  return {
    ...summary(row, now()),
    traveller: JSON.parse(row.traveller) as Traveller,
    matches: reasons.matches,
    entities: Object.fromEntries(entities) as Record<string, Entity>,
    documentHits: reasons.documentHits,
    ruleHits: reasons.ruleHits,
    requestedActions: reasons.requestedActions,
    programmes: reasons.programmes,
    previouslyCleared: reasons.previouslyCleared,
    subjectHits: reasons.subjectHits ?? [],
    partnerHits: reasons.partnerHits ?? [],
    clearances: clearances.map((c) => ({
      id: c.id,
      entityId: c.entity_id,
      reason: c.reason,
      createdBy: c.created_by,
      createdAt: c.created_at,
      expiresAt: c.expires_at,
      expired: c.expires_at <= at,
    })),
    protection,
    decisions: decisions.map(decisionView),
    legalBases,
  };
}
