// The monthly regional bundle (issue 16, item 6): on or after the first of a month, this node builds the
// previous month's bundle, signs it, keeps it among the regional bundles (its own, under its node id)
// and queues it in the same transaction for every partner whose active agreement has the
// `regionalBundle` term; the partner outbox delivers it with its retries. The (node, month) uniqueness
// of the kept bundles makes it once per month whatever runs it: a second tick, or a second process that
// raced this one, finds the month done and queues nothing. A month is published once some agreement asks
// for it, so a partner agreed with later in the month waits for the next one.
import type { Db } from "../db/index.js";
import { runExclusive } from "../db/index.js";
import { bundleReceivers, type NodeIdentity, queueBundle } from "../partners/index.js";
import { ConflictError } from "../shared/errors.js";
import { signedMonth } from "./export-bundle.js";
import { storeBundle } from "./import-bundle.js";
import { previousMonth } from "./model.js";
import { bundleOf } from "./store.js";

export interface Published {
  month: string;
  /** The partners it was queued for; empty when the month was done already or nobody asks for it. */
  partners: string[];
}

export async function publishMonth(db: Db, node: NodeIdentity, now = new Date()): Promise<Published> {
  const month = previousMonth(now);
  const none = { month, partners: [] };
  if ((await bundleReceivers(db.kysely)).length === 0 || (await bundleOf(db.kysely, node.nodeId, month)))
    return none;
  const signed = await signedMonth(db, node, month, now);
  let partners: string[] = [];
  try {
    await storeBundle(db, signed, { username: "system" }, "regional.bundle.publish", now, async (trx, id) => {
      partners = await queueBundle(trx, { objectId: id, payload: signed }, now);
      return { partners };
    });
  } catch (err) {
    // Another process published the month between the look and the insert.
    if (err instanceof ConflictError && err.code === "bundle_exists") return none;
    throw err;
  }
  return { month, partners };
}

/** How often the monthly run looks whether a month is due (and once at start). */
const CHECK_MS = 60 * 60_000;

/** The monthly run on a timer, once across the cluster at a time; stop() waits for a run under way. */
export function startMonthlyBundles(db: Db, node: NodeIdentity, onError: (err: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => runExclusive(db, "regional.monthly-bundle", () => publishMonth(db, node)))
      .catch(onError);
  };
  tick();
  const timer = setInterval(tick, CHECK_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
