// The import graph of src/, read from the source text by TypeScript's own pre-processor: every static
// import, `import type`, re-export and dynamic import, each resolved to a file under src/ or left as a
// package name. Used by test/architecture/dependencies.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export interface ImportGraph {
  /** File (relative to src/, e.g. `alerts/decide.ts`) → the src/ files it imports. */
  local: Map<string, string[]>;
  /** File → the packages and node: modules it imports. */
  external: Map<string, string[]>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

function resolveLocal(from: string, spec: string): string {
  const target = resolve(dirname(from), spec);
  const candidates = [target.replace(/\.js$/, ".ts"), `${target}.ts`, join(target, "index.ts")];
  return candidates.find((c) => existsSync(c)) ?? target;
}

export function importGraph(root: string): ImportGraph {
  const local = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const specs = ts
      .preProcessFile(readFileSync(file, "utf8"), true, true)
      .importedFiles.map((f) => f.fileName);
    const name = relative(root, file);
    local.set(
      name,
      specs.filter((s) => s.startsWith(".")).map((s) => relative(root, resolveLocal(file, s))),
    );
    external.set(
      name,
      specs.filter((s) => !s.startsWith(".")),
    );
  }
  return { local, external };
}

/** Every file reachable from `start` through local imports, `start` included. */
export function reachable(graph: ImportGraph, start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.local.get(file) ?? []));
  }
  return seen;
}

/** The import cycles: strongly connected components of more than one file, or a file importing itself. */
export function cycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative over an explicit stack would be longer; src/ is shallow enough to recurse.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.local.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.local.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.local.keys()) if (!order.has(v)) visit(v);
  return found;
}
