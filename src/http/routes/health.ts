// Liveness and readiness, public for the orchestrator: no data, no token.
import { Type } from "@sinclair/typebox";
import { databaseAnswers } from "../../db/index.js";
import type { AppDeps } from "../deps.js";
import type { RoutePlugin } from "../type-provider.js";

const Status = Type.Object({ status: Type.String(), indexed: Type.Optional(Type.Integer()) });
const ops = { tags: ["operations"], security: [] };

export const healthRoutes =
  (deps: Pick<AppDeps, "db" | "screenings" | "ready">): RoutePlugin =>
  async (app) => {
    app.get(
      "/health",
      {
        config: { public: true },
        schema: { ...ops, summary: "the process is alive", response: { 200: Status } },
      },
      async () => ({ status: "ok" }),
    );

    app.get(
      "/ready",
      {
        config: { public: true },
        schema: {
          ...ops,
          summary: "the database answers and the watchlists are indexed",
          response: { 200: Status, 503: Status },
        },
      },
      async (_req, reply) => {
        if (!(await databaseAnswers(deps.db)))
          return reply.code(503).send({ status: "database unreachable" });
        if (!deps.ready()) return reply.code(503).send({ status: "loading" });
        return { status: "ready", indexed: deps.screenings.screener.size };
      },
    );
  };
