// Ed25519 key files, one pair per purpose: `audit` signs audit checkpoints, `node` will sign partner
// exchanges. Separate keys, so that losing one does not compromise the other.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidError } from "../shared/errors.js";
import { keyIdOf } from "./checkpoint.js";

export const KEY_PURPOSES = ["audit", "node"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

export interface GeneratedKey {
  privateKeyFile: string;
  publicKeyFile: string;
  keyId: string;
}

/** File names of a purpose's pair in a folder. */
export const keyFiles = (dir: string, purpose: KeyPurpose) => ({
  privateKeyFile: join(dir, `limes-${purpose}.key`),
  publicKeyFile: join(dir, `limes-${purpose}.pub`),
});

/**
 * Writes a new pair: the private key PKCS#8 PEM readable by its owner only (0600), the public key SPKI
 * PEM. Refuses to overwrite an existing key: that would orphan every checkpoint signed with it.
 */
export function generateKeyFiles(dir: string, purpose: KeyPurpose): GeneratedKey {
  const files = keyFiles(dir, purpose);
  for (const f of Object.values(files))
    if (existsSync(f)) throw new InvalidError(`${f} exists: move it away first, a key is never overwritten`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  writeFileSync(files.privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), {
    mode: 0o600,
    flag: "wx",
  });
  // The umask may have widened the mode on creation; the private key is the owner's alone.
  chmodSync(files.privateKeyFile, 0o600);
  writeFileSync(files.publicKeyFile, publicKey.export({ type: "spki", format: "pem" }), { flag: "wx" });
  return { ...files, keyId: keyIdOf(publicKey) };
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new InvalidError(`cannot read the ${what} ${file}: ${(err as Error).message}`);
  }
}

export function loadPrivateKey(file: string): KeyObject {
  const key = (() => {
    try {
      return createPrivateKey(readPem(file, "private key"));
    } catch (err) {
      if (err instanceof InvalidError) throw err;
      throw new InvalidError(`${file} is not a PEM private key`);
    }
  })();
  if (key.asymmetricKeyType !== "ed25519") throw new InvalidError(`${file} is not an Ed25519 key`);
  return key;
}

/** A public key file, or the public half of a private key file. */
export function loadPublicKey(file: string): KeyObject {
  const pem = readPem(file, "public key");
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new InvalidError(`${file} is not a PEM public key`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new InvalidError(`${file} is not an Ed25519 key`);
  return key;
}
