// 0009_safeguards binds the protection records already on file, so the bar follows their person at once.
import { Migrator } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { personKey } from "../travel/index.js";
import { migrate } from "./connect.js";
import { migrationProvider } from "./migrations.js";

forEachDialect("migration 0009_safeguards", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("binds an existing protection record to its identity, person, alert and crossing", async () => {
    const { db } = fresh;
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect) });
    expect((await migrator.migrateTo("0003_review")).error).toBeUndefined();
    const person = { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", documents: [] };
    await db.kysely
      .insertInto("protection_records")
      .values({
        id: "rec-1",
        agency: "a",
        identity_key: "idkey",
        person: JSON.stringify(person),
        kind: "asylum_request",
        note: null,
        alert_id: "alert-1",
        crossing_id: "crossing-1",
        created_by: "booth",
        created_at: "2026-01-01T00:00:00.000Z",
      })
      .execute();
    expect((await migrate(db)).applied).toContain("0009_safeguards");
    const bindings = await db.kysely
      .selectFrom("protection_bindings")
      .select(["kind", "value"])
      .where("record_id", "=", "rec-1")
      .orderBy("kind")
      .execute();
    expect(bindings).toEqual([
      { kind: "alert", value: "alert-1" },
      { kind: "crossing", value: "crossing-1" },
      { kind: "identity", value: "idkey" },
      { kind: "person", value: personKey(person) },
    ]);
  });
});
