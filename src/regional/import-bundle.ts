// Importing a regional bundle (a file through `limes exchange import`, or a POST): the signature must hold
// for a key this node knows, its own node key or one pinned by an agreement in force with the node the
// bundle names; the bundle must have the expected shape and show no cell under the minimum. Anything
// else is refused with its code and nothing is stored. A bundle is kept as signed, with its origin.
import { randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { type Database, type Db, isUniqueViolation } from "../db/index.js";
import type { NodeIdentity } from "../partners/index.js";
import { ConflictError, ForbiddenError, InvalidError } from "../shared/errors.js";
import { BUNDLE_FORMAT, cellsOf, INDICATORS, MIN_CELL, publishable } from "./model.js";
import { bundleSignatureHolds, canonicalJson, type SignedBundle } from "./sign.js";
import { insertBundle, pinnedKey } from "./store.js";

const Cell = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const FigureShape = Type.Object(
  { total: Cell, byPoint: Type.Record(Type.String(), Cell), byCategory: Type.Record(Type.String(), Cell) },
  { additionalProperties: false },
);
export const SignedBundleShape = Type.Object(
  {
    bundle: Type.Object(
      {
        format: Type.Literal(BUNDLE_FORMAT),
        nodeId: Type.String({ pattern: "^[A-Z0-9][A-Z0-9-]{1,39}$" }),
        month: Type.String({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" }),
        generatedAt: Type.String({ maxLength: 40 }),
        minCell: Type.Integer({ minimum: MIN_CELL }),
        sections: Type.Array(
          Type.Object(
            {
              section: Type.String({ maxLength: 80 }),
              points: Type.Array(
                Type.Object(
                  {
                    code: Type.String({ maxLength: 20 }),
                    name: Type.String({ maxLength: 200 }),
                    kind: Type.String({ maxLength: 10 }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 500 },
              ),
              indicators: Type.Object(Object.fromEntries(INDICATORS.map((i) => [i, FigureShape])), {
                additionalProperties: false,
              }),
            },
            { additionalProperties: false },
          ),
          { maxItems: 200 },
        ),
      },
      { additionalProperties: false },
    ),
    signature: Type.Object(
      {
        alg: Type.Literal("ed25519"),
        keyId: Type.String({ pattern: "^[0-9a-f]{16}$" }),
        value: Type.String({ maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** The signer's public key if this node knows it for the bundle's node, else a refusal. */
async function signerKey(db: Db, node: NodeIdentity | undefined, s: SignedBundle, now: Date) {
  if (node && s.signature.keyId === node.keyId && s.bundle.nodeId === node.nodeId) return node.publicKeyPem;
  const pinned = await pinnedKey(db.kysely, s.signature.keyId, now.toISOString());
  if (!pinned || pinned.partner_node_id !== s.bundle.nodeId)
    throw new ForbiddenError(
      `no agreement in force pins key ${s.signature.keyId} for ${s.bundle.nodeId}`,
      {},
      "bundle_unknown_signer",
      { keyId: s.signature.keyId, nodeId: s.bundle.nodeId },
    );
  return pinned.partner_key;
}

/** The bundle checked: its shape, a signer this node knows, its signature, no small cell. */
export async function verifiedBundle(
  db: Db,
  node: NodeIdentity | undefined,
  input: unknown,
  now: Date,
): Promise<SignedBundle> {
  if (!Value.Check(SignedBundleShape, input)) {
    const first = [...Value.Errors(SignedBundleShape, input)][0];
    throw new InvalidError(
      `not a regional bundle: ${first ? `${first.path || "/"} ${first.message}` : "wrong shape"}`,
      {},
      "bundle_malformed",
    );
  }
  const s = input as SignedBundle;
  const key = await signerKey(db, node, s, now);
  if (!bundleSignatureHolds(s, key))
    throw new InvalidError(
      "the bundle's signature does not hold: it was changed after signing",
      {},
      "bundle_signature",
    );
  if (!cellsOf(s.bundle).every(publishable))
    throw new InvalidError(
      `the bundle shows cells under ${MIN_CELL}`,
      { minCell: MIN_CELL },
      "bundle_small_cells",
    );
  return s;
}

/**
 * Keeps a checked bundle as signed, with its origin, and audits it under `action`; once per node and
 * month. `also` runs in the same transaction (the monthly run queues the bundle there); what it returns
 * joins the audit entry's details.
 */
export async function storeBundle(
  db: Db,
  s: SignedBundle,
  actor: { username: string },
  action: string,
  now: Date,
  also?: (trx: Transaction<Database>, id: string) => Promise<Record<string, unknown>>,
) {
  const id = randomUUID();
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await insertBundle(trx, {
        id,
        origin_node_id: s.bundle.nodeId,
        key_id: s.signature.keyId,
        month: s.bundle.month,
        bundle: canonicalJson(s.bundle),
        signature: s.signature.value,
        imported_by: actor.username,
        imported_at: now.toISOString(),
      });
      const more = also ? await also(trx, id) : {};
      await appendAudit(
        trx,
        {
          actor,
          action,
          objectType: "regional_bundle",
          objectId: id,
          outcome: "success",
          details: { origin: s.bundle.nodeId, month: s.bundle.month, keyId: s.signature.keyId, ...more },
        },
        now,
      );
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError(
        `a bundle of ${s.bundle.nodeId} for ${s.bundle.month} was imported before`,
        {},
        "bundle_exists",
        { nodeId: s.bundle.nodeId, month: s.bundle.month },
      );
    throw err;
  }
  return { id, origin: s.bundle.nodeId, month: s.bundle.month, importedAt: now.toISOString() };
}

export async function importBundle(
  db: Db,
  node: NodeIdentity | undefined,
  p: Principal,
  input: unknown,
  now = new Date(),
) {
  if (!can(p, "partners:manage")) throw new ForbiddenError("this role cannot import regional bundles");
  return storeBundle(db, await verifiedBundle(db, node, input, now), p, "regional.bundle.import", now);
}
