// Audit entries at a bounded write rate, for events an unauthenticated caller can cause (failed logins,
// refused partner requests). Within each minute the first `perMinute` events are written one by one; past
// that they are folded into tallies per key, and each tally is written as one entry when the minute is
// over. So a flood cannot fill the audit log (or the database with it), and every event is still counted.
// Bounded per process.
import type { Db } from "../db/index.js";
import { type AuditEntryInput, appendAudit } from "./log.js";

const MINUTE = 60_000;

export interface BoundedAuditOptions<T, A> {
  perMinute: number;
  now: () => Date;
  /** The entry of one event written on its own. */
  entry: (event: T) => AuditEntryInput;
  /** Which tally an event past the limit joins. */
  key: (event: T) => string;
  /** Adds an event to its tally (undefined for the first one). */
  fold: (tally: A | undefined, event: T) => A;
  /** The one entry a tally becomes, with the minute it covers (ISO). */
  summary: (key: string, tally: A, minute: string) => AuditEntryInput;
}

export function createBoundedAudit<T, A>(db: Db, opts: BoundedAuditOptions<T, A>) {
  let minute = -1;
  let written = 0;
  let tallies = new Map<string, A>();
  let timer: NodeJS.Timeout | undefined;
  const audit = (entry: AuditEntryInput) =>
    db.kysely.transaction().execute((trx) => appendAudit(trx, entry, opts.now()));

  async function flush(): Promise<void> {
    const done = tallies;
    const at = new Date(minute * MINUTE).toISOString();
    tallies = new Map();
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const [key, tally] of done) await audit(opts.summary(key, tally, at));
  }

  return {
    flush,
    async record(event: T): Promise<void> {
      const m = Math.floor(opts.now().getTime() / MINUTE);
      if (m !== minute) {
        if (tallies.size) await flush();
        minute = m;
        written = 0;
      }
      if (written < opts.perMinute) {
        written++;
        await audit(opts.entry(event));
        return;
      }
      const key = opts.key(event);
      tallies.set(key, opts.fold(tallies.get(key), event));
      // A flood that stops still gets its tally written, a minute later at most; unref'd so it never keeps
      // a process alive. Nowhere to report a failure from a timer: the next event writes the tally again.
      timer ??= setTimeout(() => {
        flush().catch(() => {});
      }, MINUTE).unref();
    },
  };
}
