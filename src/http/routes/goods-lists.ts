// The lists of the checks at the post (issue 17): a watchlist manager replaces the stolen-vehicle or the
// firearms list with a CSV in its documented format (src/vehicles/stolen-list.ts,
// src/firearms/list.ts). A bad row refuses the file whole, with its line and column; nothing changes.
import { Type } from "@sinclair/typebox";
import type { FirearmService } from "../../firearms/index.js";
import { InvalidError } from "../../shared/errors.js";
import type { VehicleService } from "../../vehicles/index.js";
import { principalOf } from "../gate.js";
import { errorReplies, oneOf } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

/** A million listed firearms are about 80 MiB of CSV; a national list is far smaller. */
const LIST_LIMIT = 128 * 1024 * 1024;

const ListQuery = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500, description: "kept in the audit" })) },
  { additionalProperties: false },
);

const GoodsListReply = Type.Object({
  kind: oneOf(["stolen_vehicles", "firearms"]),
  records: Type.Integer({ description: "records now live" }),
  uploadedAt: Type.String(),
});

/** The body as UTF-8 text; anything else is refused, not guessed. */
export function bodyText(body: unknown, what: string): string {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new InvalidError(`the ${what} is the request body (Content-Type: text/csv)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new InvalidError(`the ${what} is not UTF-8 text`);
  }
}

export const goodsListRoutes =
  (deps: { vehicles: VehicleService; firearms: FirearmService }): RoutePlugin =>
  async (app) => {
    app.addContentTypeParser(
      ["text/csv", "text/plain", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: LIST_LIMIT },
      (_req, body, done) => done(null, body),
    );
    const schema = (summary: string) => ({
      tags: ["goods"],
      summary,
      description:
        "The body is the whole list as CSV (Content-Type: text/csv), in the format documented in the " +
        "README. It replaces the live list: it is stored, audited and then searched at once. A row that " +
        "breaks the format refuses the whole file (422, each fault with its line and column) and the live " +
        "list stays as it was.",
      querystring: ListQuery,
      response: { 200: GoodsListReply, ...errorReplies(413) },
    });
    app.put(
      "/goods-lists/stolen-vehicles",
      {
        config: { permission: "watchlists:manage" },
        schema: schema("replace the stolen-vehicle list (SMV-like CSV)"),
      },
      async (req) =>
        deps.vehicles.uploadList(
          principalOf(req),
          bodyText(req.body, "stolen-vehicle list"),
          req.query.reason,
        ),
    );
    app.put(
      "/goods-lists/firearms",
      {
        config: { permission: "watchlists:manage" },
        schema: schema("replace the lost, stolen or trafficked firearms list (iARMS-like CSV)"),
      },
      async (req) =>
        deps.firearms.uploadList(principalOf(req), bodyText(req.body, "firearms list"), req.query.reason),
    );
  };
