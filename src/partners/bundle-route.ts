// The monthly regional bundle to the partners whose agreement has the `regionalBundle` term (issue 16,
// item 6). The bundle is opaque here: src/regional builds and signs it and hands it over to be queued, in
// its own transaction, for every such partner; the outbox sends it with its retries to the partner's
// signed route, which checks the bundle's own signature and imports it. A partner that has it already
// answers 200 again, so a re-delivery settles; an agreement that lost the term or its force gives it up.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import { enqueue, type RouteHandling, retryTransient } from "./outbox.js";
import { activeAgreements } from "./store.js";

export const BUNDLE_ROUTE = "/regional-bundles";

export const bundleRoute: RouteHandling = {
  action: "regional.bundle.send",
  objectType: "regional_bundle",
  refused: (agreement) => (agreement.regionalBundle ? undefined : "no regionalBundle term"),
  // A partner's clock, its limits and its outages pass; a refusal of the bundle itself does not.
  verdict: retryTransient,
};

/** The partners whose active agreement has the term, each once. */
export async function bundleReceivers(q: Kysely<Database> | Transaction<Database>): Promise<string[]> {
  const agreements = (await activeAgreements(q)).filter((a) => a.regionalBundle);
  return [...new Set(agreements.map((a) => a.partnerNodeId))].sort();
}

/**
 * Queues a signed bundle for every partner whose active agreement has the term, in the caller's
 * transaction; the partners it was queued for. Whether the agreement is in force is checked at each
 * attempt, as for every message of the outbox.
 */
export async function queueBundle(
  trx: Transaction<Database>,
  bundle: { objectId: string; payload: unknown },
  now: Date,
): Promise<string[]> {
  const partners = await bundleReceivers(trx);
  for (const partnerNodeId of partners)
    await enqueue(trx, { partnerNodeId, route: BUNDLE_ROUTE, ...bundle }, now);
  return partners;
}
