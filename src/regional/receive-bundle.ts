// A partner's monthly bundle as its outbox delivers it, on the signed partner route: the request's
// signature proved the sender, and the bundle's own signature must hold for that sender's pinned key, so
// a partner delivers its own bundles only. A bundle kept already is answered as received again, so that a
// re-delivery (a lost reply, a retry) settles at the sender and stores nothing twice.
import type { Db } from "../db/index.js";
import type { Agreement, NodeIdentity } from "../partners/index.js";
import { ConflictError, ForbiddenError } from "../shared/errors.js";
import { storeBundle, verifiedBundle } from "./import-bundle.js";

export async function receiveBundle(
  db: Db,
  node: NodeIdentity | undefined,
  agreement: Agreement,
  input: unknown,
  now = new Date(),
) {
  const s = await verifiedBundle(db, node, input, now);
  const from = agreement.partnerNodeId;
  if (s.bundle.nodeId !== from)
    throw new ForbiddenError(`${from} may send its own bundles only`, {}, "bundle_not_sender", {
      partnerNodeId: from,
      nodeId: s.bundle.nodeId,
    });
  try {
    await storeBundle(db, s, { username: `partner:${from}` }, "regional.bundle.receive", now);
    return { origin: from, month: s.bundle.month, received: "new" as const };
  } catch (err) {
    if (err instanceof ConflictError && err.code === "bundle_exists")
      return { origin: from, month: s.bundle.month, received: "again" as const };
    throw err;
  }
}
