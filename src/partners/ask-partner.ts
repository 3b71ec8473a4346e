// Step 1 on the asking node: a second-line officer reviewing an alert asks a partner whether it knows
// the traveller (by name and birth date) or the travel document. The question goes out signed; the
// answer (hit or no-hit, a reference, a contact) is kept with the alert and shown on it. Both nodes
// audit under the same request id.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import type { Traveller } from "../travel/index.js";
import type { PartnerQuery } from "./answer-query.js";
import { type PartnerSender, partnerError } from "./client.js";
import { type Agreement, type QueryKind, refusal } from "./model.js";
import { agreementInForce, alertOfAgency, insertQuery, type QueryRow } from "./store.js";

export interface AskInput {
  alertId: string;
  partnerNodeId: string;
  purpose: string;
  kind: QueryKind;
}

export interface PartnerCheck {
  requestId: string;
  partnerNodeId: string;
  purpose: string;
  kind: string;
  answer: "hit" | "no_hit";
  reference: string;
  contact: string | null;
  askedAt: string;
}

export const checkView = (r: QueryRow): PartnerCheck => ({
  requestId: r.request_id,
  partnerNodeId: r.partner_node_id,
  purpose: r.purpose,
  kind: r.kind,
  answer: r.answer,
  reference: r.reference,
  contact: r.contact,
  askedAt: r.created_at,
});

/** What a vehicle or firearm alert declared (the alert's `traveller` holds the subject as declared). */
interface DeclaredGoods {
  plate?: { country: string; number: string } | null;
  vin?: string | null;
  serial?: string;
  make?: string | null;
}

function goodsQuestionOf(d: DeclaredGoods, kind: "vehicle" | "firearm") {
  if (kind === "firearm") {
    if (!d.serial) throw new InvalidError("kind: this alert is not about a firearm");
    return { firearm: { serial: d.serial, ...(d.make ? { make: d.make } : {}) } };
  }
  if (!d.plate && !d.vin) throw new InvalidError("kind: this alert is not about a vehicle");
  return {
    vehicle: {
      ...(d.plate ? { plateNumber: d.plate.number, plateCountry: d.plate.country } : {}),
      ...(d.vin ? { vin: d.vin } : {}),
    },
  };
}

type Question = Pick<PartnerQuery, "person" | "document" | "vehicle" | "firearm">;

function questionOf(t: Traveller, kind: QueryKind): Question {
  if (kind === "vehicle" || kind === "firearm") return goodsQuestionOf(t as unknown as DeclaredGoods, kind);
  if (kind === "person") {
    const name = `${t.givenNames} ${t.surname}`.trim();
    return { person: { name, ...(t.birthDate ? { birthDate: t.birthDate } : {}) } };
  }
  const doc = t.documents[0];
  if (!doc) throw new InvalidError("kind: this traveller has no travel document to ask about");
  return { document: { number: doc.number, ...(doc.issuingCountry ? { country: doc.issuingCountry } : {}) } };
}

async function agreementFor(db: Db, nodeId: string, now: Date, ask: { purpose: string; kind: string }) {
  const agreement = await agreementInForce(db.kysely, { nodeId });
  if (!agreement) throw new NotFoundError(`no agreement with ${nodeId}`);
  const refused = refusal(agreement, now, ask);
  if (refused)
    throw new ForbiddenError(`the agreement with ${nodeId} does not allow this: ${refused}`, {}, refused);
  return agreement;
}

/** The answer exactly as the protocol allows it, or a refusal: anything more in it is not kept. */
export function readAnswer(body: Record<string, unknown>, requestId: string) {
  const { answer, reference, contact } = body;
  if (
    (answer !== "hit" && answer !== "no_hit") ||
    typeof reference !== "string" ||
    body.requestId !== requestId
  )
    throw new ConflictError("the partner's answer does not follow the protocol", {}, "partner_protocol");
  return {
    answer,
    reference: reference.slice(0, 64),
    contact: typeof contact === "string" ? contact.slice(0, 200) : null,
  } as const;
}

export async function askPartner(
  db: Db,
  send: PartnerSender,
  p: Principal,
  input: AskInput,
  now: Date = new Date(),
): Promise<PartnerCheck> {
  if (!can(p, "partners:query")) throw new ForbiddenError("this role cannot ask partners");
  const alert = await alertOfAgency(db.kysely, input.alertId, p.agency);
  if (!alert) throw new NotFoundError(`alert ${input.alertId} not found`);
  const agreement: Agreement = await agreementFor(db, input.partnerNodeId, now, input);
  const requestId = randomUUID();
  const query: PartnerQuery = {
    requestId,
    purpose: input.purpose,
    kind: input.kind,
    ...questionOf(JSON.parse(alert.traveller) as Traveller, input.kind),
  };
  const audit = (outcome: "success" | "error", details: Record<string, unknown>) => ({
    actor: p,
    action: "partner.query.send",
    objectType: "partner_query",
    objectId: requestId,
    purpose: input.purpose,
    outcome,
    details: { alert: alert.id, partner: agreement.partnerNodeId, kind: input.kind, ...details },
  });
  const reply = await send(agreement.partnerUrl, "/queries", query);
  if (reply.status !== 200) {
    const e = partnerError(reply);
    await appendAudit(db.kysely, audit("error", { refused: e.code }), now);
    throw new ConflictError(
      `${agreement.partnerNodeId} refused the query: ${e.message}`,
      {},
      "partner_refused",
      { partnerCode: e.code },
    );
  }
  const a = readAnswer(reply.body, requestId);
  const row: QueryRow = {
    request_id: requestId,
    direction: "sent",
    agreement_id: agreement.id,
    agreement_version: agreement.version,
    partner_node_id: agreement.partnerNodeId,
    purpose: input.purpose,
    kind: input.kind,
    answer: a.answer,
    reference: a.reference,
    contact: a.contact,
    entity_ids: null,
    agency: p.agency,
    alert_id: alert.id,
    user_id: p.userId,
    created_at: now.toISOString(),
  };
  await db.kysely.transaction().execute(async (trx) => {
    await insertQuery(trx, row);
    await appendAudit(trx, audit("success", { answer: a.answer, reference: a.reference }), now);
  });
  return checkView(row);
}
