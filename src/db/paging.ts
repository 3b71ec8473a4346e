// Keyset paging, one implementation for every list: a page is the rows after the cursor in a fixed,
// total order (the last key is always a unique id), so a row added or removed meanwhile never shifts the
// next page as an offset would. The cursor is opaque to clients: base64url of the last row's sort key.
import { type Expression, type SelectQueryBuilder, sql } from "kysely";
import { InvalidError } from "../shared/errors.js";

export type KeyValue = string | number;

/** One sort key: a column name or an SQL expression, ascending unless `desc`. */
export interface SortKey {
  expr: string | Expression<unknown>;
  desc?: boolean;
}

export interface PageRequest {
  limit: number;
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Rows matching the filter, on every page (not only after the cursor). */
  total: number;
  /** Null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The sort key in a cursor; InvalidError when it is not a cursor of a list sorted by `arity` keys. */
export function decodeCursor(cursor: string, arity: number): KeyValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  const ok =
    Array.isArray(values) &&
    values.length === arity &&
    values.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)));
  if (!ok)
    throw new InvalidError(
      "cursor: not a cursor of this list (start again without one)",
      undefined,
      "bad_cursor",
    );
  return values as KeyValue[];
}

const ref = (k: SortKey) => (typeof k.expr === "string" ? sql.ref(k.expr) : k.expr);

/**
 * One page of `query` (filtered and selected, not ordered) sorted by `keys`; `keyOf` gives a row's
 * values of those keys, for the cursor. Also counts every row the filter matches.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: readonly SortKey[],
  keyOf: (row: O) => KeyValue[],
  page: PageRequest,
): Promise<Page<O>> {
  const counted = (await query
    .clearSelect()
    .select(sql<string | number | bigint>`count(*)`.as("total"))
    .executeTakeFirst()) as { total: string | number | bigint } | undefined;
  let q = query;
  if (page.cursor) {
    const after = decodeCursor(page.cursor, keys.length);
    // (k1, k2, …) after (v1, v2, …): k1 past v1, or k1 = v1 and k2 past v2, and so on.
    const branches = keys.map((k, i) => {
      const equal = keys.slice(0, i).map((kj, j) => sql`${ref(kj)} = ${after[j]}`);
      const past = sql`${ref(k)} ${sql.raw(k.desc ? "<" : ">")} ${after[i]}`;
      return sql`(${sql.join([...equal, past], sql` and `)})`;
    });
    q = q.where(sql<boolean>`(${sql.join(branches, sql` or `)})`);
  }
  for (const k of keys) q = q.orderBy(ref(k), k.desc ? "desc" : "asc");
  const rows = await q.limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    total: Number(counted?.total ?? 0),
    nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
