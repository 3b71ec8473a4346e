// Overview statistics for the dashboard: aggregate counts per day and crossing point, no personal data.
import { Type } from "@sinclair/typebox";
import { OVERVIEW_PERMISSIONS, type StatsService } from "../../stats/index.js";
import { principalOf } from "../gate.js";
import { errorReplies } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const OverviewQuery = Type.Object(
  {
    days: Type.Optional(
      Type.String({
        pattern: "^[0-9]{1,2}$",
        description: "how many UTC days up to today (1-90, default 14)",
      }),
    ),
  },
  { additionalProperties: false },
);

const counts = {
  crossings: Type.Integer(),
  screenings: Type.Integer(),
  refers: Type.Integer(),
  alertsOpened: Type.Integer(),
};

/** Aggregates only: nothing in it can name a traveller. */
const Overview = Type.Object({
  from: Type.String(),
  to: Type.String(),
  daily: Type.Array(Type.Object({ date: Type.String(), ...counts })),
  byCrossingPoint: Type.Array(
    Type.Object({
      date: Type.String(),
      crossingPointId: Type.Union([Type.String(), Type.Null()]),
      ...counts,
    }),
  ),
  openAlerts: Type.Integer(),
  overdueAlerts: Type.Integer(),
});

export const statsRoutes =
  (deps: { stats: StatsService }): RoutePlugin =>
  async (app) => {
    app.get(
      "/stats/overview",
      {
        config: { permission: OVERVIEW_PERMISSIONS },
        schema: {
          tags: ["stats"],
          summary:
            "crossings, screenings, refers and alerts per day and crossing point; open and overdue alerts",
          querystring: OverviewQuery,
          response: { 200: Overview, ...errorReplies() },
        },
      },
      async (req) =>
        deps.stats.overview(principalOf(req), {
          ...(req.query.days ? { days: Number(req.query.days) } : {}),
        }),
    );
  };
