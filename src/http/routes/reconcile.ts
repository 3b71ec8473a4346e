import { Type } from "@sinclair/typebox";
// The W3C Entity Reconciliation API 0.2 under /api/yente/reconcile/{dataset}, for OpenRefine and other
// reconciliation clients. The manifest is public (it holds no data, and clients read it before asking
// for a key); everything else needs a reviewer's key. Names travel only in request bodies: GET with
// `queries` is refused, and entity suggest by GET (a name prefix in the URL) exists only where
// LIMES_YENTE_GET_SEARCH=1 allows names in URLs.
import type { FastifyRequest } from "fastify";
import type { YenteService } from "../../yente/index.js";
import { principalOf } from "../gate.js";
import { errorReplies } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";
import {
  ExtendRequest,
  ManifestQuery,
  ManifestResponse,
  PrefixBody,
  PrefixQuery,
  PreviewQuery,
  ProposeResponse,
  parseField,
  ReconcileBody,
  ReconcileQueries,
  ReconcileResponse,
  SuggestResponse,
  TypeQuery,
} from "./reconcile-schemas.js";
import { DatasetParams, DETAILS, READ } from "./yente-schemas.js";

/** A 400 in the API's error shape (src/http/errors.ts maps the status). */
const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

type Deps = { yente: YenteService; yenteGetSearch?: boolean };

const tags = ["reconciliation"];

function manifestRoute(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  app.get(
    "/reconcile/:dataset",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "the service manifest (public: it holds no data)",
        params: DatasetParams,
        querystring: ManifestQuery,
        response: { 200: ManifestResponse, ...errorReplies() },
      },
    },
    async (req) => {
      if (req.query.queries !== undefined || req.query.extend !== undefined)
        throw badRequest("send reconciliation queries by POST: names stay out of URLs");
      return r.manifest(baseOf(req), req.params.dataset);
    },
  );
}

function reconcileRoute(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  app.post(
    "/reconcile/:dataset",
    {
      config: DETAILS,
      schema: {
        tags,
        summary: "a batch of reconciliation queries (screened and audited), or a data extension",
        params: DatasetParams,
        body: ReconcileBody,
        response: { 200: ReconcileResponse, ...errorReplies(413) },
      },
    },
    async (req) => {
      const { queries, extend, purpose } = req.body;
      if ((queries === undefined) === (extend === undefined))
        throw badRequest("give either queries or extend");
      const p = principalOf(req);
      if (extend !== undefined) return r.extend(p, parseField("extend", extend, ExtendRequest), purpose);
      return r.queries(p, req.params.dataset, parseField("queries", queries!, ReconcileQueries), purpose);
    },
  );
}

function proposeRoute(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  app.get(
    "/reconcile/:dataset/extend/propose",
    {
      config: READ,
      schema: {
        tags,
        summary: "properties offered for data extension",
        params: DatasetParams,
        querystring: TypeQuery,
        response: { 200: ProposeResponse, ...errorReplies() },
      },
    },
    async (req) => r.proposeProperties(req.query.type ?? "Person"),
  );
}

function suggestKindRoutes(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  for (const kind of ["property", "type"] as const) {
    app.get(
      `/reconcile/:dataset/suggest/${kind}`,
      {
        config: READ,
        schema: {
          tags,
          summary: `${kind} suggest`,
          params: DatasetParams,
          querystring: PrefixQuery,
          response: { 200: SuggestResponse, ...errorReplies() },
        },
      },
      async (req) =>
        kind === "property" ? r.suggestProperty(req.query.prefix) : r.suggestType(req.query.prefix),
    );
  }
}

function suggestEntityRoute(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  app.post(
    "/reconcile/:dataset/suggest/entity",
    {
      config: DETAILS,
      schema: {
        tags,
        summary: "entity suggest, the prefix in the body (audited)",
        params: DatasetParams,
        body: PrefixBody,
        response: { 200: SuggestResponse, ...errorReplies() },
      },
    },
    async (req) => r.suggestEntity(principalOf(req), req.params.dataset, req.body.prefix, req.body.purpose),
  );
}

function suggestEntityByGetRoute(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  if (deps.yenteGetSearch) {
    app.get(
      "/reconcile/:dataset/suggest/entity",
      {
        config: DETAILS,
        schema: {
          tags,
          summary: "entity suggest by GET (LIMES_YENTE_GET_SEARCH=1; audited)",
          params: DatasetParams,
          querystring: PrefixQuery,
          response: { 200: SuggestResponse, ...errorReplies() },
        },
      },
      async (req) =>
        r.suggestEntity(principalOf(req), req.params.dataset, req.query.prefix, req.query.purpose),
    );
  }
}

function previewRoute(app: RouteApp, deps: Deps): void {
  const r = deps.yente.reconcile;
  app.get(
    "/reconcile/:dataset/preview",
    {
      config: DETAILS,
      schema: {
        tags,
        summary: "an HTML card of one entity (audited)",
        params: DatasetParams,
        querystring: PreviewQuery,
        response: { 200: Type.String({ description: "an HTML card of the entity" }), ...errorReplies() },
      },
    },
    async (req, reply) => {
      const html = await r.preview(principalOf(req), req.query.id, req.query.purpose);
      // Shown in the reconciling tool's frame: framing allowed, nothing else loaded.
      return reply
        .header("content-type", "text/html; charset=utf-8")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *")
        .removeHeader("x-frame-options")
        .send(html);
    },
  );
}

export const reconcileRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    // OpenRefine posts `queries=<json>` as a form; parsed here for these routes only.
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string" },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    manifestRoute(app, deps);
    reconcileRoute(app, deps);
    proposeRoute(app, deps);
    suggestKindRoutes(app, deps);
    suggestEntityRoute(app, deps);
    suggestEntityByGetRoute(app, deps);
    previewRoute(app, deps);
  };
