// Response schemas of the watchlist routes: a version with its diff and the limits it broke, a staged
// version with the approval it waits for, and a list with its live and staged versions.
import { type TSchema, Type } from "@sinclair/typebox";
import { ApprovalSchema } from "./approvals.js";

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
// Open objects: the counts and views may grow fields, which are then passed through, not dropped.
const open = { additionalProperties: true };

const Breach = Type.Object({
  code: Type.String({ description: "removed_share, schema_emptied or source_date_backwards" }),
  message: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});

const DiffCounts = Type.Object({
  added: Type.Integer(),
  removed: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
});

export const VersionSchema = Type.Object(
  {
    list: Type.String(),
    version: Type.Integer(),
    status: Type.String({ description: "ready (live or was), staged, superseded, rejected" }),
    importedAt: Type.String(),
    file: Nullable(Type.String()),
    counts: Type.Object(
      { entities: Type.Integer(), aliases: Type.Integer(), documents: Type.Integer() },
      open,
    ),
    diff: Nullable(DiffCounts),
    baseVersion: Nullable(Type.Integer({ description: "the live version it was compared with" })),
    sourceDate: Nullable(Type.String({ description: "the feed's own date (UN dateGenerated)" })),
    breaches: Type.Array(Breach, { description: "safety limits it broke; empty when it went live at once" }),
  },
  open,
);

export const SavedVersionSchema = Type.Composite([
  VersionSchema,
  Type.Object({ approval: Type.Optional(ApprovalSchema) }),
]);

const StagedSchema = Type.Composite([
  VersionSchema,
  Type.Object({
    removedSample: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    approval: Type.Optional(ApprovalSchema),
  }),
]);

export const ImportProgressSchema = Type.Object(
  {
    list: Type.String(),
    status: Type.String({ description: "parsing, saving, ready, staged or failed" }),
    bytesRead: Type.Integer(),
    bytesTotal: Type.Integer(),
    startedAt: Type.String(),
    error: Type.Optional(Type.String()),
  },
  open,
);

export const WatchlistSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.Optional(Type.String()),
    format: Type.Optional(Type.String()),
    latest: Type.Optional(VersionSchema),
    live: Type.Optional(VersionSchema),
    staged: Type.Optional(StagedSchema),
    versions: Type.Integer(),
    import: Type.Optional(ImportProgressSchema),
  },
  open,
);
