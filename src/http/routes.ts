// Route table. Handlers are thin: validate (schema), authorise (config.permission), call a service.
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { isRole, ROLES, type Role } from "../access/index.js";
import { appendAudit, queryAudit, verifyAuditChain } from "../audit/index.js";
import { MAX_BATCH } from "../screenings/index.js";
import {
  getWatchlist,
  isSourceFormat,
  listWatchlists,
  SOURCE_FORMATS,
  searchEntities,
} from "../watchlists/index.js";
import type { AppDeps } from "./app.js";

const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }),
});

const Person = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    firstName: Type.Optional(Type.String({ maxLength: 200 })),
    middleName: Type.Optional(Type.String({ maxLength: 200 })),
    lastName: Type.Optional(Type.String({ maxLength: 200 })),
    otherNames: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
    schema: Type.Optional(
      Type.Union([
        Type.Literal("person"),
        Type.Literal("organization"),
        Type.Literal("vessel"),
        Type.Literal("aircraft"),
      ]),
    ),
    gender: Type.Optional(Type.Union([Type.Literal("male"), Type.Literal("female"), Type.Literal("other")])),
    birthDate: Type.Optional(Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" })),
    nationalities: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 60 }), { maxItems: 10 })),
    placeOfBirth: Type.Optional(Type.String({ maxLength: 300 })),
    documents: Type.Optional(
      Type.Array(
        Type.Object(
          {
            number: Type.String({ minLength: 1, maxLength: 64 }),
            country: Type.Optional(Type.String({ maxLength: 60 })),
            type: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
  },
  { additionalProperties: false },
);

const ScreeningBody = Type.Object(
  {
    person: Type.Optional(Person),
    persons: Type.Optional(Type.Array(Person, { minItems: 1, maxItems: MAX_BATCH })),
    purpose: Type.String({
      minLength: 3,
      maxLength: 200,
      description: "why this personal data is processed (audited)",
    }),
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const Purpose = Type.Object(
  { purpose: Type.String({ minLength: 3, maxLength: 200 }) },
  { additionalProperties: false },
);

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64 }),
    password: Type.String({ minLength: 12, maxLength: 256 }),
    roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), { minItems: 1, maxItems: ROLES.length }),
    agency: Type.String({ minLength: 1, maxLength: 100 }),
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const NewCrossingPoint = Type.Object(
  {
    code: Type.String({ pattern: "^[A-Z0-9-]{2,20}$" }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Union([Type.Literal("land"), Type.Literal("air"), Type.Literal("sea")]),
    country: Type.String({ minLength: 2, maxLength: 60 }),
  },
  { additionalProperties: false },
);

const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    objectType: Type.Optional(Type.String({ maxLength: 64 })),
    objectId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    limit: Type.Optional(Type.String({ pattern: "^[0-9]{1,4}$" })),
    offset: Type.Optional(Type.String({ pattern: "^[0-9]{1,7}$" })),
  },
  { additionalProperties: false },
);

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const CrossingBody = Type.Object(
  {
    mrz: Type.Optional(
      Type.String({
        minLength: 40,
        maxLength: 200,
        description: "the MRZ lines as read, any whitespace between lines",
      }),
    ),
    entry: Type.Optional(
      Type.Unknown({
        description: "manual entry: { person, document?, vehiclePlate?, direction, crossingPointId }",
      }),
    ),
    direction: Type.Optional(Type.Union([Type.Literal("entry"), Type.Literal("exit")])),
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
    purpose: Type.String({ minLength: 3, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const UploadQuery = Type.Object(
  {
    format: Type.String({ maxLength: 20 }),
    list: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{1,40}$", description: "list id, e.g. un-sc" }),
  },
  { additionalProperties: false },
);

const EntitySearch = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 100 }),
    purpose: Type.String({ minLength: 3, maxLength: 200 }),
    limit: Type.Optional(Type.String({ pattern: "^[0-9]{1,3}$" })),
  },
  { additionalProperties: false },
);

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema };

export function registerRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get("/health", { config: { public: true }, schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/ready", { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.kysely.selectFrom("audit_head").select("id").executeTakeFirst();
    } catch {
      return reply.code(503).send({ status: "database unreachable" });
    }
    if (!deps.ready()) return reply.code(503).send({ status: "loading" });
    return { status: "ready", indexed: deps.screenings.screener.size };
  });

  app.post<{ Body: Static<typeof LoginBody> }>(
    "/api/v1/auth/login",
    {
      config: { public: true },
      schema: { body: LoginBody, security: [], response: { 401: ErrorSchema, 429: ErrorSchema } },
    },
    async (req) => {
      const { token, expiresAt, principal } = await deps.access.login(req.body.username, req.body.password, {
        ip: req.ip,
      });
      return {
        token,
        expiresAt,
        user: { username: principal.username, roles: principal.roles, agency: principal.agency },
      };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { config: { anyUser: true }, schema: { response: { ...errors, 204: Type.Null() } } },
    async (req, reply) => {
      await deps.access.logout(req.principal!);
      return reply.code(204).send();
    },
  );

  app.post<{ Body: Static<typeof ScreeningBody> }>(
    "/api/v1/screenings",
    { config: { permission: "screen" }, schema: { body: ScreeningBody, response: errors } },
    async (req, reply) => {
      const { person, persons, purpose, crossingPointId } = req.body;
      if ((person ? 1 : 0) + (persons ? 1 : 0) !== 1) {
        return reply
          .code(400)
          .send({ error: { code: "bad_request", message: "give either person or persons", details: {} } });
      }
      const list = persons ?? [person!];
      const nameless = list.findIndex((p) => !p.name && !p.firstName && !p.lastName);
      if (nameless >= 0) {
        return reply.code(422).send({
          error: {
            code: "invalid",
            message: `person ${nameless + 1} has no name`,
            details: { index: nameless },
          },
        });
      }
      const record = await deps.screenings.screen(req.principal!, {
        persons: list,
        purpose,
        ...(crossingPointId ? { crossingPointId } : {}),
      });
      return reply.code(201).send(record);
    },
  );

  app.get<{ Params: Static<typeof Id>; Querystring: Static<typeof Purpose> }>(
    "/api/v1/screenings/:id",
    {
      config: { permission: ["screening:read", "screen"] },
      schema: { params: Id, querystring: Purpose, response: errors },
    },
    async (req) => deps.screenings.get(req.principal!, req.params.id, req.query.purpose),
  );

  app.get(
    "/api/v1/watchlists",
    { config: { permission: "watchlists:read" }, schema: { response: errors } },
    async () => ({
      watchlists: await listWatchlists(deps.db),
    }),
  );

  // The file is the body (raw bytes); format and list id are query parameters. Parsing is strict: a
  // malformed file is rejected whole with its issues (422) and nothing is imported.
  app.addContentTypeParser(
    [
      "application/octet-stream",
      "text/csv",
      "text/plain",
      "application/xml",
      "text/xml",
      "application/x-ndjson",
    ],
    { parseAs: "buffer", bodyLimit: deps.uploadLimit ?? 64 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  app.post<{ Querystring: Static<typeof UploadQuery>; Body: Buffer }>(
    "/api/v1/watchlists",
    {
      config: { permission: "watchlists:manage" },
      schema: { querystring: UploadQuery, response: { ...errors, 413: ErrorSchema } },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        return reply.code(400).send({
          error: {
            code: "bad_request",
            message: "the list file is the request body (e.g. Content-Type: application/octet-stream)",
            details: {},
          },
        });
      }
      if (!isSourceFormat(req.query.format)) {
        return reply.code(422).send({
          error: {
            code: "invalid",
            message: `unknown format "${req.query.format}"`,
            details: { formats: SOURCE_FORMATS },
          },
        });
      }
      const saved = await deps.watchlists.importUpload(req.principal!, {
        format: req.query.format,
        list: req.query.list,
        body: req.body,
      });
      return reply.code(201).send(saved);
    },
  );

  app.get<{ Params: Static<typeof Id> }>(
    "/api/v1/watchlists/:id",
    { config: { permission: "watchlists:read" }, schema: { params: Id, response: errors } },
    async (req) => {
      const progress = deps.watchlists.progress(req.params.id);
      try {
        return { ...(await getWatchlist(deps.db, req.params.id)), ...(progress ? { import: progress } : {}) };
      } catch (err) {
        // A first import still running has no version yet: its progress is all there is to show.
        if (progress) return { id: req.params.id, versions: 0, import: progress };
        throw err;
      }
    },
  );

  app.get<{ Params: Static<typeof Id>; Querystring: Static<typeof EntitySearch> }>(
    "/api/v1/watchlists/:id/entities",
    {
      config: { permission: "watchlists:read" },
      schema: { params: Id, querystring: EntitySearch, response: errors },
    },
    async (req) => {
      const entities = await searchEntities(
        deps.db,
        req.params.id,
        req.query.q,
        req.query.limit ? Number(req.query.limit) : 50,
      );
      await deps.db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: req.principal!,
          action: "watchlist.search",
          objectType: "watchlist",
          objectId: req.params.id,
          purpose: req.query.purpose,
          outcome: "success",
          details: { q: req.query.q, results: entities.length },
        }),
      );
      return { entities };
    },
  );

  app.post<{ Body: Static<typeof CrossingBody> }>(
    "/api/v1/crossings",
    { config: { permission: "screen" }, schema: { body: CrossingBody, response: errors } },
    async (req, reply) => {
      const { purpose, mrz, entry, direction, crossingPointId } = req.body;
      const crossing = await deps.crossings.recordCrossing(req.principal!, {
        purpose,
        ...(mrz ? { mrz } : {}),
        ...(entry !== undefined ? { entry } : {}),
        ...(direction ? { direction } : {}),
        ...(crossingPointId ? { crossingPointId } : {}),
      });
      return reply.code(201).send(crossing);
    },
  );

  // The body is the PAXLST message or the FAL form (CSV) as received.
  app.post<{ Querystring: Static<typeof Purpose>; Body: Buffer }>(
    "/api/v1/manifests",
    { config: { permission: "screen" }, schema: { querystring: Purpose, response: errors } },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        return reply.code(400).send({
          error: {
            code: "bad_request",
            message: "the manifest file is the request body (Content-Type: text/plain)",
            details: {},
          },
        });
      }
      return reply
        .code(201)
        .send(
          await deps.crossings.screenManifest(req.principal!, req.body.toString("utf8"), req.query.purpose),
        );
    },
  );

  app.get<{ Params: Static<typeof Id>; Querystring: Static<typeof Purpose> }>(
    "/api/v1/manifests/:id",
    {
      config: { permission: ["screen", "screening:read"] },
      schema: { params: Id, querystring: Purpose, response: errors },
    },
    async (req) => deps.crossings.getManifest(req.principal!, req.params.id, req.query.purpose),
  );

  app.get(
    "/api/v1/crossing-points",
    { config: { permission: "crossing_points:read" }, schema: { response: errors } },
    async (req) => ({
      crossingPoints: await deps.crossingPoints.list(req.principal!),
    }),
  );

  app.post<{ Body: Static<typeof NewCrossingPoint> }>(
    "/api/v1/crossing-points",
    {
      config: { permission: "crossing_points:manage" },
      schema: { body: NewCrossingPoint, response: { ...errors, 409: ErrorSchema } },
    },
    async (req, reply) => reply.code(201).send(await deps.crossingPoints.create(req.principal!, req.body)),
  );

  app.get(
    "/api/v1/users",
    { config: { permission: "users:manage" }, schema: { response: errors } },
    async (req) => ({
      users: await deps.access.listUsers(req.principal!),
    }),
  );

  app.post<{ Body: Static<typeof NewUserBody> }>(
    "/api/v1/users",
    {
      config: { permission: "users:manage" },
      schema: { body: NewUserBody, response: { ...errors, 409: ErrorSchema } },
    },
    async (req, reply) => {
      const roles = req.body.roles.filter(isRole) as Role[];
      const { id } = await deps.access.createUser(req.principal!, { ...req.body, roles });
      return reply.code(201).send({ id, username: req.body.username, roles, agency: req.body.agency });
    },
  );

  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    "/api/v1/audit",
    { config: { permission: "audit:read" }, schema: { querystring: AuditQuery, response: errors } },
    async (req) => {
      const { limit, offset, ...rest } = req.query;
      // An auditor oversees their own agency: the scoping is in the query, as for every other read.
      return {
        entries: await queryAudit(deps.db, {
          ...rest,
          agency: req.principal!.agency,
          ...(limit ? { limit: Number(limit) } : {}),
          ...(offset ? { offset: Number(offset) } : {}),
        }),
      };
    },
  );

  app.get(
    "/api/v1/audit/verify",
    { config: { permission: "audit:read" }, schema: { response: errors } },
    async () => verifyAuditChain(deps.db),
  );
}
