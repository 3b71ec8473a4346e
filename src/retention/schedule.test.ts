// The server's retention schedule: off at 0, and otherwise one run per interval, logged with its report.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FreshDatabase, freshDatabase } from "../../test/support/db.js";
import { type AuditSigning, generateKeyFiles, loadPrivateKey } from "../audit/index.js";
import { DEFAULT_RETENTION } from "./policy.js";
import { scheduleRetention } from "./schedule.js";

const dir = mkdtempSync(join(tmpdir(), "limes-retention-schedule-"));
const signing: AuditSigning = {
  privateKey: loadPrivateKey(generateKeyFiles(dir, "audit").privateKeyFile),
  checkpointFile: join(dir, "checkpoints.jsonl"),
};

describe("scheduleRetention", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase("sqlite");
  });
  afterAll(async () => {
    vi.useRealTimers();
    await fresh?.drop();
  });

  it("runs once per interval and logs the report; never when the interval is 0", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const log = { info: vi.fn(), error: vi.fn() };
    const off = scheduleRetention(fresh.db, { ...DEFAULT_RETENTION, intervalMinutes: 0 }, signing, log);
    const on = scheduleRetention(fresh.db, { ...DEFAULT_RETENTION, intervalMinutes: 5 }, signing, log);
    vi.advanceTimersByTime(4 * 60_000);
    expect(log.info).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(1));
    expect(log.info.mock.calls[0]![0]).toMatchObject({
      retention: { dryRun: false, screenings: { screenings: 0 } },
    });
    expect(log.info.mock.calls[0]![1]).toBe("retention run");
    on.stop();
    off.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.error).not.toHaveBeenCalled();
  });
});
