// Request and response schemas of the yente-compatible API, after yente's pydantic models
// (EntityExample, EntityMatchQuery, EntityMatchResponse, EntityResponse, DataCatalogModel, AlgorithmResponse).
import { Type } from "@sinclair/typebox";
import { MAX_MATCH_BATCH } from "../../yente/index.js";
import { digits, purpose } from "../schemas.js";

/** Reviewers' permission: entity details are list details (a first-line key is refused at the gate). */
export const DETAILS = { permission: "screening:read_details", clientApi: true } as const;
export const READ = { permission: ["screening:read_details", "watchlists:read"], clientApi: true } as const;

const Value = Type.String({ maxLength: 300 });
const Values = Type.Union([Value, Type.Array(Value, { maxItems: 20 })]);
/** Repeated query parameters arrive as a list, a single one as a string. */
const Many = Type.Union([
  Type.String({ maxLength: 200 }),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
]);

export const DatasetParams = Type.Object({
  dataset: Type.String({
    pattern: "^[\\w.:-]{1,64}$",
    description: "a Limes watchlist id, or `default` for all",
  }),
});

export const EntityParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

export const Example = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 200 })),
    schema: Type.String({ minLength: 1, maxLength: 40, description: "FtM schema: Person, Organization, …" }),
    properties: Type.Record(Type.String({ maxLength: 60 }), Values, { maxProperties: 40 }),
  },
  { additionalProperties: false },
);

export const MatchBody = Type.Object(
  {
    queries: Type.Record(Type.String({ maxLength: 100 }), Example, { maxProperties: MAX_MATCH_BATCH }),
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: "accepted for yente clients; the Limes engine's weights are not tunable per call",
      }),
    ),
    config: Type.Optional(Type.Object({}, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

const optionalPurpose = Type.Optional({
  ...purpose,
  description: "why (written to the audit log); an API key for a tool carries its own",
});

export const MatchQuery = Type.Object(
  {
    limit: Type.Optional(digits(2)),
    threshold: Type.Optional(
      Type.String({
        pattern: "^[0-9.]{1,8}$",
        description: "accepted for yente clients; `match` is the engine's refer decision",
      }),
    ),
    cutoff: Type.Optional(
      Type.String({ pattern: "^[0-9.]{1,8}$", description: "deprecated in yente; accepted" }),
    ),
    algorithm: Type.Optional(Type.String({ enum: ["limes", "best", "default"] })),
    include_dataset: Type.Optional(Many),
    exclude_dataset: Type.Optional(Many),
    exclude_schema: Type.Optional(Many),
    exclude_entity_ids: Type.Optional(Many),
    purpose: optionalPurpose,
  },
  { additionalProperties: false },
);

export const SearchBody = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 300 }),
    schema: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    purpose: optionalPurpose,
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 300 }),
    schema: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(digits(2)),
    purpose: optionalPurpose,
  },
  { additionalProperties: false },
);

export const PurposeOnly = Type.Object({ purpose: optionalPurpose }, { additionalProperties: false });

const Properties = Type.Record(Type.String(), Type.Array(Type.String()));

export const FtmEntity = Type.Object({
  id: Type.String(),
  caption: Type.String(),
  schema: Type.String(),
  properties: Properties,
  datasets: Type.Array(Type.String()),
  referents: Type.Array(Type.String()),
  target: Type.Boolean(),
});

const Scored = Type.Object({
  ...FtmEntity.properties,
  score: Type.Number(),
  match: Type.Boolean({ description: "the Limes refer decision: a person reviews it" }),
  features: Type.Record(Type.String(), Type.Number()),
  explanation: Type.Unknown({ description: "Limes's explanation of the score" }),
});

const Total = Type.Object({ value: Type.Integer(), relation: Type.String() });

const FeatureDocs = Type.Record(
  Type.String(),
  Type.Object({ description: Type.String(), coefficient: Type.Number(), url: Type.String() }),
);

export const MatchResponse = Type.Object({
  responses: Type.Record(
    Type.String(),
    Type.Object({
      status: Type.Integer(),
      results: Type.Array(Scored),
      total: Total,
      query: Type.Object({ id: Type.Optional(Type.String()), schema: Type.String(), properties: Properties }),
    }),
  ),
  matcher: FeatureDocs,
  limit: Type.Integer(),
  screeningId: Type.String({ description: "the screening this batch is recorded as" }),
});

export const SearchResponse = Type.Object({
  limit: Type.Integer(),
  offset: Type.Integer(),
  total: Total,
  results: Type.Array(FtmEntity),
  facets: Type.Object({}),
});

export const CatalogResponse = Type.Object({
  datasets: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Type.String(),
      summary: Type.Optional(Type.String()),
      load: Type.Boolean(),
      version: Type.String(),
      index_version: Type.Optional(Type.String()),
      index_current: Type.Boolean(),
      children: Type.Array(Type.String()),
    }),
  ),
  current: Type.Array(Type.String()),
  outdated: Type.Array(Type.String()),
  index_stale: Type.Boolean(),
});

export const AlgorithmsResponse = Type.Object({
  algorithms: Type.Array(
    Type.Object({ name: Type.String(), description: Type.String(), features: FeatureDocs }),
  ),
  default: Type.String(),
  best: Type.String(),
});
