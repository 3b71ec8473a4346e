// Two real Limes server processes for the partner-exchange tests: each its own SQLite database, its own
// Ed25519 node key (generated per run) and its own localhost port. Also signs in its demo accounts.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyFiles } from "../../src/audit/index.js";
import { REPO_ROOT } from "../support/paths.js";

export interface Node {
  nodeId: string;
  url: string;
  dbUrl: string;
  keyFile: string;
  child: ChildProcess;
  /** Bearer tokens by username, once signed in. */
  tokens: Map<string, string>;
  password: string;
  /** The extra environment it was started with, to restart it alike. */
  env?: Record<string, string>;
}

/** Starts a node; on its own SQLite file unless `dbUrl` names another (empty) database. */
export async function startNode(
  nodeId: string,
  port: number,
  env: Record<string, string> = {},
  dbUrl?: string,
): Promise<Node> {
  const dir = mkdtempSync(join(tmpdir(), `limes-${nodeId.toLowerCase()}-`));
  const { privateKeyFile } = generateKeyFiles(join(dir, "keys"), "node");
  // PostgreSQL requires the audit signing key (SQLite makes its own).
  if (dbUrl?.startsWith("postgres"))
    env = { LIMES_AUDIT_KEY: generateKeyFiles(join(dir, "keys"), "audit").privateKeyFile, ...env };
  const node = {
    nodeId,
    url: `http://127.0.0.1:${port}`,
    dbUrl: dbUrl ?? `sqlite:${join(dir, "limes.db")}`,
    keyFile: privateKeyFile,
    tokens: new Map<string, string>(),
  };
  const { child, password } = await spawnNode(node, env);
  if (!password) throw new Error(`${nodeId}: no demo password printed`);
  return { ...node, child, password, env };
}

/** Starts a stopped node again on its database, key and port; its sessions stay valid. */
export async function restartNode(node: Node): Promise<void> {
  node.child = (await spawnNode(node, node.env ?? {})).child;
}

async function spawnNode(
  node: Pick<Node, "nodeId" | "url" | "dbUrl" | "keyFile">,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; password: string | undefined }> {
  // tsx as a loader in this one process, so that killing the child stops the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LIMES_DB: node.dbUrl,
      PORT: new URL(node.url).port,
      LOG_LEVEL: "warn",
      LIMES_DEMO_USERS: "1",
      LIMES_NODE_ID: node.nodeId,
      LIMES_NODE_KEY: node.keyFile,
      LIMES_NODE_URL: node.url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`${node.nodeId} exited (${code}): ${out}`))),
  );
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${node.url}/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return /One-time password: (\S+)/.exec(out)?.[1];
  })();
  return { child, password: await Promise.race([ready, exited]) };
}

/** A reply body: many shapes, each asserted by the test that reads it. */
// biome-ignore lint/suspicious/noExplicitAny: as light-my-request's json() in the in-process tests
type Body = any;

/** A JSON call as `username` (signed in already), returning status and body. */
export async function call(
  node: Node,
  username: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Body }> {
  const token = node.tokens.get(username);
  const r = await fetch(`${node.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

/** Signs in with the one-time password and replaces it, as every account must at first. */
export async function signIn(node: Node, username: string, password = node.password): Promise<void> {
  const login = await call(node, username, "POST", "/api/v1/auth/login", { username, password });
  if (login.status !== 200)
    throw new Error(`login ${username}@${node.nodeId}: ${JSON.stringify(login.body)}`);
  node.tokens.set(username, login.body.token);
  const changed = await call(node, username, "POST", "/api/v1/auth/password", {
    currentPassword: password,
    newPassword: `${password} crossing river lamps`,
  });
  if (changed.status !== 204) throw new Error(`password of ${username}: ${JSON.stringify(changed.body)}`);
}

/** A second admin for four-eyes, created by the first. */
export async function addAdmin(node: Node, username: string): Promise<void> {
  const password = "a second admin's password 1";
  const r = await call(node, "admin", "POST", "/api/v1/users", {
    username,
    password,
    roles: ["admin"],
    agency: "demo",
  });
  if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
  await signIn(node, username, password);
}

/** Signs in the demo accounts used by the exchange, and adds a second admin for four-eyes. */
export async function signInAll(node: Node): Promise<void> {
  for (const user of ["admin", "reviewer", "booth", "lists", "protection"]) await signIn(node, user);
  await addAdmin(node, "admin2");
}

/**
 * `node` shares `lists` with `partner` (sharing set by the list manager, an agreement proposed by one
 * admin and approved by the second); the terms are the demo's. Returns the agreement id.
 */
export async function agreeWith(
  node: Node,
  partner: Node,
  lists: string[],
  opts: { id?: string; ratePerMinute?: number; autoDocumentCheck?: string; regionalBundle?: boolean } = {},
): Promise<string> {
  for (const list of lists)
    await call(node, "lists", "PUT", `/api/v1/watchlists/${list}/sharing`, {
      sharing: "partners",
      reason: "agreement",
    });
  const described = (await call(partner, "admin", "GET", "/.well-known/limes-node")).body;
  const proposed = await call(node, "admin", "POST", "/api/v1/partners/agreements", {
    ...(opts.id ? { id: opts.id } : {}),
    partnerNodeId: described.nodeId,
    partnerKey: described.publicKey,
    partnerUrl: partner.url,
    validFrom: new Date(Date.now() - 86_400_000).toISOString(),
    validTo: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    purposes: ["counter-terrorism", "serious-organised-crime", "document-fraud"],
    queryKinds: ["person", "document"],
    lists,
    categories: ["identity", "birth", "nationality", "documents", "listing"],
    retentionDays: 30,
    ratePerMinute: opts.ratePerMinute ?? 600,
    contact: `${node.nodeId} single point of contact`,
    ...(opts.autoDocumentCheck ? { autoDocumentCheck: opts.autoDocumentCheck } : {}),
    ...(opts.regionalBundle ? { regionalBundle: true } : {}),
    reason: "bilateral protocol on border security",
  });
  if (proposed.status !== 201)
    throw new Error(`agreement of ${node.nodeId}: ${JSON.stringify(proposed.body)}`);
  const approved = await call(
    node,
    "admin2",
    "POST",
    `/api/v1/approvals/${proposed.body.approvalId}/approve`,
    {
      reason: "protocol text checked",
    },
  );
  if (approved.status !== 200)
    throw new Error(`approval of ${node.nodeId}: ${JSON.stringify(approved.body)}`);
  return proposed.body.agreement.id;
}
