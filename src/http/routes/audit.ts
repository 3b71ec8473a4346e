// The audit log for auditors: search it (scoped to the auditor's agency) and verify its hash chain.
import { Type } from "@sinclair/typebox";
import { appendAudit, queryAudit, verifyAuditChain } from "../../audit/index.js";
import type { AppDeps } from "../app.js";
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
    purpose,
  },
  { additionalProperties: false },
);

export const auditRoutes =
  (deps: Pick<AppDeps, "db">): RoutePlugin =>
  async (app) => {
    app.get(
      "/audit",
      {
        config: { permission: "audit:read" },
        schema: {
          tags: ["audit"],
          summary: "search the audit log of the auditor's agency, newest first",
          querystring: AuditQuery,
          response: errorReplies(),
        },
      },
      async (req) => {
        const { limit, offset, purpose, ...filter } = req.query;
        const actor = principalOf(req);
        // An auditor oversees their own agency: the scoping is in the query, as for every other read.
        const entries = await queryAudit(deps.db, {
          ...filter,
          agency: actor.agency,
          ...(limit ? { limit: Number(limit) } : {}),
          ...(offset ? { offset: Number(offset) } : {}),
        });
        // Entries name officers and hold search terms: who watched the watchers is on the record too.
        await deps.db.kysely.transaction().execute((trx) =>
          appendAudit(trx, {
            actor,
            action: "audit.search",
            objectType: "audit_log",
            purpose,
            outcome: "success",
            details: { filter, results: entries.length },
          }),
        );
        return { entries };
      },
    );

    app.get(
      "/audit/verify",
      {
        config: { permission: "audit:read" },
        schema: {
          tags: ["audit"],
          summary: "re-check the whole hash chain; names the first broken link",
          response: errorReplies(),
        },
      },
      async () => verifyAuditChain(deps.db),
    );
  };
