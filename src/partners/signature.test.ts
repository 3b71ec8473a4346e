// The Limes profile of RFC 9421: what is signed, and that any change to a covered part breaks it.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  contentDigest,
  keyIdOf,
  parseSignature,
  signatureBase,
  signRequest,
  verifySignature,
} from "./signature.js";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const key = { privateKey, keyId: keyIdOf(privateKey) };
const req = { method: "POST", path: "/partner/v1/queries", body: '{"requestId":"abc"}' };
const at = new Date("2026-12-01T10:00:00Z");

describe("partner request signatures", () => {
  it("signs method, path and Content-Digest with created, keyid, alg and nonce", () => {
    const h = signRequest(req, key, at, "n0nce");
    expect(h["content-digest"]).toBe(contentDigest(req.body));
    expect(h["content-digest"]).toMatch(/^sha-256=:[A-Za-z0-9+/]+=*:$/);
    expect(h["signature-input"]).toBe(
      `sig1=("@method" "@path" "content-digest");created=1796119200;keyid="${key.keyId}";alg="ed25519";nonce="n0nce"`,
    );
    const parsed = parseSignature(h["signature-input"], h.signature)!;
    expect(signatureBase(req.method, req.path, h["content-digest"], parsed.paramsText)).toBe(
      [
        '"@method": POST',
        '"@path": /partner/v1/queries',
        `"content-digest": ${h["content-digest"]}`,
        `"@signature-params": ("@method" "@path" "content-digest");created=1796119200;keyid="${key.keyId}";alg="ed25519";nonce="n0nce"`,
      ].join("\n"),
    );
    expect(verifySignature({ ...req, digest: h["content-digest"] }, parsed, publicKey)).toBe(true);
  });

  it("fails on another path, method, digest, nonce or key", () => {
    const h = signRequest(req, key, at, "n0nce");
    const parsed = parseSignature(h["signature-input"], h.signature)!;
    const digest = h["content-digest"];
    expect(verifySignature({ ...req, path: "/partner/v1/follow-ups", digest }, parsed, publicKey)).toBe(
      false,
    );
    expect(verifySignature({ ...req, method: "PUT", digest }, parsed, publicKey)).toBe(false);
    expect(verifySignature({ ...req, digest: contentDigest("{}") }, parsed, publicKey)).toBe(false);
    const renonced = parseSignature(h["signature-input"].replace("n0nce", "other"), h.signature)!;
    expect(verifySignature({ ...req, digest }, renonced, publicKey)).toBe(false);
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(verifySignature({ ...req, digest }, parsed, other)).toBe(false);
  });

  it("refuses signatures outside the profile", () => {
    const h = signRequest(req, key, at);
    expect(
      parseSignature(h["signature-input"].replace(' "content-digest"', ""), h.signature),
    ).toBeUndefined();
    expect(
      parseSignature(h["signature-input"].replace('alg="ed25519"', 'alg="rsa-pss-sha512"'), h.signature),
    ).toBeUndefined();
    expect(parseSignature(h["signature-input"].replace("sig1=", "sig2="), h.signature)).toBeUndefined();
    expect(parseSignature(h["signature-input"], "sig1=not base64")).toBeUndefined();
  });
});
