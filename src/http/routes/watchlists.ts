// Watchlists: list them, upload a new version of one (the file is the raw request body; format and list
// id are query parameters), follow an import's progress, and search a list's entities (audited).
import { Type } from "@sinclair/typebox";
import { appendAudit } from "../../audit/index.js";
import { ConflictError } from "../../shared/errors.js";
import { getWatchlist, listWatchlists, SOURCE_FORMATS, searchEntities } from "../../watchlists/index.js";
import { type AppDeps, DEFAULT_UPLOAD_LIMIT } from "../app.js";
import { errorBody } from "../errors.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

/** Content types an upload may be sent as; the importer, chosen by `format`, reads the bytes. */
const UPLOAD_TYPES = [
  "application/octet-stream",
  "text/csv",
  "text/plain",
  "application/xml",
  "text/xml",
  "application/x-ndjson",
];

const UploadQuery = Type.Object(
  {
    format: oneOf(SOURCE_FORMATS, { description: "the file's format" }),
    list: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{1,40}$", description: "list id, e.g. un-sc" }),
  },
  { additionalProperties: false },
);

// In the body, not the URL: the name searched for is often a traveller's, and URLs end up in logs.
const EntitySearch = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 100 }),
    purpose,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

function respondAsync(prefer: string | string[] | undefined): boolean {
  return [prefer ?? []].flat().some((p) => /\brespond-async\b/i.test(p));
}

export const watchlistRoutes =
  (deps: Pick<AppDeps, "db" | "watchlists" | "uploadLimit">): RoutePlugin =>
  async (app) => {
    // Raw bytes, parsed by the importer; encapsulated in this plugin so other routes keep the JSON limit.
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: "buffer", bodyLimit: deps.uploadLimit ?? DEFAULT_UPLOAD_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.get(
      "/watchlists",
      {
        config: { permission: "watchlists:read" },
        schema: {
          tags: ["watchlists"],
          summary: "every list with its latest version",
          response: errorReplies(),
        },
      },
      async () => ({ watchlists: await listWatchlists(deps.db) }),
    );

    app.post(
      "/watchlists",
      {
        config: { permission: "watchlists:manage" },
        schema: {
          tags: ["watchlists"],
          summary: "import a new version of a list from the request body",
          description:
            "The body is the file (e.g. Content-Type: application/octet-stream). Parsing is strict: a malformed " +
            "file is rejected whole with its issues (422) and nothing is imported. The import is one " +
            "transaction; the screening index is rebuilt and swapped in after it. With " +
            "`Prefer: respond-async` the answer is 202 at once and the import's progress (or its failure " +
            "with the reason) is at GET /watchlists/{list}; otherwise the answer waits for the new version.",
          querystring: UploadQuery,
          response: errorReplies(409, 413),
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          return reply
            .code(400)
            .send(
              errorBody(
                "bad_request",
                `the list file is the request body, sent as one of: ${UPLOAD_TYPES.join(", ")}`,
              ),
            );
        }
        const { format, list } = req.query;
        const running = deps.watchlists.progress(list);
        if (running?.status === "parsing" || running?.status === "saving") {
          throw new ConflictError(`an import of ${list} is running`, { import: running });
        }
        // The service records its progress before its first await, so the check above cannot race.
        const job = deps.watchlists.importUpload(principalOf(req), { format, list, body: req.body });
        if (!respondAsync(req.headers.prefer)) return reply.code(201).send(await job);
        job.catch((err: unknown) => req.log.warn({ err, list }, "watchlist import failed"));
        return reply
          .code(202)
          .header("location", `${req.url.split("?")[0]}/${list}`)
          .send({ id: list, import: deps.watchlists.progress(list) });
      },
    );

    app.get(
      "/watchlists/:id",
      {
        config: { permission: "watchlists:read" },
        schema: {
          tags: ["watchlists"],
          summary: "one list, its latest version and the progress of an import this server runs",
          params: IdParams,
          response: errorReplies(),
        },
      },
      async (req) => {
        const progress = deps.watchlists.progress(req.params.id);
        try {
          return {
            ...(await getWatchlist(deps.db, req.params.id)),
            ...(progress ? { import: progress } : {}),
          };
        } catch (err) {
          // A first import still running has no version yet: its progress is all there is to show.
          if (progress) return { id: req.params.id, versions: 0, import: progress };
          throw err;
        }
      },
    );

    app.post(
      "/watchlists/:id/entities/search",
      {
        config: { permission: "watchlists:read" },
        schema: {
          tags: ["watchlists"],
          summary: "search a list's entities by name (audited)",
          params: IdParams,
          body: EntitySearch,
          response: errorReplies(),
        },
      },
      async (req) => {
        const { q, limit, purpose } = req.body;
        const entities = await searchEntities(deps.db, req.params.id, q, limit ?? 50);
        await deps.db.kysely.transaction().execute((trx) =>
          appendAudit(trx, {
            actor: principalOf(req),
            action: "watchlist.search",
            objectType: "watchlist",
            objectId: req.params.id,
            purpose,
            outcome: "success",
            details: { q, results: entities.length },
          }),
        );
        return { entities };
      },
    );
  };
