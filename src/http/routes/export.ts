// Exports for analysts' reports, as files: the alert queue, a screening's matches, a manifest's outcomes,
// each as CSV or FtM JSON lines (`?format=csv|ftm`). Audited with the purpose, like the reads they are.
import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import { ALERT_STATUSES } from "../../alerts/index.js";
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFile, type ExportService } from "../../export/index.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

/** The file itself: CSV, or FtM entities as JSON lines (`format`). */
const ExportFileReply = Type.String({ description: "text/csv or application/x-ndjson" });

const format = oneOf(EXPORT_FORMATS, { description: "csv, or ftm (FollowTheMoney JSON lines)" });
const FileQuery = Type.Object({ format, purpose }, { additionalProperties: false });
const AlertsQuery = Type.Object(
  {
    format,
    purpose,
    status: Type.Optional(oneOf(ALERT_STATUSES)),
    open: Type.Optional(oneOf(["true", "false"])),
    crossingPointId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

function send(reply: FastifyReply, file: ExportFile) {
  return reply
    .header("content-type", CONTENT_TYPES[file.format])
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .send(file.body);
}

export const exportRoutes =
  (deps: { exports: ExportService }): RoutePlugin =>
  async (app) => {
    const tags = ["export"];
    app.get(
      "/alerts/export",
      {
        config: { permission: "alerts:review" },
        schema: {
          tags,
          summary: "the agency's alerts as a file (audited)",
          querystring: AlertsQuery,
          response: { 200: ExportFileReply, ...errorReplies() },
        },
      },
      async (req, reply) => {
        const { format: f, purpose: why, status, open, crossingPointId } = req.query;
        const filter = {
          ...(status ? { status } : {}),
          ...(open === "true" ? { open: true } : {}),
          ...(crossingPointId ? { crossingPointId } : {}),
        };
        return send(reply, await deps.exports.alerts(principalOf(req), filter, f, why));
      },
    );
    // One stored object, by id: the same shape for a screening and a manifest.
    const byId = [
      ["/screenings/:id/export", "screening:read_details", "a screening's matches", "screening"],
      ["/manifests/:id/export", ["screen", "screening:read"], "a manifest's outcomes", "manifest"],
    ] as const;
    for (const [url, permission, what, kind] of byId)
      app.get(
        url,
        {
          config: { permission },
          schema: {
            tags,
            summary: `${what} as a file (audited)`,
            params: IdParams,
            querystring: FileQuery,
            response: { 200: ExportFileReply, ...errorReplies() },
          },
        },
        async (req, reply) =>
          send(
            reply,
            await deps.exports[kind](principalOf(req), req.params.id, req.query.format, req.query.purpose),
          ),
      );
  };
