// Group commit (issue 18, item 6) on both dialects: crossings that arrive together are written in ONE
// transaction, each in its own savepoint. Here three crossings fill one batch and the third one's last
// audit append is made to fail: that crossing gets the error and leaves nothing behind (no screening,
// results, alert, crossing or audit entry), while the other two, in the same transaction, are stored
// and acknowledged; the audit chain still verifies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { startTestApi, type TestApi } from "../http/harness.js";
import { blockNextAuditAppend, describeBothDialects } from "../support/db.js";

describeBothDialects("group commit of crossings", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    // A batch is written once three crossings wait (or after 10 s): the three below share one.
    api = await startTestApi(getDb(), { groupCommit: { maxBatch: 3, windowMs: 10_000 } });
    await api.addCrossingPoint("cp-kapitan-andreevo");
    await api.addUser("booth", ["first_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const count = async (t: "screening_requests" | "screening_results" | "crossings" | "audit_log") =>
    Number(
      (
        await getDb()
          .kysely.selectFrom(t)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const crossing = (surname: string) =>
    api.call("booth", "POST", "/api/v1/crossings", {
      entry: {
        person: { surname, givenNames: "Elena", birthDate: "1990-05-17", nationality: "BG" },
        document: { type: "P", number: `BG${surname.length}77421`, issuingCountry: "BG" },
        direction: "entry",
        crossingPointId: "cp-kapitan-andreevo",
      },
      purpose: "entry check at the booth",
    });

  it("fails the crossing whose audit append fails, alone, and commits the others of its batch", async () => {
    const before = {
      screenings: await count("screening_requests"),
      results: await count("screening_results"),
      crossings: await count("crossings"),
      audit: await count("audit_log"),
      stats: api.services.groupCommit.stats(),
    };
    // Two appends per crossing (its screening, itself): the sixth is the third crossing's second one.
    const undo = await blockNextAuditAppend(getDb(), 6);
    const replies = await Promise.all(["Petrova", "Ivanova", "Dimitrova"].map(crossing));
    await undo();

    const stats = api.services.groupCommit.stats();
    expect(stats.batches - before.stats.batches).toBe(1);
    expect(stats.works - before.stats.works).toBe(3);
    const codes = replies.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 500]);
    const failed = replies.find((r) => r.statusCode === 500)!;
    expect(failed.json().error.code).toBe("internal");

    expect({
      screenings: await count("screening_requests"),
      results: await count("screening_results"),
      crossings: await count("crossings"),
      audit: await count("audit_log"),
    }).toEqual({
      screenings: before.screenings + 2,
      results: before.results + 2,
      crossings: before.crossings + 2,
      audit: before.audit + 4,
    });
    const stored = await getDb().kysely.selectFrom("crossings").select(["id", "screening_id"]).execute();
    for (const r of replies.filter((r) => r.statusCode === 201)) {
      expect(stored).toContainEqual({ id: r.json().id, screening_id: r.json().screeningId });
    }
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("acknowledges every crossing of a batch without a failure", async () => {
    const before = await count("crossings");
    const replies = await Promise.all(["Georgieva", "Koleva", "Stoyanova"].map(crossing));
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(await count("crossings")).toBe(before + 3);
  });
});
