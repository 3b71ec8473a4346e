// This node's regional bundle for one month, signed with its node key. Only aggregates are read, and
// every cell under the minimum is withheld before anything is signed. The export is audited.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { NodeIdentity } from "../partners/index.js";
import { ConflictError, ForbiddenError } from "../shared/errors.js";
import { buildBundle, monthBounds } from "./model.js";
import { type SignedBundle, signBundle } from "./sign.js";
import { crossingPoints, monthCounts } from "./store.js";

/** This node's bundle of the month, built from its aggregates and signed with its node key. */
export async function signedMonth(db: Db, node: NodeIdentity, month: string, now: Date) {
  const { from, to } = monthBounds(month);
  const bundle = buildBundle(
    node.nodeId,
    month,
    await crossingPoints(db.kysely),
    await monthCounts(db.kysely, from, to),
    now,
  );
  return signBundle(bundle, node.privateKey);
}

export async function exportBundle(
  db: Db,
  node: NodeIdentity | undefined,
  p: Principal,
  month: string,
  now = new Date(),
): Promise<SignedBundle> {
  if (!can(p, "partners:manage")) throw new ForbiddenError("this role cannot export regional bundles");
  if (!node)
    throw new ConflictError("this node has no identity (LIMES_NODE_ID, LIMES_NODE_KEY)", {}, "no_node");
  const signed = await signedMonth(db, node, month, now);
  const bundle = signed.bundle;
  await appendAudit(
    db.kysely,
    {
      actor: p,
      action: "regional.bundle.export",
      objectType: "regional_bundle",
      objectId: `${node.nodeId}/${month}`,
      outcome: "success",
      details: { sections: bundle.sections.length, export: randomUUID() },
    },
    now,
  );
  return signed;
}
