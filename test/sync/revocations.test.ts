// Revocation across centre processes (issue 18, item 6): two API instances on one PostgreSQL database,
// each with its own principal cache (30 s) and the revocation bus on the real NATS server. A token
// signed out on A is refused by B well within its cache lifetime; a third instance without the bus
// still serves it from its cache, which shows what the bus adds (and that the check can fail).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRevocationBus } from "../../src/sync/index.js";
import { startTestApi, type TestApi } from "../http/harness.js";
import { type FreshDatabase, freshDatabase } from "../support/db.js";
import { describeWithService, service } from "../support/services.js";

describeWithService("nats", "revocations on the NATS bus", () => {
  describeWithService("pg", "two centre instances on one PostgreSQL database", () => {
    let fresh: FreshDatabase;
    let a: TestApi;
    let b: TestApi;
    let lone: TestApi;
    const buses: { stop(): Promise<void> }[] = [];
    const errors: unknown[] = [];

    beforeAll(async () => {
      fresh = await freshDatabase("postgres");
      const cached = { access: { principalCacheSeconds: 30 } };
      [a, b, lone] = [
        await startTestApi(fresh.db, cached),
        await startTestApi(fresh.db, cached),
        await startTestApi(fresh.db, cached),
      ];
      for (const api of [a, b]) {
        const bus = startRevocationBus(service("nats").url!, api.services.access, (e) => errors.push(e));
        buses.push(bus);
        await bus.ready;
      }
    });
    afterAll(async () => {
      for (const bus of buses) await bus.stop();
      for (const api of [a, b, lone]) await api?.app.close();
      await fresh?.drop();
    });

    const me = (api: TestApi, token: string) =>
      api.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { authorization: `Bearer ${token}` },
      });

    it("a token signed out on one instance is refused on the other at once, not after the cache lifetime", async () => {
      const token = await a.addUser("booth.one", ["first_line"]);
      for (const api of [a, b, lone]) expect((await me(api, token)).statusCode).toBe(200);
      expect(b.services.access.cachedPrincipals()).toBeGreaterThan(0);

      const out = await a.app.inject({
        method: "POST",
        url: "/api/v1/auth/logout",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(out.statusCode).toBe(204);
      expect((await me(a, token)).statusCode).toBe(401);
      // The bus is asynchronous: B may answer once more from memory, but within a second, not 30.
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < 3000) {
        status = (await me(b, token)).statusCode;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
      expect(Date.now() - started).toBeLessThan(3000);
      // Without the bus, the cached principal is still served: only the lifetime bounds it there.
      expect((await me(lone, token)).statusCode).toBe(200);
      expect(errors).toEqual([]);
    });

    it("disabling a user on one instance ends every token of theirs on the other", async () => {
      const admin = await a.addUser("chief", ["admin"]);
      const token = await b.addUser("booth.two", ["first_line"]);
      expect((await me(b, token)).statusCode).toBe(200);
      const id = (
        await fresh.db.kysely
          .selectFrom("users")
          .select("id")
          .where("username", "=", "booth.two")
          .executeTakeFirstOrThrow()
      ).id;
      const r = await a.app.inject({
        method: "POST",
        url: `/api/v1/users/${id}/disable`,
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(r.statusCode).toBe(204);
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < 3000) {
        status = (await me(b, token)).statusCode;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
    });
  });
});
