// The retention job on a schedule inside the server: every `intervalMinutes` (0 = never), one run at a
// time. The first run is one interval after start, so a restart loop never hammers the database.
import type { AuditSigning } from "../audit/index.js";
import type { Db } from "../db/index.js";
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
    runRetention(db, policy, { signing })
      .then((report: RetentionReport) => log.info({ retention: report }, "retention run"))
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
