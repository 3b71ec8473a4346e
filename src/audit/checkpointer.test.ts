// The checkpoint schedule: one every N appends, none when nothing moved, one at shutdown; each in the
// database and in the external file.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import { appendAudit, generateKeyFiles, loadPrivateKey, startCheckpointer } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "limes-checkpointer-"));
const privateKey = loadPrivateKey(generateKeyFiles(dir, "audit").privateKeyFile);

describeBothDialects("the checkpointer", (getDb, dialect) => {
  it("signs every N appends and at shutdown, and skips a checkpoint when no chain moved", async () => {
    const db = getDb();
    const checkpointFile = join(dir, `${dialect}.jsonl`);
    const stored = async () =>
      (await db.kysely.selectFrom("audit_checkpoints").select(["seq", "kind"]).orderBy("seq").execute()).map(
        (r) => r.kind,
      );
    const append = () =>
      appendAudit(db.kysely, {
        actor: { username: "t" },
        action: "test",
        objectType: "x",
        outcome: "success",
      });
    const checkpointer = startCheckpointer(
      db,
      { privateKey, checkpointFile },
      { everyEntries: 3, everyMs: 3_600_000 },
    );
    for (let i = 0; i < 3; i++) await append();
    await expect.poll(stored, { timeout: 5000 }).toEqual(["periodic"]);
    await append();
    await checkpointer.stop();
    expect(await stored()).toEqual(["periodic", "shutdown"]);
    // The shutdown checkpoint covers all four entries (the periodic one may have run before the third
    // append committed: it is triggered by the append, inside the appending transaction).
    const lines = readFileSync(checkpointFile, "utf8").trim().split("\n");
    const covered = (line: string) =>
      (JSON.parse(line).body.chains as { seq: number }[]).reduce((n, c) => n + c.seq, 0);
    expect(lines.map((l) => JSON.parse(l).body.kind)).toEqual(["periodic", "shutdown"]);
    expect(covered(lines[1]!)).toBe(4);
    // Nothing appended since: the next stop signs nothing new.
    await startCheckpointer(db, { privateKey, checkpointFile }).stop();
    expect(await stored()).toEqual(["periodic", "shutdown"]);
  });
});
