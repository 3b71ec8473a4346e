// Cursor paging with totals on the alert, rule and screening lists, on both dialects: pages of `limit`
// rows that together hold every row once in the unpaged order, the same total on every page, a null
// cursor at the end, no duplicate when rows are added between pages, and a clear 4xx for a bad limit or
// cursor.
import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

/** NL-0012 of the fictional national list in data/samples: each crossing of his opens an alert. */
const HORVAT = {
  person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
  direction: "entry",
  crossingPointId: "cp-paging",
};
const RULE = {
  name: "Document about to expire, arriving from NGLOS",
  justification:
    "Regional risk analysis links arrivals from NGLOS on near-expiry documents to impostor cases.",
  evidence: "RA-2026-014",
  reviewDate: "2099-12-31",
  priority: "high",
  action: "note",
  condition: {
    all: [
      { field: "route.origin", op: "eq", value: "NGLOS" },
      { field: "document.expiresInDays", op: "lt", value: 30 },
    ],
  },
};

interface Listed {
  id: string;
}

describeBothDialects("paging", (getDb) => {
  let api: TestApi;
  const cross = async () => {
    const r = await api.call("booth", "POST", "/api/v1/crossings", { entry: HORVAT, purpose: "entry check" });
    expect(r.statusCode, r.body).toBe(201);
  };
  /** Every page of a list, following nextCursor; checks the total on each page. */
  const allPages = async (
    user: string,
    url: string,
    key: string,
    limit: number,
    between?: () => Promise<void>,
  ) => {
    const pages: Listed[][] = [];
    let cursor: string | null = null;
    let total: number | undefined;
    do {
      const sep = url.includes("?") ? "&" : "?";
      const r = await api.call(user, "GET", `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      total ??= body.total;
      expect(body.total).toBeGreaterThanOrEqual(total!);
      expect(body[key].length).toBeLessThanOrEqual(limit);
      pages.push(body[key]);
      cursor = body.nextCursor;
      if (between && pages.length === 1) await between();
    } while (cursor);
    return { pages, total: total! };
  };

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-paging");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("booth2", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("analyst", ["analyst"]);
    for (let i = 0; i < 7; i++) await cross();
    const r = await api.call("booth2", "POST", "/api/v1/screenings", {
      person: { name: "Sara Lindqvist" },
      purpose: "entry check",
    });
    expect(r.statusCode).toBe(201);
  });

  it("pages the alert queue: every alert once, in queue order, with the total on each page", async () => {
    const whole = (await api.call("reviewer", "GET", "/api/v1/alerts?limit=200")).json();
    expect(whole.total).toBe(7);
    expect(whole.alerts).toHaveLength(7);
    expect(whole.nextCursor).toBeNull();
    const { pages } = await allPages("reviewer", "/api/v1/alerts", "alerts", 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((a) => a.id)).toEqual(whole.alerts.map((a: Listed) => a.id));
  });

  it("keeps the filter's total and skips nothing when alerts open between pages", async () => {
    const before = (await api.call("reviewer", "GET", "/api/v1/alerts?status=open")).json();
    const { pages } = await allPages("reviewer", "/api/v1/alerts?status=open", "alerts", 4, cross);
    const ids = pages.flat().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of before.alerts) expect(ids).toContain(a.id);
    expect((await api.call("reviewer", "GET", "/api/v1/alerts?status=open")).json().total).toBe(
      before.total + 1,
    );
  });

  it("pages the rules by id, newest version of each", async () => {
    const ids: string[] = [];
    for (const name of ["A", "B", "C"]) {
      const r = await api.call("analyst", "POST", "/api/v1/rules", {
        rule: { ...RULE, name: `${RULE.name} ${name}` },
      });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }
    const edit = await api.call("analyst", "PUT", `/api/v1/rules/${ids[1]}`, {
      rule: { ...RULE, name: "edited" },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const { pages, total } = await allPages("analyst", "/api/v1/rules", "rules", 2);
    expect(total).toBe(3);
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    const rules = pages.flat() as (Listed & { version: number; name: string })[];
    expect(rules.map((r) => r.id)).toEqual([...ids].sort());
    expect(rules.find((r) => r.id === ids[1])).toMatchObject({ version: 2, name: "edited" });
  });

  it("lists screenings newest first; the booth sees only its own", async () => {
    const { pages, total } = await allPages("reviewer", "/api/v1/screenings", "screenings", 5);
    expect(total).toBe(9); // 8 crossings and booth2's screening
    const rows = pages.flat() as (Listed & { createdAt: string; persons: number; refers: number })[];
    expect(rows).toHaveLength(9);
    const times = rows.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(rows.filter((r) => r.refers === 1)).toHaveLength(8);
    const own = (await api.call("booth2", "GET", "/api/v1/screenings")).json();
    expect(own).toMatchObject({ total: 1, nextCursor: null });
    expect(own.screenings[0]).toMatchObject({ persons: 1, refers: 0 });
    expect(JSON.stringify(own)).not.toContain("Lindqvist");
  });

  it("refuses a limit over the maximum, a zero limit and a cursor that is not one of the list's", async () => {
    const status = async (url: string) => {
      const r = await api.call("reviewer", "GET", url);
      return [r.statusCode, r.json().error?.code];
    };
    expect(await status("/api/v1/alerts?limit=201")).toEqual([422, "page_limit"]);
    expect(await status("/api/v1/alerts?limit=0")).toEqual([400, "bad_request"]);
    expect(await status("/api/v1/alerts?cursor=not-a-cursor")).toEqual([422, "bad_cursor"]);
    expect(await status("/api/v1/alerts?cursor=a%2Fb")).toEqual([400, "bad_request"]);
    // A screenings cursor has two keys; the alert queue sorts by three.
    const next = (await api.call("reviewer", "GET", "/api/v1/screenings?limit=1")).json().nextCursor;
    expect(await status(`/api/v1/alerts?cursor=${next}`)).toEqual([422, "bad_cursor"]);
  });
});
