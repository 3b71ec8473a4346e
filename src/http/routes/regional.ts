// The regional risk-analysis exchange under /api/v1 (issue 16, item 6): this node's monthly bundle,
// signed; the import of a bundle (a partner's, or this node's own) with its signature verified; and the
// imported bundles' figures for the regional view. Aggregates only, cells under 10 withheld.
import { Type } from "@sinclair/typebox";
import { SignedBundleShape } from "../../regional/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { component } from "../replies/component.js";
import { errorReplies } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const Month = Type.String({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" });
const Bundle = component("RegionalBundle", SignedBundleShape.properties.bundle);
const Signed = component(
  "SignedRegionalBundle",
  Type.Object({ ...SignedBundleShape.properties, bundle: Bundle }),
);

const Imported = Type.Object({
  id: Type.String(),
  origin: Type.String(),
  keyId: Type.String(),
  month: Type.String(),
  importedBy: Type.String(),
  importedAt: Type.String(),
  bundle: Bundle,
});

export const regionalRoutes =
  (deps: Pick<AppDeps, "regional">): RoutePlugin =>
  async (app) => {
    app.get(
      "/regional/bundle",
      {
        config: { permission: "partners:manage" },
        schema: {
          tags: ["regional"],
          summary: "this node's regional bundle of one month, signed with its node key (audited)",
          querystring: Type.Object({ month: Month }, { additionalProperties: false }),
          response: { 200: Signed, ...errorReplies(409) },
        },
      },
      async (req) => deps.regional.exportBundle(principalOf(req), req.query.month),
    );

    app.post(
      "/regional/bundles",
      {
        config: { permission: "partners:manage" },
        schema: {
          tags: ["regional"],
          summary: "import a signed regional bundle; stored with its origin",
          description:
            "403 bundle_unknown_signer when no agreement in force pins the signing key for the bundle's node " +
            "(this node's own key is known); 422 bundle_signature when the bundle was changed after signing, " +
            "bundle_small_cells when it shows a cell under 10; 409 bundle_exists for a second bundle of one " +
            "node and month. A refused bundle changes nothing.",
          body: SignedBundleShape,
          response: {
            201: Type.Object({
              id: Type.String(),
              origin: Type.String(),
              month: Type.String(),
              importedAt: Type.String(),
            }),
            ...errorReplies(409),
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deps.regional.importBundle(principalOf(req), req.body)),
    );

    app.get(
      "/regional/bundles",
      {
        config: { permission: "regional:read" },
        schema: {
          tags: ["regional"],
          summary: "the imported regional bundles (newest month first), for the regional view",
          querystring: Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false }),
          response: { 200: Type.Object({ bundles: Type.Array(Imported) }), ...errorReplies() },
        },
      },
      async (req) => ({ bundles: await deps.regional.bundles(principalOf(req), req.query.month) }),
    );
  };
