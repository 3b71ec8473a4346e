// The settings of remote posts and of a centre on NATS JetStream (issue 18), read with the rest of the
// configuration in src/config.ts:
//   LIMES_ROLE      centre (the default: today's single node, or one of several centre processes) or post
//   LIMES_NATS_URL  nats://… of the JetStream server (centre) or of the post's leaf node; unset: no sync
//   LIMES_NATS_DOMAIN  the centre's JetStream domain (deploy/nats/centre.conf: centre), which a post
//               reaches through its leaf node; unset for a server without one
//   LIMES_POST_ID   this post's name, required for a post: its messages, decisions and status carry it
//   LIMES_SYNC_DUPLICATE_WINDOW_SECONDS  JetStream's duplicate window of the sync stream (default 120)
//   LIMES_LIST_WARN_HOURS  a post warns when its lists are older than this (default 24)
export const SYNC_ROLES = ["centre", "post"] as const;
export type SyncRole = (typeof SYNC_ROLES)[number];

export interface SyncConfig {
  role: SyncRole;
  natsUrl?: string;
  natsDomain?: string;
  postId?: string;
  duplicateWindowSeconds: number;
  listWarnHours: number;
}

export const DEFAULT_SYNC: SyncConfig = { role: "centre", duplicateWindowSeconds: 120, listWarnHours: 24 };

/** Every problem is pushed to `problems`, so a deployment is fixed in one go. */
export function readSyncConfig(value: (name: string) => string | undefined, problems: string[]): SyncConfig {
  const out: SyncConfig = { ...DEFAULT_SYNC };
  const role = value("LIMES_ROLE") ?? "centre";
  const known = SYNC_ROLES.find((r) => r === role);
  if (known) out.role = known;
  else problems.push(`LIMES_ROLE must be centre or post, not "${role}"`);
  const url = value("LIMES_NATS_URL");
  if (url && !/^(nats|tls):\/\//.test(url)) problems.push("LIMES_NATS_URL must be nats://… or tls://…");
  else if (url) out.natsUrl = url;
  const domain = value("LIMES_NATS_DOMAIN");
  if (domain !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(domain))
    problems.push("LIMES_NATS_DOMAIN must be 1 to 40 letters, digits, - or _");
  else if (domain) out.natsDomain = domain;
  const post = value("LIMES_POST_ID");
  if (post !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(post))
    problems.push(
      "LIMES_POST_ID must be 1 to 40 lower-case letters, digits or hyphens (a NATS subject token)",
    );
  else if (post) out.postId = post;
  if (out.role === "post" && (!out.postId || !out.natsUrl))
    problems.push("a post (LIMES_ROLE=post) needs LIMES_POST_ID and LIMES_NATS_URL");
  for (const [name, field, max] of [
    ["LIMES_SYNC_DUPLICATE_WINDOW_SECONDS", "duplicateWindowSeconds", 86_400],
    ["LIMES_LIST_WARN_HOURS", "listWarnHours", 24 * 365],
  ] as const) {
    const text = value(name);
    if (text === undefined) continue;
    if (/^[1-9][0-9]*$/.test(text) && Number(text) <= max) out[field] = Number(text);
    else problems.push(`${name} must be a whole number from 1 to ${max}, not "${text}"`);
  }
  return out;
}
