import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import type { Principal, Role } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { createStatsService } from "./service.js";

const principal = (roles: Role[], agency = "agency-s"): Principal => ({
  userId: "u",
  username: "u",
  roles,
  agency,
  tokenId: "t",
});
const NOW = new Date("2026-11-29T15:00:00Z");

/** Builders for the rows the overview counts, each tied to its screening as the services do it. */
function rows(db: Db) {
  let n = 0;
  const screening = async (at: string, point: string | null, agency = "agency-s") => {
    const id = `s${++n}`;
    await db.kysely
      .insertInto("screening_requests")
      .values({
        id,
        agency,
        user_id: "u",
        crossing_point_id: point,
        purpose: "p",
        created_at: at,
        input: "[]",
      })
      .execute();
    return id;
  };
  return {
    screening,
    async crossing(at: string, point: string | null, decision: "refer" | "clear", agency = "agency-s") {
      const sid = await screening(at, point, agency);
      await db.kysely
        .insertInto("crossings")
        .values({
          id: `c${++n}`,
          agency,
          user_id: "u",
          screening_id: sid,
          crossing_point_id: point,
          direction: "entry",
          decision,
          data: "{}",
          created_at: at,
        })
        .execute();
      return sid;
    },
    async manifest(at: string, point: string | null, decisions: ("refer" | "clear")[]) {
      const sid = await screening(at, point);
      await db.kysely
        .insertInto("manifests")
        .values({
          id: `m${++n}`,
          agency: "agency-s",
          user_id: "u",
          screening_id: sid,
          kind: "paxlst",
          carrier: null,
          number: null,
          list_type: "passengers",
          persons: decisions.length,
          data: "{}",
          created_at: at,
        })
        .execute();
      await db.kysely
        .insertInto("screening_results")
        .values(
          decisions.map((decision, i) => ({
            request_id: sid,
            person_index: i,
            decision,
            matches: "[]",
            created_at: at,
          })),
        )
        .execute();
    },
    async alert(
      at: string,
      point: string | null,
      status: string,
      dueAt: string,
      agency = "agency-s",
      source: "crossing" | "manifest" = "crossing",
    ) {
      const id = `a${++n}`;
      await db.kysely
        .insertInto("alerts")
        .values({
          id,
          agency,
          reference: `A-${id}`,
          status: status as "open",
          priority: "standard",
          source,
          source_id: "x",
          screening_id: await screening(at, point, agency),
          person_index: 0,
          crossing_point_id: point,
          identity_key: "k",
          traveller: "{}",
          reasons: "{}",
          created_at: at,
          due_at: dueAt,
          updated_at: at,
        })
        .execute();
    },
  };
}

describeBothDialects("overview statistics", (getDb) => {
  const stats = () => createStatsService(getDb(), { now: () => NOW });

  beforeAll(async () => {
    const r = rows(getDb());
    await r.crossing("2026-11-29T08:00:00.000Z", "cp-a", "refer");
    await r.crossing("2026-11-29T09:00:00.000Z", "cp-a", "clear");
    await r.crossing("2026-11-28T23:59:59.999Z", "cp-b", "clear");
    await r.crossing("2026-11-10T12:00:00.000Z", "cp-a", "refer"); // before a 14-day window
    await r.crossing("2026-11-29T10:00:00.000Z", "cp-a", "refer", "agency-other");
    await r.manifest("2026-11-28T06:00:00.000Z", "cp-air", ["refer", "clear", "refer"]);
    // Each refer on the manifest opened an alert, since decided and closed.
    for (let i = 0; i < 2; i++) {
      await r.alert(
        "2026-11-28T06:00:00.500Z",
        "cp-air",
        "closed",
        "2026-11-28T18:00:00.000Z",
        "agency-s",
        "manifest",
      );
    }
    // Still open and past its deadline; open and not yet due; in review and past due; decided.
    await r.alert("2026-11-29T08:00:01.000Z", "cp-a", "open", "2026-11-29T12:00:00.000Z");
    await r.alert("2026-11-29T14:00:00.000Z", "cp-a", "open", "2026-11-30T14:00:00.000Z");
    await r.alert("2026-11-28T06:00:01.000Z", "cp-air", "in_review", "2026-11-28T10:00:00.000Z");
    await r.alert("2026-11-27T06:00:00.000Z", "cp-b", "confirmed", "2026-11-27T10:00:00.000Z");
    await r.alert("2026-11-29T10:00:00.000Z", "cp-a", "open", "2026-11-29T11:00:00.000Z", "agency-other");
  });

  it("counts per day and per crossing point within the caller's agency", async () => {
    const o = await stats().overview(principal(["second_line"]));
    expect([o.from, o.to]).toEqual(["2026-11-16", "2026-11-29"]);
    expect(o.daily).toHaveLength(14);
    const byDate = Object.fromEntries(o.daily.map(({ date, ...c }) => [date, c]));
    expect(byDate["2026-11-29"]).toEqual({ crossings: 2, screenings: 4, refers: 1, alertsOpened: 2 });
    // The crossing at 23:59:59.999 UTC belongs to the 28th; the manifest refers two of its three.
    expect(byDate["2026-11-28"]).toEqual({ crossings: 1, screenings: 5, refers: 2, alertsOpened: 3 });
    expect(byDate["2026-11-27"]).toEqual({ crossings: 0, screenings: 1, refers: 0, alertsOpened: 1 });
    expect(byDate["2026-11-16"]).toEqual({ crossings: 0, screenings: 0, refers: 0, alertsOpened: 0 });
    expect(o.byCrossingPoint.filter((c) => c.date === "2026-11-28")).toEqual([
      {
        date: "2026-11-28",
        crossingPointId: "cp-air",
        crossings: 0,
        screenings: 4,
        refers: 2,
        alertsOpened: 3,
      },
      {
        date: "2026-11-28",
        crossingPointId: "cp-b",
        crossings: 1,
        screenings: 1,
        refers: 0,
        alertsOpened: 0,
      },
    ]);
    expect(o.openAlerts).toBe(3);
    expect(o.overdueAlerts).toBe(2);
  });

  it("narrows the window, and shows another agency only its own", async () => {
    const one = await stats().overview(principal(["auditor"]), { days: 1 });
    expect(one.daily).toEqual([
      { date: "2026-11-29", crossings: 2, screenings: 4, refers: 1, alertsOpened: 2 },
    ]);
    const other = await stats().overview(principal(["analyst"], "agency-other"), { days: 1 });
    expect(other.daily).toEqual([
      { date: "2026-11-29", crossings: 1, screenings: 2, refers: 1, alertsOpened: 1 },
    ]);
    expect([other.openAlerts, other.overdueAlerts]).toEqual([1, 1]);
  });

  it("answers only roles that work with alerts, audit or rule statistics, over at most 90 days", async () => {
    await expect(stats().overview(principal(["first_line"]))).rejects.toThrow(ForbiddenError);
    await expect(stats().overview(principal(["protection_officer"]))).rejects.toThrow(ForbiddenError);
    await expect(stats().overview(principal(["auditor"]), { days: 0 })).rejects.toThrow(InvalidError);
    await expect(stats().overview(principal(["auditor"]), { days: 91 })).rejects.toThrow(InvalidError);
  });
});
