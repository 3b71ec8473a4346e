// The direction of dependencies in src/ (docs/architecture.md), checked over the import graph on every
// `npm test`: the pure core does no I/O, the edges (http/, cli/) reach a capability only through its
// public surface, and no files import each other in a circle.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, importGraph, reachable } from "../support/import-graph.js";

const SRC = join(import.meta.dirname, "../../src");
const graph = importGraph(SRC);
const files = [...graph.local.keys()];

/** The pure core: the engine, the rule language with its guard and fairness report, the alert lifecycle. */
const PURE = files.filter(
  (f) =>
    f.startsWith("screening/") ||
    f.startsWith("disclosure/") ||
    f === "alerts/lifecycle.ts" ||
    /^rules\/(model|evaluate|domains|normal|selectivity|exact|guard|fairness)\.ts$/.test(f),
);

/** Modules that reach a disk, a network or a database. */
const IO =
  /^(node:)?(fs|fs\/promises|net|tls|http|https|http2|dgram|child_process|worker_threads)$|^(kysely|pg|better-sqlite3|fastify|@fastify\/.*|nats|ioredis|redis|undici)$/;

/** Folders without a public surface of their own: the shared basics, and the top-level composition files. */
const OPEN = /^(shared\/|[^/]+\.ts$)/;

describe("dependencies in src/", () => {
  it("finds the pure core and its imports", () => {
    expect(PURE).toEqual(
      expect.arrayContaining(["screening/screener.ts", "rules/guard.ts", "alerts/lifecycle.ts"]),
    );
  });

  it("keeps the pure core free of I/O, also through what it imports", () => {
    const offending = [...reachable(graph, PURE)].flatMap((f) =>
      (graph.external.get(f) ?? []).filter((m) => IO.test(m)).map((m) => `${f} imports ${m}`),
    );
    expect(offending).toEqual([]);
  });

  it("lets http/ and cli/ reach another capability only through its index.ts", () => {
    const edges = files.filter((f) => f.startsWith("http/") || f.startsWith("cli/"));
    const offending = edges.flatMap((f) =>
      (graph.local.get(f) ?? [])
        .filter((to) => to.split("/")[0] !== f.split("/")[0] && !OPEN.test(to) && !to.endsWith("/index.ts"))
        .map((to) => `${f} imports ${to}`),
    );
    expect(offending).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(cycles(graph)).toEqual([]);
  });
});
