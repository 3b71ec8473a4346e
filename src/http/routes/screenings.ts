// Screening one traveller or a batch against the live index; reading a screening back. What a caller
// sees of the matches depends on their role (the service decides): the booth sees refer/clear only.
import { Type } from "@sinclair/typebox";
import { listScreenings, MAX_BATCH, SCREENING_PAGE } from "../../screenings/index.js";
import type { Schema } from "../../watchlists/index.js";
import type { AppDeps } from "../deps.js";
import { errorBody } from "../errors.js";
import { principalOf } from "../gate.js";
import { pageOf, pageQuery, pageRequest } from "../paging.js";
import { ScreeningRecord } from "../replies/screening.js";
import { errorReplies, IdParams, oneOf, PurposeQuery, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

/** The screening contract's ScreeningQuery, bounded so that one request cannot make the index crawl. */
export const Person = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    firstName: Type.Optional(Type.String({ maxLength: 200 })),
    middleName: Type.Optional(Type.String({ maxLength: 200 })),
    lastName: Type.Optional(Type.String({ maxLength: 200 })),
    otherNames: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
    schema: Type.Optional(oneOf<Schema>(["person", "organization", "vessel", "aircraft"])),
    gender: Type.Optional(oneOf(["male", "female", "other"])),
    birthDate: Type.Optional(
      Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$", description: "YYYY, YYYY-MM or YYYY-MM-DD" }),
    ),
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
    purpose,
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false, description: "either `person` or `persons` (a batch of at most 1,000)" },
);

const ListQuery = Type.Object(
  {
    crossingPointId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...pageQuery(SCREENING_PAGE.max, SCREENING_PAGE.default),
  },
  { additionalProperties: false },
);

const ScreeningSummary = Type.Object(
  {
    id: Type.String(),
    createdAt: Type.String(),
    crossingPointId: Type.Union([Type.String(), Type.Null()]),
    userId: Type.String(),
    persons: Type.Integer(),
    refers: Type.Integer(),
  },
  { additionalProperties: false },
);

export const screeningRoutes =
  (deps: Pick<AppDeps, "screenings" | "db">): RoutePlugin =>
  async (app) => {
    app.get(
      "/screenings",
      {
        // The booth lists its own screenings; rows carry counts, never a name.
        config: { permission: ["screening:read", "screen"] },
        schema: {
          tags: ["screenings"],
          summary: "the agency's screenings, newest first, a page at a time (counts only, no names)",
          querystring: ListQuery,
          response: { 200: pageOf("screenings", ScreeningSummary), ...errorReplies() },
        },
      },
      async (req) => {
        const { crossingPointId } = req.query;
        const page = await listScreenings(
          deps.db,
          principalOf(req),
          crossingPointId ? { crossingPointId } : {},
          pageRequest(req.query, SCREENING_PAGE.max, SCREENING_PAGE.default),
        );
        return { screenings: page.items, total: page.total, nextCursor: page.nextCursor };
      },
    );

    app.post(
      "/screenings",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["screenings"],
          summary: "screen one person or a batch; persisted and audited",
          body: ScreeningBody,
          response: { 201: ScreeningRecord, ...errorReplies(413) },
        },
      },
      async (req, reply) => {
        const { person, persons, purpose, crossingPointId } = req.body;
        if ((person ? 1 : 0) + (persons ? 1 : 0) !== 1) {
          return reply.code(400).send(errorBody("bad_request", "give either person or persons"));
        }
        const record = await deps.screenings.screen(principalOf(req), {
          persons: persons ?? [person!],
          purpose,
          ...(crossingPointId ? { crossingPointId } : {}),
        });
        return reply.code(201).send(record);
      },
    );

    app.get(
      "/screenings/:id",
      {
        // A first-line officer may read back their own screenings, as refer/clear only.
        config: { permission: ["screening:read", "screen"] },
        schema: {
          tags: ["screenings"],
          summary: "one screening of the caller's agency (audited)",
          params: IdParams,
          querystring: PurposeQuery,
          response: { 200: ScreeningRecord, ...errorReplies() },
        },
      },
      async (req) => deps.screenings.get(principalOf(req), req.params.id, req.query.purpose),
    );
  };
