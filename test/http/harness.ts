// The API in process over a test database: services composed as the server composes them, users built
// per test, and a call helper that signs in as one of them.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { type AccessOptions, createAccessService, type Role } from "../../src/access/index.js";
import type { AuditSigning } from "../../src/audit/index.js";
import type { Db } from "../../src/db/index.js";
import { type AppDeps, buildApp } from "../../src/http/app.js";
import type { PartnerOptions } from "../../src/partners/index.js";
import { composeServices, type Services } from "../../src/services.js";
import { createSltdIndex } from "../../src/travel/index.js";
import { importCsvList, loadLatestEntities, saveWatchlistVersion } from "../../src/watchlists/index.js";
import { REPO_ROOT } from "../support/paths.js";
import { checkReplies } from "../support/replies.js";

export const PASSWORD = "a long enough password";

/** The fictional national list shipped in data/samples: 16 entities, so the suites stay fast. */
export const NATIONAL_LIST = `${REPO_ROOT}/data/samples/national-list.csv`;

export interface TestApi {
  app: FastifyInstance;
  services: Services;
  /** Creates a user and signs them in; the token is kept under the username. */
  addUser(username: string, roles: Role[], agency?: string): Promise<string>;
  token(username: string): string;
  /** A crossing point with a fixed id (e.g. "cp-bajakovo"), so suites can name it in their entries. */
  addCrossingPoint(id: string, agency?: string): Promise<void>;
  /** A request as `username` (anonymous when undefined); a payload object is sent as JSON. */
  call(
    username: string | undefined,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: InjectOptions["payload"],
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function startTestApi(
  db: Db,
  opts: {
    access?: AccessOptions;
    uploadLimit?: number;
    bodyLimit?: number;
    rateLimit?: AppDeps["rateLimit"];
    trustProxy?: AppDeps["trustProxy"];
    auditSigning?: AuditSigning;
    /** Lists, rates and goods rules of the checks at the post. */
    atPost?: Parameters<typeof composeServices>[1]["atPost"];
    groupCommit?: Parameters<typeof composeServices>[1]["groupCommit"];
    /** This node's identity towards partners (node key), for the partner and regional exchange. */
    partners?: PartnerOptions;
  } = {},
): Promise<TestApi> {
  if ((await loadLatestEntities(db)).length === 0) {
    await saveWatchlistVersion(db, await importCsvList(NATIONAL_LIST), { actor: "system" });
  }
  const composed = composeServices(db, {
    entities: await loadLatestEntities(db),
    sltd: createSltdIndex([]),
    ...(opts.atPost ? { atPost: opts.atPost } : {}),
    ...(opts.groupCommit ? { groupCommit: opts.groupCommit } : {}),
    ...(opts.partners ? { partners: opts.partners } : {}),
  });
  const services = opts.access ? { ...composed, access: createAccessService(db, opts.access) } : composed;
  const app = await buildApp({
    ...services,
    ready: () => true,
    ...(opts.uploadLimit ? { uploadLimit: opts.uploadLimit } : {}),
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
    ...(opts.auditSigning ? { auditSigning: opts.auditSigning } : {}),
  });
  checkReplies(app);
  const tokens = new Map<string, string>();
  const token = (username: string) => {
    const t = tokens.get(username);
    if (!t) throw new Error(`no user ${username} in this test`);
    return t;
  };
  return {
    app,
    services,
    token,
    async addCrossingPoint(id, agency = "agency-a") {
      await db.kysely
        .insertInto("crossing_points")
        .values({
          id,
          code: id.toUpperCase(),
          name: id,
          kind: "land",
          country: "HR",
          agency,
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    async addUser(username, roles, agency = "agency-a") {
      await services.access.createUser("system", { username, password: PASSWORD, roles, agency });
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password: PASSWORD },
      });
      if (r.statusCode !== 200) throw new Error(`login of ${username}: ${r.statusCode} ${r.body}`);
      tokens.set(username, r.json().token);
      return r.json().token;
    },
    call(username, method, url, payload, headers = {}) {
      return app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload }),
        headers: { ...(username ? { authorization: `Bearer ${token(username)}` } : {}), ...headers },
      });
    },
  };
}
