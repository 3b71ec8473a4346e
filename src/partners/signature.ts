// HTTP Message Signatures (RFC 9421) with Ed25519, over exactly the components Limes needs: the method,
// the path, the body's Content-Digest (RFC 9530, sha-256) and the `created` and `nonce` parameters.
// A small wrapper over node:crypto rather than a general library: one profile, one algorithm, so the
// whole of what is checked fits on one screen, and a request either matches this profile or is refused.
// Pure apart from the clock and random nonces passed in.
import { createHash, createPublicKey, type KeyObject, randomBytes, sign, verify } from "node:crypto";

export const SIGNATURE_LABEL = "sig1";
/** The components every Limes request signs, in this order. */
export const COVERED = ['"@method"', '"@path"', '"content-digest"'] as const;

/** `sha-256=:<base64>:` of the raw body (RFC 9530). */
export function contentDigest(body: string | Buffer): string {
  return `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;
}

/** Short id of a public key: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(pub.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

export interface SignatureParams {
  created: number;
  nonce: string;
  keyid: string;
  alg: "ed25519";
}

function paramsValue(p: SignatureParams): string {
  return `(${COVERED.join(" ")});created=${p.created};keyid="${p.keyid}";alg="${p.alg}";nonce="${p.nonce}"`;
}

/** The signature base of RFC 9421 §2.5 for the covered components. */
export function signatureBase(method: string, path: string, digest: string, params: string): string {
  return [
    `"@method": ${method.toUpperCase()}`,
    `"@path": ${path}`,
    `"content-digest": ${digest}`,
    `"@signature-params": ${params}`,
  ].join("\n");
}

export interface SignedHeaders {
  "content-digest": string;
  "signature-input": string;
  signature: string;
}

/** Headers that sign a request with the node's private key. */
export function signRequest(
  req: { method: string; path: string; body: string },
  key: { privateKey: KeyObject; keyId: string },
  now: Date = new Date(),
  nonce: string = randomBytes(16).toString("base64url"),
): SignedHeaders {
  const digest = contentDigest(req.body);
  const params = paramsValue({
    created: Math.floor(now.getTime() / 1000),
    nonce,
    keyid: key.keyId,
    alg: "ed25519",
  });
  const base = signatureBase(req.method, req.path, digest, params);
  const sig = sign(null, Buffer.from(base), key.privateKey).toString("base64");
  return {
    "content-digest": digest,
    "signature-input": `${SIGNATURE_LABEL}=${params}`,
    signature: `${SIGNATURE_LABEL}=:${sig}:`,
  };
}

export interface ParsedSignature {
  params: SignatureParams;
  /** The signature-params value as sent: the last line of the base is rebuilt from it verbatim. */
  paramsText: string;
  signature: Buffer;
}

const INPUT = new RegExp(`^${SIGNATURE_LABEL}=(\\(([^)]*)\\)((?:;[a-z]+=(?:[0-9]+|"[^"]*"))*))$`);
const SIG = new RegExp(`^${SIGNATURE_LABEL}=:([A-Za-z0-9+/]+={0,2}):$`);

/** Reads the two signature headers; undefined when they do not follow the Limes profile. */
export function parseSignature(input: string, signature: string): ParsedSignature | undefined {
  const m = INPUT.exec(input.trim());
  const s = SIG.exec(signature.trim());
  if (!m || !s) return undefined;
  if (m[2]!.split(" ").join(" ") !== COVERED.join(" ")) return undefined;
  const params: Record<string, string> = {};
  for (const [, name, value] of m[3]!.matchAll(/;([a-z]+)=([0-9]+|"[^"]*")/g))
    params[name!] = value!.replace(/^"|"$/g, "");
  const created = Number(params.created);
  if (!Number.isSafeInteger(created) || !params.nonce || !params.keyid || params.alg !== "ed25519")
    return undefined;
  return {
    params: { created, nonce: params.nonce, keyid: params.keyid, alg: "ed25519" },
    paramsText: m[1]!,
    signature: Buffer.from(s[1]!, "base64"),
  };
}

export function verifySignature(
  req: { method: string; path: string; digest: string },
  parsed: ParsedSignature,
  publicKey: KeyObject,
): boolean {
  const base = signatureBase(req.method, req.path, req.digest, parsed.paramsText);
  try {
    return verify(null, Buffer.from(base), publicKey, parsed.signature);
  } catch {
    return false;
  }
}
