// Signing a regional bundle with the node key, the Ed25519 key that signs this node's partner requests.
// The bundle travels as a file or a POST body, so the signature covers the bundle itself rather than an
// HTTP message: the canonical JSON of the bundle (keys sorted at every level, no blanks; the bundle holds
// only strings, whole numbers, nulls, arrays and objects, for which this is RFC 8785's form).
import { createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { keyIdOf } from "../partners/index.js";
import type { RegionalBundle } from "./model.js";

export interface SignedBundle {
  bundle: RegionalBundle;
  signature: { alg: "ed25519"; keyId: string; value: string };
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function signBundle(bundle: RegionalBundle, privateKey: KeyObject): SignedBundle {
  const value = sign(null, Buffer.from(canonicalJson(bundle)), privateKey).toString("base64");
  return { bundle, signature: { alg: "ed25519", keyId: keyIdOf(privateKey), value } };
}

/** Whether the signature holds for this public key (SPKI PEM); false for any malformed input. */
export function bundleSignatureHolds(s: SignedBundle, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(s.bundle)),
      createPublicKey(publicKeyPem),
      Buffer.from(s.signature.value, "base64"),
    );
  } catch {
    return false;
  }
}
