// The audit log for auditors: search it (scoped to the auditor's agency, paged by cursor) and verify its
// hash chains against the signed checkpoints.
import { createPublicKey } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { type AuditSigning, searchAudit, verifyAuditChain } from "../../audit/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { digits, errorReplies, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64, description: "username" })),
    action: Type.Optional(Type.String({ maxLength: 64, description: "e.g. screening.create" })),
    objectType: Type.Optional(Type.String({ maxLength: 64 })),
    objectId: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    limit: Type.Optional(digits(4)),
    offset: Type.Optional(digits(7)),
    cursor: Type.Optional(
      Type.String({ pattern: "^[0-9]{1,15}$", description: "`nextCursor` of the previous page" }),
    ),
    purpose,
  },
  { additionalProperties: false },
);

const Entry = Type.Object({
  id: Type.Integer(),
  ts: Type.String(),
  actor: Type.Object({
    userId: Type.Optional(Type.String()),
    username: Type.Optional(Type.String()),
    roles: Type.Optional(Type.Array(Type.String())),
    agency: Type.Optional(Type.String()),
  }),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Optional(Type.String()),
  purpose: Type.Optional(Type.String()),
  outcome: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  erasedAt: Type.Optional(Type.String({ description: "set once retention erased purpose and details" })),
  hash: Type.String(),
});

const AuditPage = Type.Object({
  entries: Type.Array(Entry),
  total: Type.Integer({ description: "entries matching the filter, over all pages" }),
  nextCursor: Type.Optional(Type.String({ description: "pass as `cursor` for the next page" })),
});

const Verdict = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Optional(Type.Object({ id: Type.Integer(), reason: Type.String() })),
  verdict: Type.String({ description: "one sentence: what was checked and what was found" }),
  checkpoints: Type.Integer({ description: "signed checkpoints verified" }),
  uncovered: Type.Integer({ description: "entries newer than the last signed checkpoint" }),
});

export const auditRoutes =
  (deps: Pick<AppDeps, "db"> & { auditSigning?: AuditSigning }): RoutePlugin =>
  async (app) => {
    app.get(
      "/audit",
      {
        config: { permission: "audit:read" },
        schema: {
          tags: ["audit"],
          summary: "search the audit log of the auditor's agency, newest first, a page at a time",
          querystring: AuditQuery,
          response: { 200: AuditPage, ...errorReplies() },
        },
      },
      async (req) => {
        const { limit, offset, cursor, purpose, ...filter } = req.query;
        return searchAudit(deps.db, principalOf(req), filter, {
          purpose,
          ...(limit ? { limit: Number(limit) } : {}),
          ...(offset ? { offset: Number(offset) } : {}),
          ...(cursor ? { before: Number(cursor) } : {}),
        });
      },
    );

    // The server's own key and checkpoint file: the same verdict as `limes audit verify` with them.
    const signed = deps.auditSigning
      ? {
          publicKey: createPublicKey(deps.auditSigning.privateKey),
          checkpointFile: deps.auditSigning.checkpointFile,
        }
      : {};
    app.get(
      "/audit/verify",
      {
        config: { permission: "audit:read" },
        schema: {
          tags: ["audit"],
          summary:
            "re-check every hash chain against the signed checkpoints; names the first entry that fails",
          response: { 200: Verdict, ...errorReplies() },
        },
      },
      async () => verifyAuditChain(deps.db, signed),
    );
  };
