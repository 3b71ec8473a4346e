// The retention job on a schedule inside the server: every `intervalMinutes` (0 = never), one run at a
// time. The first run is one interval after start, so a restart loop never hammers the database.
// In a centre of several processes the run is exclusive: the process that finds it taken skips the tick.
import type { AuditSigning } from "../audit/index.js";
import { type Db, runExclusive } from "../db/index.js";
import type { RetentionPolicy } from "./policy.js";
import { type RetentionReport, runRetention } from "./run.js";

export function scheduleRetention(
  db: Db,
  policy: RetentionPolicy,
  signing: AuditSigning,
  log: { info: (o: object, msg: string) => void; error: (o: object, msg: string) => void },
): { stop: () => void } {
  if (policy.intervalMinutes === 0) return { stop: () => undefined };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runExclusive(db, "retention", () => runRetention(db, policy, { signing }))
      .then((r) =>
        r.ran
          ? log.info({ retention: r.value satisfies RetentionReport }, "retention run")
          : log.info({}, "retention run skipped: another process is running it"),
      )
      .catch((err: unknown) =>
        log.error({ err }, "retention run failed; every batch before the failure stands"),
      )
      .finally(() => {
        running = false;
      });
  }, policy.intervalMinutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
