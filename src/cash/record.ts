// Recording cash at the post: a declaration by its carrier, or what a control found (with or without a
// declaration). Both are priced in euros from the rate table of the day. A finding of undeclared or
// under-declared cash opens an alert; any retention or seizure is proposed separately (retain.ts).
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { openSubjectAlert, type SubjectHit } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Database, Db } from "../db/index.js";
import { type GoodsRule, goodsRuleHits } from "../rules/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import {
  assessDetection,
  type CashItem,
  type DetectionFinding,
  type Priced,
  priceItems,
} from "./declaration.js";
import { cashFacts } from "./facts.js";
import type { RateTable } from "./rates.js";
import { findCashRecord, insertCashRecord } from "./store.js";

export interface CashParty {
  name: string;
  birthDate?: string;
  nationality?: string;
  documentNumber?: string;
  address?: string;
}

export interface CashInput {
  direction: "entry" | "exit";
  carrier: CashParty;
  /** The owner, when not the carrier. */
  owner?: CashParty;
  items: CashItem[];
  origin?: string;
  intendedUse?: string;
  crossingPointId?: string;
  purpose: string;
}

export interface DetectionInput extends CashInput {
  /** The carrier's declaration at this crossing, if any. */
  declarationId?: string;
  note?: string;
}

export interface CashDeps {
  db: Db;
  rates: () => RateTable;
  thresholdEur: number;
  /** Goods rules over the cash facts (cash.*); none unless the deployment configures them. */
  rules: readonly GoodsRule[];
  now: () => Date;
}

export async function declareCash(deps: CashDeps, p: Principal, input: CashInput) {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot record cash declarations");
  const now = deps.now();
  const priced = priceItems(input.items, deps.rates(), now.toISOString().slice(0, 10), deps.thresholdEur);
  const cp = await recordingPoint(deps.db.kysely, p, input.crossingPointId);
  const id = await record(deps, p, input, { kind: "declaration", priced, cp, now, finding: null });
  return { id, ...summary(priced), warnings: priced.reachesThreshold ? [] : ["below_threshold"] };
}

export async function recordDetection(deps: CashDeps, p: Principal, input: DetectionInput) {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot record cash controls");
  const now = deps.now();
  const priced = priceItems(input.items, deps.rates(), now.toISOString().slice(0, 10), deps.thresholdEur);
  const cp = await recordingPoint(deps.db.kysely, p, input.crossingPointId);
  let declared: number | null = null;
  if (input.declarationId) {
    const d = await findCashRecord(deps.db.kysely, p.agency, input.declarationId);
    if (d?.kind !== "declaration")
      throw new NotFoundError(`declarationId: cash declaration ${input.declarationId} not found`);
    declared = d.total_eur_cents;
  }
  const finding = assessDetection(priced, declared);
  const id = await record(deps, p, input, { kind: "detection", priced, cp, now, finding, declared });
  return { id, finding, ...summary(priced), declaredEurCents: declared };
}

function summary(priced: Priced) {
  return {
    totalEurCents: priced.totalEurCents,
    thresholdEur: priced.thresholdEur,
    reachesThreshold: priced.reachesThreshold,
    items: priced.items,
  };
}

async function record(
  deps: CashDeps,
  p: Principal,
  input: DetectionInput,
  r: {
    kind: "declaration" | "detection";
    priced: Priced;
    cp: string | undefined;
    now: Date;
    finding: DetectionFinding | null;
    declared?: number | null;
  },
): Promise<string> {
  if (!input.carrier.name.trim()) throw new InvalidError("carrier.name: the carrier's name is required");
  const id = randomUUID();
  const flagged = r.finding === "undeclared" || r.finding === "incomplete";
  const today = r.now.toISOString().slice(0, 10);
  const ruleHits = goodsRuleHits(deps.rules, cashFacts(r.kind, r.priced, r.finding), today);
  const data = {
    carrier: input.carrier,
    owner: input.owner ?? null,
    origin: input.origin ?? null,
    intendedUse: input.intendedUse ?? null,
    note: input.note ?? null,
    thresholdEur: r.priced.thresholdEur,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    const hits = [...(flagged ? [findingHit(r)] : []), ...ruleHits];
    const opened =
      hits.length > 0 ? await openCashAlert(trx, p, id, input.carrier.name, r, data, hits) : null;
    await insertCashRecord(
      trx,
      {
        id,
        agency: p.agency,
        user_id: p.userId,
        crossing_point_id: r.cp ?? null,
        kind: r.kind,
        direction: input.direction,
        finding: r.finding,
        declaration_id: input.declarationId ?? null,
        total_eur_cents: r.priced.totalEurCents,
        status: "recorded",
        alert_id: opened?.alertId ?? null,
        data: JSON.stringify(data),
        created_at: r.now.toISOString(),
      },
      r.priced.items,
    );
    await appendAudit(trx, {
      actor: p,
      action: r.kind === "declaration" ? "cash.declare" : "cash.detect",
      objectType: "cash_record",
      objectId: id,
      purpose: input.purpose,
      outcome: "success",
      details: {
        totalEurCents: r.priced.totalEurCents,
        ...(r.finding ? { finding: r.finding } : {}),
        ...(opened ? { alertId: opened.alertId } : {}),
      },
    });
  });
  return id;
}

type Recorded = {
  priced: Priced;
  cp: string | undefined;
  now: Date;
  finding: DetectionFinding | null;
  declared?: number | null;
};

/** Undeclared or under-declared cash, with the sums side by side. */
function findingHit(r: Recorded): SubjectHit {
  return {
    kind: r.finding === "undeclared" ? "undeclared_cash" : "incomplete_declaration",
    priority: "high",
    requestedAction:
      "Cash at or above the threshold was not (fully) declared: consider proposing its retention",
    evidence: {
      foundEurCents: r.priced.totalEurCents,
      declaredEurCents: r.declared ?? null,
      thresholdEur: r.priced.thresholdEur,
      items: r.priced.items,
    },
  };
}

/** The alert on a finding or a goods rule that fired. */
function openCashAlert(
  trx: Transaction<Database>,
  p: Principal,
  id: string,
  carrier: string,
  r: Recorded,
  data: Record<string, unknown>,
  hits: SubjectHit[],
) {
  const ctx = {
    agency: p.agency,
    source: "cash" as const,
    sourceId: id,
    reference: `C-${id.slice(0, 8).toUpperCase()}`,
    now: r.now,
    ...(r.cp ? { crossingPointId: r.cp } : {}),
  };
  return openSubjectAlert(trx, ctx, {
    kind: "cash",
    index: 0,
    key: `cash:${id}`,
    description: { label: `${carrier}: EUR ${(r.priced.totalEurCents / 100).toFixed(2)}`, ...data },
    hits,
  });
}
