// Prepared statements (issue 18, item 6). Kysely hands the drivers SQL text; every crossing sends the
// same dozen texts with new values. Parsing (and on PostgreSQL, planning) them once per connection
// instead of once per request is what this file adds, under both drivers, without touching a query.
import { createHash } from "node:crypto";
import type SQLite from "better-sqlite3";
import type pg from "pg";

/** Distinct statements kept per connection: the application has a few hundred texts at most. */
const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 compiles a statement at every `prepare`; this keeps the compiled ones by text (the
 * least recently used leaves first). A statement still being iterated is busy and cannot run twice at
 * once: then a fresh one is prepared.
 */
export function cachingStatements(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  const cached = (text: string) => {
    const hit = cache.get(text);
    if (hit && !hit.busy) {
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const stmt = prepare(text);
    if (hit) return stmt;
    cache.set(text, stmt);
    if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  return new Proxy(database, {
    get(target, prop, receiver) {
      if (prop === "prepare") return cached;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/**
 * Makes pg send a statement with values as a named prepared statement, so that PostgreSQL parses and
 * plans it once per connection. The name is the text's digest, so one text always has one name. Up to
 * MAX_STATEMENTS names per connection (then new texts go unnamed: the server keeps every prepared
 * statement until the connection ends). Texts with `*` are left unnamed: a prepared `select *` fails
 * once a migration adds a column ("cached plan must not change result type").
 */
export function prepareStatementsOf(client: pg.PoolClient): void {
  const named = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (
      args.length !== 2 ||
      typeof text !== "string" ||
      !Array.isArray(values) ||
      values.length === 0 ||
      text.includes("*")
    )
      return query(...args);
    const name = `limes_${createHash("sha1").update(text).digest("base64url")}`;
    if (!named.has(name)) {
      if (named.size >= MAX_STATEMENTS) return query(text, values);
      named.add(name);
    }
    return query({ name, text, values });
  };
}
