// The rejection log writes refused partner requests one by one up to its rate, then one tally per minute,
// so that a flood of forged requests cannot flood the audit log.
import { expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import { queryAudit } from "../audit/index.js";
import { createRejectionLog } from "./rejections.js";

describeBothDialects("partner rejection log", (getDb) => {
  it("writes the first N a minute, then tallies the rest by reason", async () => {
    let now = new Date("2026-12-01T10:00:05Z");
    const log = createRejectionLog(getDb(), { perMinute: 5, now: () => now });
    const flood = (code: string) =>
      log.record({ code, status: 401, path: "/partner/v1/queries", ip: "203.0.113.9" });
    for (let i = 0; i < 12; i++) await flood(i % 3 === 0 ? "replay" : "unknown_key");
    expect(await queryAudit(getDb(), { action: "partner.rejected" })).toHaveLength(5);
    now = new Date("2026-12-01T10:01:01Z");
    await flood("bad_signature");
    const entries = await queryAudit(getDb(), { action: "partner.rejected" });
    // 5 one by one, the tally of the 7 others, and the first of the new minute.
    expect(entries).toHaveLength(7);
    const tally = entries.find((e) => e.details?.tallied);
    expect(tally?.details).toEqual({
      minute: "2026-12-01T10:00:00.000Z",
      tallied: { replay: 2, unknown_key: 5 },
      total: 7,
    });
    expect(entries[0]?.details).toMatchObject({ code: "bad_signature", ip: "203.0.113.9" });
  });
});
