// Schemas of the W3C Reconciliation API 0.2 routes. The queries and extension requests arrive as JSON text
// in a form field (as OpenRefine sends them), so they are checked here after parsing; the responses also
// validate against the specification's own JSON schemas (test/http/reconcile.test.ts).
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { MAX_MATCH_BATCH } from "../../yente/index.js";
import { purpose } from "../schemas.js";

const optionalPurpose = Type.Optional({
  ...purpose,
  description: "why (audited); an API key carries its own",
});
const Scalar = Type.Union([Type.String({ maxLength: 300 }), Type.Number()]);

export const ReconcileQueries = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Object(
    {
      query: Type.String({ minLength: 1, maxLength: 300 }),
      type: Type.Optional(Type.String({ maxLength: 40 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      type_strict: Type.Optional(Type.String({ maxLength: 10 })),
      properties: Type.Optional(
        Type.Array(
          Type.Object({
            pid: Type.String({ maxLength: 60 }),
            v: Type.Union([Scalar, Type.Array(Scalar, { maxItems: 20 })]),
          }),
          { maxItems: 20 },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  { maxProperties: MAX_MATCH_BATCH },
);

export const ExtendRequest = Type.Object(
  {
    ids: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
    properties: Type.Array(
      Type.Object({ id: Type.String({ maxLength: 60 }), settings: Type.Optional(Type.Object({})) }),
      {
        minItems: 1,
        maxItems: 20,
      },
    ),
  },
  { additionalProperties: false },
);

/** The JSON text of a form field, parsed and checked; a 400 names what is wrong. */
export function parseField<T extends typeof ReconcileQueries | typeof ExtendRequest>(
  name: string,
  text: string,
  schema: T,
): Static<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw Object.assign(new Error(`${name}: not JSON`), { statusCode: 400 });
  }
  if (!Value.Check(schema, value)) {
    const first = [...Value.Errors(schema, value)][0];
    throw Object.assign(new Error(`${name}${first?.path ?? ""}: ${first?.message ?? "invalid"}`), {
      statusCode: 400,
    });
  }
  return value as Static<T>;
}

export const ReconcileBody = Type.Object(
  {
    queries: Type.Optional(Type.String({ maxLength: 512 * 1024 })),
    extend: Type.Optional(Type.String({ maxLength: 64 * 1024 })),
    purpose: optionalPurpose,
  },
  { additionalProperties: false },
);

export const ManifestQuery = Type.Object(
  { queries: Type.Optional(Type.String()), extend: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const PrefixQuery = Type.Object(
  {
    prefix: Type.String({ maxLength: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 8 })),
    purpose: optionalPurpose,
  },
  { additionalProperties: false },
);
export const PrefixBody = Type.Object(
  { prefix: Type.String({ maxLength: 100 }), purpose: optionalPurpose },
  { additionalProperties: false },
);
export const TypeQuery = Type.Object(
  { type: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);
export const PreviewQuery = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200 }), purpose: optionalPurpose },
  { additionalProperties: false },
);

const Service = Type.Object({ service_url: Type.String(), service_path: Type.String() });
const IdName = Type.Object({ id: Type.String(), name: Type.String() });

export const ManifestResponse = Type.Object({
  versions: Type.Array(Type.String()),
  name: Type.String(),
  identifierSpace: Type.String(),
  schemaSpace: Type.String(),
  documentation: Type.String(),
  serviceVersion: Type.String(),
  view: Type.Object({ url: Type.String() }),
  preview: Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() }),
  defaultTypes: Type.Array(IdName),
  suggest: Type.Object({ entity: Service, property: Service, type: Service }),
  extend: Type.Object({ propose_properties: Service, property_settings: Type.Array(Type.Unknown()) }),
  authentication: Type.Object({ type: Type.String(), name: Type.String(), in: Type.String() }),
});

const Candidate = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.Array(IdName),
  score: Type.Number(),
  match: Type.Boolean(),
  description: Type.Optional(Type.String()),
  features: Type.Array(Type.Object({ id: Type.String(), value: Type.Number() })),
});

export const ReconcileResponse = Type.Union([
  Type.Record(Type.String(), Type.Object({ result: Type.Array(Candidate) })),
  Type.Object({
    meta: Type.Array(IdName),
    rows: Type.Record(
      Type.String(),
      Type.Record(Type.String(), Type.Array(Type.Object({ str: Type.String() }))),
    ),
  }),
]);

export const SuggestResponse = Type.Object({
  result: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) }),
  ),
});
export const ProposeResponse = Type.Object({ type: Type.String(), properties: Type.Array(IdName) });
