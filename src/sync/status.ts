// What the first-line screen shows of the sync: the role, the link, and the age of the lists, with the
// warning past the configured limit. Lists and versions only: no personal data.
import type { Db } from "../db/index.js";
import { type ListAge, listAge } from "./model.js";
import { receivedLists } from "./store.js";

export interface SyncStatus {
  role: "centre" | "post";
  post?: string;
  /** Absent on a process that syncs with nothing (no LIMES_NATS_URL). */
  connected?: boolean;
  lists: { list: string; version: number; sha256: string; confirmedAt: string }[];
  age?: ListAge;
}

export async function syncStatus(
  db: Db,
  runtime: { role: "centre" | "post"; post?: string; connected(): boolean } | undefined,
  warnAfterHours: number,
  now = new Date(),
): Promise<SyncStatus> {
  if (!runtime) return { role: "centre", lists: [] };
  const rows = runtime.role === "post" ? await receivedLists(db.kysely) : [];
  const lists = rows.map((r) => ({
    list: r.list_id,
    version: r.version,
    sha256: r.sha256,
    confirmedAt: r.confirmed_at,
  }));
  return {
    role: runtime.role,
    ...(runtime.post ? { post: runtime.post } : {}),
    connected: runtime.connected(),
    lists,
    ...(runtime.role === "post"
      ? {
          age: listAge(
            lists.map((l) => l.confirmedAt),
            now,
            warnAfterHours,
          ),
        }
      : {}),
  };
}
