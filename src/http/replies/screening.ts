// Reply schemas for what screening gives back: a match with its explanation, a watchlist entity, and a
// person's outcome at a crossing or in a manifest. Several route plugins reply with these, and the web
// client's types are generated from them (web/src/lib/api-schema.ts).
import { type TSchema, Type } from "@sinclair/typebox";
import { oneOf } from "../schemas.js";
import { component } from "./component.js";

export const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Decision = component("Decision", oneOf(["refer", "clear"]));
export const Priority = component("Priority", oneOf(["standard", "high", "immediate"]));

export const TokenAlignment = Type.Object({
  query: Type.String(),
  candidate: Type.String(),
  similarity: Type.Number(),
  method: Type.String(),
});

export const FeatureContribution = Type.Object({
  feature: oneOf(["name", "birthDate", "nationality", "gender", "document", "schema"]),
  detail: Type.String(),
  contribution: Type.Number(),
  outcome: oneOf(["match", "partial", "mismatch", "missing"]),
});

export const Match = component(
  "Match",
  Type.Object({
    entityId: Type.String(),
    sourceRef: Type.String(),
    list: Type.String(),
    name: Type.String(),
    score: Type.Number(),
    decision: Decision,
    explanation: Type.Object({
      queryName: Type.String(),
      matchedName: Type.String(),
      matchedNameKind: oneOf(["primary", "strong-alias", "weak-alias", "original-script"]),
      nameScore: Type.Number(),
      alignment: Type.Array(TokenAlignment),
      unmatchedQuery: Type.Array(Type.String()),
      unmatchedCandidate: Type.Array(Type.String()),
      features: Type.Array(FeatureContribution),
    }),
  }),
);

export const BirthDate = component(
  "BirthDate",
  Type.Union([
    Type.Object({
      kind: Type.Literal("date"),
      date: Type.String(),
      approximate: Type.Optional(Type.Boolean()),
    }),
    Type.Object({
      kind: Type.Literal("range"),
      from: Type.String(),
      to: Type.String(),
      approximate: Type.Optional(Type.Boolean()),
    }),
  ]),
);

const text = Type.Optional(Type.String());

export const Entity = component(
  "Entity",
  Type.Object({
    id: Type.String(),
    list: Type.String(),
    sourceRef: Type.String(),
    schema: oneOf(["person", "organization", "vessel", "aircraft"]),
    name: Type.String(),
    nameParts: Type.Optional(
      Type.Object({ first: text, second: text, third: text, fourth: text, given: text, family: text }),
    ),
    aliases: Type.Array(
      Type.Object({
        name: Type.String(),
        quality: oneOf(["strong", "weak"]),
        script: text,
        lang: text,
        originalScript: Type.Optional(Type.Boolean()),
      }),
    ),
    birthDates: Type.Array(BirthDate),
    placesOfBirth: Type.Array(Type.String()),
    nationalities: Type.Array(Type.String()),
    nationalitiesText: Type.Optional(Type.Array(Type.String())),
    gender: Type.Optional(oneOf(["male", "female", "other"])),
    documents: Type.Array(
      Type.Object({
        type: Type.String(),
        number: Type.String(),
        country: text,
        countryText: text,
        issued: text,
        expires: text,
        note: text,
      }),
    ),
    programmes: Type.Array(Type.String()),
    listedOn: text,
    remarks: text,
  }),
);

export const DocumentHit = component(
  "DocumentHit",
  Type.Object({
    number: Type.String(),
    issuingCountry: Type.String(),
    status: oneOf(["stolen", "lost", "revoked", "blank_stolen"]),
    action: Type.String(),
  }),
);

export const RuleHitRef = component(
  "RuleHitRef",
  Type.Object({
    ruleId: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    priority: Priority,
    action: oneOf(["refer", "note"]),
  }),
);

export const PreviouslyCleared = component(
  "PreviouslyCleared",
  Type.Object({
    clearanceId: Type.String(),
    entityId: Type.String(),
    list: Type.String(),
    clearedAt: Type.String(),
    expiresAt: Type.String(),
  }),
);

/** One person's outcome; the booth gets index, decision and reference only (presumption of innocence). */
export const PersonOutcome = component(
  "PersonOutcome",
  Type.Object({
    index: Type.Integer(),
    decision: Decision,
    reference: Type.String(),
    matches: Type.Optional(Type.Array(Match)),
    documentHits: Type.Optional(Type.Array(DocumentHit)),
    ruleHits: Type.Optional(Type.Array(RuleHitRef)),
    alertId: text,
    priority: Type.Optional(Priority),
    previouslyCleared: Type.Optional(Type.Array(PreviouslyCleared)),
  }),
);

export const ScreeningRecord = component(
  "ScreeningRecord",
  Type.Object({
    id: Type.String(),
    createdAt: Type.String(),
    crossingPointId: text,
    results: Type.Array(
      Type.Object({
        index: Type.Integer(),
        decision: Decision,
        reference: Type.String(),
        matches: Type.Optional(Type.Array(Match)),
      }),
    ),
  }),
);

export const CrossingReply = component(
  "CrossingReply",
  Type.Object({
    id: Type.String(),
    screeningId: Type.String(),
    direction: oneOf(["entry", "exit"]),
    warnings: Type.Array(Type.String()),
    mrzCaseNormalised: Type.Optional(Type.Literal(true)),
    result: PersonOutcome,
  }),
);

const ManifestView = Type.Object({
  kind: oneOf(["flight", "voyage", "bus"]),
  carrier: text,
  number: text,
  legs: Type.Array(
    Type.Object({
      number: text,
      departure: Type.Optional(Type.Object({ location: Type.String(), time: text })),
      arrival: Type.Optional(Type.Object({ location: Type.String(), time: text })),
    }),
  ),
  listType: oneOf(["passengers", "crew"]),
  declaredCount: Type.Optional(Type.Integer()),
  warnings: Type.Array(Type.String()),
  persons: Type.Array(
    Type.Object({
      index: Type.Integer(),
      surname: Type.String(),
      givenNames: Type.String(),
      role: oneOf(["passenger", "crew", "transit"]),
    }),
  ),
});

export const ManifestReply = component(
  "ManifestReply",
  Type.Object({
    id: Type.String(),
    screeningId: Type.String(),
    manifest: ManifestView,
    summary: Type.Object({ persons: Type.Integer(), refer: Type.Integer() }),
    results: Type.Array(PersonOutcome),
  }),
);

export const ManifestRead = component(
  "ManifestRead",
  Type.Object({
    id: Type.String(),
    screeningId: Type.String(),
    createdAt: Type.String(),
    manifest: ManifestView,
    results: Type.Array(PersonOutcome),
  }),
);
