// The yente-compatible matching API under /api/yente, so that a client built for OpenSanctions yente works
// by changing its base URL: POST /match/{dataset}, GET /entities/{id}, GET /catalog, GET /algorithms and
// the search by POST. yente's GET /search puts a traveller's name in the URL, which Limes keeps out of
// URLs (and so out of proxy and server logs): it exists only where LIMES_YENTE_GET_SEARCH=1 turns it on.
import { FEATURE_DOCS, MAX_MATCH_LIMIT, type YenteService } from "../../yente/index.js";
import { principalOf } from "../gate.js";
import { errorReplies } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";
import {
  AlgorithmsResponse,
  CatalogResponse,
  DatasetParams,
  DETAILS,
  EntityParams,
  FtmEntity,
  MatchBody,
  MatchQuery,
  MatchResponse,
  PurposeOnly,
  READ,
  SearchBody,
  SearchQuery,
  SearchResponse,
} from "./yente-schemas.js";

const DEFAULT_LIMIT = 5;

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const opt = <K extends string, V>(k: K, v: V | undefined) =>
  v === undefined ? {} : ({ [k]: v } as Record<K, V>);

type Deps = { yente: YenteService; yenteGetSearch?: boolean };

const tags = ["yente"];

function matchRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/match/:dataset",
    {
      config: DETAILS,
      schema: {
        tags,
        summary: "yente's query-by-example matcher: a batch of FtM entities, screened and audited",
        params: DatasetParams,
        querystring: MatchQuery,
        body: MatchBody,
        response: { 200: MatchResponse, ...errorReplies(413) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await deps.yente.match(principalOf(req), req.params.dataset, req.body.queries, {
        limit: q.limit ? Number(q.limit) : DEFAULT_LIMIT,
        ...opt("includeDatasets", list(q.include_dataset)),
        ...opt("excludeDatasets", list(q.exclude_dataset)),
        ...opt("excludeSchemas", list(q.exclude_schema)),
        ...opt("excludeEntityIds", list(q.exclude_entity_ids)),
        ...opt("purpose", q.purpose),
      });
      return { ...r, matcher: FEATURE_DOCS };
    },
  );
}

function searchRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/search/:dataset",
    {
      config: DETAILS,
      schema: {
        tags,
        summary: "yente's search, with the name in the body: screened and audited",
        params: DatasetParams,
        body: SearchBody,
        response: { 200: SearchResponse, ...errorReplies() },
      },
    },
    async (req) => deps.yente.search(principalOf(req), req.params.dataset, req.body),
  );
}

function searchByGetRoute(app: RouteApp, deps: Deps): void {
  if (deps.yenteGetSearch) {
    app.get(
      "/search/:dataset",
      {
        config: DETAILS,
        schema: {
          tags,
          summary: "yente's search by GET (LIMES_YENTE_GET_SEARCH=1): the name is in the URL",
          params: DatasetParams,
          querystring: SearchQuery,
          response: { 200: SearchResponse, ...errorReplies() },
        },
      },
      async (req) => {
        const { limit, ...rest } = req.query;
        return deps.yente.search(principalOf(req), req.params.dataset, {
          ...rest,
          ...(limit ? { limit: Math.min(Number(limit), MAX_MATCH_LIMIT) } : {}),
        });
      },
    );
  }
}

function entityRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/entities/:id",
    {
      config: DETAILS,
      schema: {
        tags,
        summary: "one listed entity as FtM (audited)",
        params: EntityParams,
        querystring: PurposeOnly,
        response: { 200: FtmEntity, ...errorReplies() },
      },
    },
    async (req) => deps.yente.entity(principalOf(req), req.params.id, req.query.purpose),
  );
}

function catalogRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/catalog",
    {
      config: READ,
      schema: {
        tags,
        summary: "the datasets: the live watchlists and `default`",
        response: { 200: CatalogResponse, ...errorReplies() },
      },
    },
    async () => deps.yente.catalog(),
  );
}

function algorithmsRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/algorithms",
    {
      config: READ,
      schema: {
        tags,
        summary: "the matching algorithm and its features",
        response: { 200: AlgorithmsResponse, ...errorReplies() },
      },
    },
    async () => deps.yente.algorithms(),
  );
}

export const yenteRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    matchRoute(app, deps);
    searchRoute(app, deps);
    searchByGetRoute(app, deps);
    entityRoute(app, deps);
    catalogRoute(app, deps);
    algorithmsRoute(app, deps);
  };
