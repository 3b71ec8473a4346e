// Watchlists: list them, upload a new version of one (the raw request body, a multipart request of
// several files, or a zip; format and list id are query parameters), follow an import's progress, and
// search a list's entities (audited). A version past the safety limits is staged for approval.
import multipart from "@fastify/multipart";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { ConflictError } from "../../shared/errors.js";
import { SOURCE_FORMATS, type UploadFile } from "../../watchlists/index.js";
import { type AppDeps, DEFAULT_UPLOAD_LIMIT } from "../deps.js";
import { errorBody } from "../errors.js";
import { principalOf } from "../gate.js";
import { Entity } from "../replies/screening.js";
import { ErrorSchema, errorReplies, IdParams, oneOf, purpose } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";
import { ImportProgressSchema, SavedVersionSchema, WatchlistSchema } from "./watchlist-schemas.js";

/** Content types an upload may be sent as; the importer, chosen by `format`, reads the bytes. */
const UPLOAD_TYPES = [
  "application/octet-stream",
  "text/csv",
  "text/plain",
  "application/xml",
  "text/xml",
  "application/x-ndjson",
  "application/zip",
];

const UploadQuery = Type.Object(
  {
    format: oneOf(SOURCE_FORMATS, { description: "the file's format" }),
    list: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{1,40}$", description: "list id, e.g. un-sc" }),
    noAliases: Type.Optional(
      oneOf(["true", "false"], {
        description:
          "OFAC: this version really has no aliases, so sdn.csv may come without alt.csv and add.csv",
      }),
    ),
    reason: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 500,
        description: "why a version past the safety limits should go live, shown to the approving manager",
      }),
    ),
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

/** The files of a multipart upload, in the order sent; a part's file name tells OFAC's three apart. */
async function multipartFiles(req: FastifyRequest): Promise<UploadFile[]> {
  const files: UploadFile[] = [];
  for await (const part of req.parts()) {
    if (part.type === "file")
      files.push({ name: part.filename || part.fieldname, body: await part.toBuffer() });
  }
  return files;
}

function respondAsync(prefer: string | string[] | undefined): boolean {
  return [prefer ?? []].flat().some((p) => /\brespond-async\b/i.test(p));
}

type Deps = Pick<AppDeps, "watchlists" | "uploadLimit">;

function listWatchlistsRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/watchlists",
    {
      config: { permission: "watchlists:read" },
      schema: {
        tags: ["watchlists"],
        summary: "every list with its latest, live and staged version",
        response: { 200: Type.Object({ watchlists: Type.Array(WatchlistSchema) }), ...errorReplies() },
      },
    },
    async () => ({ watchlists: await deps.watchlists.list() }),
  );
}

function uploadRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/watchlists",
    {
      config: { permission: "watchlists:manage" },
      schema: {
        tags: ["watchlists"],
        summary: "import a new version of a list from the request body",
        description:
          "The body is the file (e.g. Content-Type: application/octet-stream), a zip of the files, or " +
          "multipart/form-data with one part per file. OFAC is sdn.csv, alt.csv and add.csv together; " +
          "sdn.csv alone is refused (422 `ofac_files_missing`) unless `noAliases=true`. Parsing is strict: " +
          "a malformed file, or one whose root holds no known records, is rejected whole (422) and nothing is " +
          "imported. The version is compared with the live one: within the safety limits it goes live at " +
          "once (`status: ready`) and the screening index is swapped; past one it is saved as `status: " +
          "staged` with the `approval` a second watchlist manager must give (POST /approvals/{id}/approve), " +
          "and screening keeps the live version meanwhile. With " +
          "`Prefer: respond-async` the answer is 202 at once and the import's progress (or its failure " +
          "with the reason) is at GET /watchlists/{list}; otherwise the answer waits for the new version.",
        querystring: UploadQuery,
        response: {
          201: SavedVersionSchema,
          202: Type.Object({ id: Type.String(), import: Type.Optional(ImportProgressSchema) }),
          ...errorReplies(409, 413),
          // Named, not only spread: the handler answers an empty upload with it.
          400: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const files = req.isMultipart()
        ? await multipartFiles(req)
        : Buffer.isBuffer(req.body) && req.body.length > 0
          ? [{ name: "upload", body: req.body }]
          : [];
      if (files.length === 0 || files.some((f) => f.body.length === 0)) {
        return reply
          .code(400)
          .send(
            errorBody(
              "bad_request",
              `the list file is the request body, sent as one of: ${UPLOAD_TYPES.join(", ")}, or ` +
                "multipart/form-data with one part per file",
            ),
          );
      }
      const { format, list, noAliases, reason } = req.query;
      const running = deps.watchlists.progress(list);
      if (running?.status === "parsing" || running?.status === "saving") {
        throw new ConflictError(
          `an import of ${list} is running`,
          { import: running },
          "watchlist_import_running",
          { list },
        );
      }
      // The service records its progress before its first await, so the check above cannot race.
      const job = deps.watchlists.importUpload(principalOf(req), {
        format,
        list,
        files,
        ...(noAliases === "true" ? { noAliases: true } : {}),
        ...(reason ? { reason } : {}),
      });
      if (!respondAsync(req.headers.prefer)) return reply.code(201).send(await job);
      job.catch((err: unknown) => req.log.warn({ err, list }, "watchlist import failed"));
      return reply
        .code(202)
        .header("location", `${req.url.split("?")[0]}/${list}`)
        .send({ id: list, import: deps.watchlists.progress(list) });
    },
  );
}

function oneWatchlistRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/watchlists/:id",
    {
      config: { permission: "watchlists:read" },
      schema: {
        tags: ["watchlists"],
        summary:
          "one list, its latest, live and staged version and the progress of an import this server runs",
        params: IdParams,
        response: { 200: WatchlistSchema, ...errorReplies() },
      },
    },
    async (req) => deps.watchlists.get(req.params.id),
  );
}

function searchEntitiesRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/watchlists/:id/entities/search",
    {
      config: { permission: "watchlists:read" },
      schema: {
        tags: ["watchlists"],
        summary: "search a list's entities by name (audited)",
        params: IdParams,
        body: EntitySearch,
        response: { 200: Type.Object({ entities: Type.Array(Entity) }), ...errorReplies() },
      },
    },
    async (req) => ({ entities: await deps.watchlists.search(principalOf(req), req.params.id, req.body) }),
  );
}

export const watchlistRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    // Raw bytes, parsed by the importer; encapsulated in this plugin so other routes keep the JSON limit.
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: "buffer", bodyLimit: deps.uploadLimit ?? DEFAULT_UPLOAD_LIMIT },
      (_req, body, done) => done(null, body),
    );
    await app.register(multipart, {
      limits: { fileSize: deps.uploadLimit ?? DEFAULT_UPLOAD_LIMIT, files: 3, fields: 0 },
    });
    listWatchlistsRoute(app, deps);
    uploadRoute(app, deps);
    oneWatchlistRoute(app, deps);
    searchEntitiesRoute(app, deps);
  };
