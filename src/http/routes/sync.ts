// Remote posts (issue 18): the sync status a booth shows (role, link, age of its lists), and for the
// centre which post runs which list version and whether the posts' audit chains verify.
import { Type } from "@sinclair/typebox";
import type { Db } from "../../db/index.js";
import { type SyncRuntime, syncStatus, verifyPostChains } from "../../sync/index.js";
import { errorReplies } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

export interface SyncDeps {
  db: Db;
  /** Absent until the sync started, and on a process without LIMES_NATS_URL. */
  sync?: { runtime(): SyncRuntime | undefined; listWarnHours: number };
}

const ListVersion = Type.Object({
  list: Type.String(),
  version: Type.Integer(),
  sha256: Type.String(),
});
const Status = Type.Object({
  role: Type.Union([Type.Literal("centre"), Type.Literal("post")]),
  post: Type.Optional(Type.String()),
  connected: Type.Optional(Type.Boolean()),
  lists: Type.Array(Type.Composite([ListVersion, Type.Object({ confirmedAt: Type.String() })])),
  age: Type.Optional(
    Type.Object({
      oldestReceivedAt: Type.Optional(Type.String()),
      ageSeconds: Type.Optional(Type.Integer()),
      warnAfterHours: Type.Integer(),
      warning: Type.Boolean(),
    }),
  ),
});
const Posts = Type.Object({
  posts: Type.Array(
    Type.Object({
      post: Type.String(),
      reportedAt: Type.String(),
      lists: Type.Array(Type.Composite([ListVersion, Type.Object({ receivedAt: Type.String() })])),
    }),
  ),
});
const Chains = Type.Object({
  chains: Type.Array(
    Type.Object({
      origin: Type.String(),
      chain: Type.Integer(),
      entries: Type.Integer(),
      headHash: Type.String(),
      break: Type.Optional(Type.Object({ id: Type.Integer(), reason: Type.String() })),
    }),
  ),
});

export const syncRoutes =
  (deps: SyncDeps): RoutePlugin =>
  async (app) => {
    app.get(
      "/sync/status",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["sync"],
          summary: "this process's role, its link to the centre and the age of its lists",
          response: { 200: Status, ...errorReplies() },
        },
      },
      async () => syncStatus(deps.db, deps.sync?.runtime(), deps.sync?.listWarnHours ?? 24),
    );

    app.get(
      "/sync/posts",
      {
        config: { permission: "watchlists:read" },
        schema: {
          tags: ["sync"],
          summary: "centre: which list versions each post acknowledged running",
          response: { 200: Posts, ...errorReplies() },
        },
      },
      async () => ({ posts: (await deps.sync?.runtime()?.posts()) ?? [] }),
    );

    app.get(
      "/sync/audit",
      {
        config: { permission: "audit:read" },
        schema: {
          tags: ["sync"],
          summary: "centre: the posts' audit chains as ingested, each verified from its first entry",
          response: { 200: Chains, ...errorReplies() },
        },
      },
      async () => ({ chains: await verifyPostChains(deps.db) }),
    );
  };
