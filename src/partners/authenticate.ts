// Who sent a partner request, proven by its signature (RFC 9421) and nothing else: no user session, no
// bearer token. The checks run cheapest first, and the nonce is recorded only once the signature holds,
// so that forged requests cannot fill the nonce table. Each refusal is a PartnerRefusal with its status
// and code; the caller records it in the bounded rejection log.
import { createPublicKey } from "node:crypto";
import type { Db } from "../db/index.js";
import { type ErrorCode, LimesError } from "../shared/errors.js";
import { type Agreement, refusal } from "./model.js";
import { contentDigest, parseSignature, verifySignature } from "./signature.js";
import { agreementInForce, claimNonce, pruneNonces } from "./store.js";

export class PartnerRefusal extends LimesError {
  constructor(
    readonly status: 400 | 401 | 403 | 409 | 429,
    code: ErrorCode,
    message: string,
    readonly agreement?: Agreement,
  ) {
    super(message, {}, code);
  }
}

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** How far a request's `created` may lie from this node's clock (default 300 s, either way). */
export const DEFAULT_CLOCK_WINDOW_SECONDS = 300;

const header = (h: SignedRequest["headers"], name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v.join(", ") : v;
};

export function createPartnerAuthenticator(db: Db, opts: { windowSeconds?: number } = {}) {
  const window = opts.windowSeconds ?? DEFAULT_CLOCK_WINDOW_SECONDS;
  let prunedAt = 0;
  return async (req: SignedRequest, now: Date = new Date()): Promise<Agreement> => {
    const agreement = await check(db, req, window, now);
    // Nonces older than the window are refused by their timestamp already; pruning once per window keeps
    // the table at about two windows of traffic.
    if (now.getTime() - prunedAt > window * 1000) {
      prunedAt = now.getTime();
      await pruneNonces(db.kysely, new Date(now.getTime() - 2 * window * 1000).toISOString());
    }
    return agreement;
  };
}

async function check(db: Db, req: SignedRequest, window: number, now: Date): Promise<Agreement> {
  const input = header(req.headers, "signature-input");
  const sig = header(req.headers, "signature");
  const digest = header(req.headers, "content-digest");
  if (!input || !sig || !digest)
    throw new PartnerRefusal(
      401,
      "signature_missing",
      "Signature, Signature-Input and Content-Digest are required",
    );
  const parsed = parseSignature(input, sig);
  if (!parsed)
    throw new PartnerRefusal(401, "signature_malformed", "the signature does not follow the Limes profile");
  if (digest !== contentDigest(req.rawBody))
    throw new PartnerRefusal(401, "digest_mismatch", "Content-Digest does not match the body");
  if (Math.abs(now.getTime() / 1000 - parsed.params.created) > window)
    throw new PartnerRefusal(
      401,
      "stale_timestamp",
      `the signature's created time is more than ${window} s off`,
    );
  const agreement = await agreementInForce(db.kysely, { keyId: parsed.params.keyid });
  if (!agreement) throw new PartnerRefusal(401, "unknown_key", "no agreement pins this key");
  if (!verifySignature({ ...req, digest }, parsed, createPublicKey(agreement.partnerKey)))
    throw new PartnerRefusal(
      401,
      "bad_signature",
      "the signature does not verify with the pinned key",
      agreement,
    );
  const refused = refusal(agreement, now, {});
  if (refused)
    throw new PartnerRefusal(403, refused, `the agreement refuses requests: ${refused}`, agreement);
  if (!(await claimNonce(db.kysely, parsed.params.keyid, parsed.params.nonce, now.toISOString())))
    throw new PartnerRefusal(401, "replay", "this nonce was used before", agreement);
  return agreement;
}
