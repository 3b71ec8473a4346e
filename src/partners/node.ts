// This deployment's identity towards partners: its node id, its Ed25519 node key (separate from the
// audit key; `limes keys generate --purpose node`) and the base URL partners reach it at. The private
// key lives in a file outside the database.
import { createPublicKey, type KeyObject } from "node:crypto";
import { loadPrivateKey } from "../audit/index.js";
import { checkNodeId } from "./model.js";
import { keyIdOf } from "./signature.js";

export interface NodeSettings {
  nodeId: string;
  keyFile: string;
  /** Where partners reach this node, e.g. https://limes.border.example (no trailing slash). */
  url: string;
}

export interface NodeIdentity {
  nodeId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
  url: string;
}

/** The path every partner route lives under. */
export const PARTNER_API = "/partner/v1";

export function loadNodeIdentity(s: NodeSettings): NodeIdentity {
  checkNodeId(s.nodeId, "LIMES_NODE_ID");
  const privateKey = loadPrivateKey(s.keyFile);
  return {
    nodeId: s.nodeId,
    privateKey,
    publicKeyPem: createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString(),
    keyId: keyIdOf(privateKey),
    url: s.url.replace(/\/+$/, ""),
  };
}

/** What `GET /.well-known/limes-node` publishes: nothing secret, nothing personal. */
export function publicDescription(n: NodeIdentity) {
  return {
    nodeId: n.nodeId,
    publicKey: n.publicKeyPem,
    keyId: n.keyId,
    algorithm: "ed25519",
    apiBase: `${n.url}${PARTNER_API}`,
  };
}
