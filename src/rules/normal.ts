// A condition in normal form: negation pushed down to the tests (NNF), then spread into a disjunction of
// conjunctions (DNF), so the guard can judge each way the rule can fire on its own. Pure. Bounded: the
// input's depth and size are measured without recursion before anything recurses into it, and the
// expansion stops at a fixed number of disjuncts, so no condition can exhaust the stack or the memory.
import { OPERATORS, type Operator } from "./model.js";

export const LIMITS = { depth: 32, nodes: 400, disjuncts: 256, literals: 64 } as const;

export interface Test {
  field: string;
  op: Operator;
  value?: unknown;
}

/** A test, or its negation (which, unlike the opposite operator, also holds when the fact is missing). */
export interface Literal {
  test: Test;
  negated: boolean;
}

export type Disjunct = readonly Literal[];

export class TooComplex extends Error {}

/** Depth and node count of an arbitrary JSON value, iteratively; stops counting past the limits. */
function measure(root: unknown): { depth: number; nodes: number } {
  const stack: [unknown, number][] = [[root, 1]];
  let depth = 0;
  let nodes = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, d);
    if (depth > LIMITS.depth || nodes > LIMITS.nodes) break;
    if (v && typeof v === "object") {
      for (const child of Object.values(v as object)) stack.push([child, d + 1]);
    }
  }
  return { depth, nodes };
}

/** Why a condition is too deep or too large to judge, or undefined when it is within bounds. */
export function sizeError(c: unknown): string | undefined {
  const { depth, nodes } = measure(c);
  // Each level of all/any/not is two levels of JSON (the object and its list or operand).
  if (depth > LIMITS.depth)
    return `the condition is nested too deeply (more than ${LIMITS.depth / 2} levels of all/any/not): flatten it`;
  if (nodes > LIMITS.nodes)
    return `the condition is too large (more than ${LIMITS.nodes} parts): split it into several rules`;
  return undefined;
}

/** Shape errors with the path of each wrong part; call only on a condition within `sizeError`'s bounds. */
export function shapeErrors(c: unknown, path: string, out: string[]): void {
  if (!c || typeof c !== "object" || Array.isArray(c)) {
    out.push(`${path}: a condition must be an object`);
    return;
  }
  const o = c as Record<string, unknown>;
  const kinds = ["all", "any", "not", "field"].filter((k) => k in o);
  if (kinds.length !== 1) {
    out.push(`${path}: a condition is exactly one of all, any, not or a test with a field`);
    return;
  }
  if ("all" in o || "any" in o) {
    const key = "all" in o ? "all" : "any";
    const list = o[key];
    if (!Array.isArray(list) || list.length === 0) out.push(`${path}: ${key} needs a non-empty list`);
    else for (const [i, x] of list.entries()) shapeErrors(x, `${path}.${key}[${i}]`, out);
    return;
  }
  if ("not" in o) {
    shapeErrors(o.not, `${path}.not`, out);
    return;
  }
  if (typeof o.field !== "string") {
    out.push(`${path}: a test needs a field`);
    return;
  }
  if (!(OPERATORS as readonly string[]).includes(o.op as string))
    out.push(`${path}: unknown operator "${String(o.op)}"`);
  if (o.op !== "exists" && !("value" in o)) out.push(`${path}: operator "${String(o.op)}" needs a value`);
}

type Nnf = { and: Nnf[] } | { or: Nnf[] } | Literal;

/** Negation normal form of a well-shaped condition: `not` only directly on tests. */
function nnf(c: Record<string, unknown>, negated: boolean): Nnf {
  if ("not" in c) return nnf(c.not as Record<string, unknown>, !negated);
  if ("all" in c || "any" in c) {
    const parts = ((c.all ?? c.any) as Record<string, unknown>[]).map((x) => nnf(x, negated));
    // De Morgan: not(all) is any of the negations, not(any) is all of them.
    return "all" in c !== negated ? { and: parts } : { or: parts };
  }
  const test: Test = { field: c.field as string, op: c.op as Operator };
  if ("value" in c) test.value = c.value;
  return { test, negated };
}

function dnfOf(n: Nnf): Disjunct[] {
  if ("test" in n) return [[n]];
  if ("or" in n) {
    const out = n.or.flatMap(dnfOf);
    if (out.length > LIMITS.disjuncts) throw new TooComplex();
    return out;
  }
  let acc: Disjunct[] = [[]];
  for (const part of n.and) {
    const rights = dnfOf(part);
    const next: Disjunct[] = [];
    for (const left of acc) {
      for (const right of rights) {
        if (next.length >= LIMITS.disjuncts || left.length + right.length > LIMITS.literals)
          throw new TooComplex();
        next.push([...left, ...right]);
      }
    }
    acc = next;
  }
  return acc;
}

/**
 * The disjuncts of a well-shaped condition, or the reason it cannot be judged: written out as "any of
 * these ways, each all of its tests", it would need more than the bounded number of disjuncts or tests.
 */
export function disjunctsOf(c: unknown): { disjuncts: Disjunct[] } | { error: string } {
  try {
    return { disjuncts: dnfOf(nnf(c as Record<string, unknown>, false)) };
  } catch (err) {
    if (!(err instanceof TooComplex)) throw err;
    return {
      error: `the condition expands to more than ${LIMITS.disjuncts} alternative ways to fire (or more than ${LIMITS.literals} tests in one): simplify it or split it into several rules`,
    };
  }
}
