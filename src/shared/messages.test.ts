// Every error code the server can emit has an entry in the English catalogue. The codes are collected
// from the source itself, so a new `throw new XError(…, "some_code")` without an entry fails here (the
// `ErrorCode` type already refuses it at compile time; `errorBody` and object literals are not typed).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DOMAIN, FRAMEWORK } from "../http/errors.js";
import { InvalidError } from "./errors.js";
import { isErrorCode, MESSAGES, messageOf } from "./messages.js";

const SRC = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const literal = (n: ts.Node | undefined) => (n && ts.isStringLiteral(n) ? n.text : undefined);

/** The codes written in one file: error constructors' third argument, `errorBody`'s first, `code = "…"`. */
function codesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: (string | undefined)[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(source)))
      found.push(literal(node.arguments?.[2]));
    if (ts.isCallExpression(node) && node.expression.getText(source) === "errorBody")
      found.push(literal(node.arguments[0]));
    if (ts.isPropertyDeclaration(node) && node.name.getText(source) === "code")
      found.push(literal(node.initializer));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((c): c is string => c !== undefined);
}

describe("the error message catalogue", () => {
  const written = sourceFiles(SRC).flatMap(codesIn);
  const emitted = new Set([...written, ...DOMAIN.map(([, , code]) => code), ...Object.values(FRAMEWORK)]);

  it("has an entry for every code the server can emit", () => {
    // Guards the collector itself: it must see codes from constructors, errorBody and class fields.
    expect(written).toEqual(
      expect.arrayContaining(["alert_not_found", "web_not_built", "unknown_crossing_point"]),
    );
    expect([...emitted].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it("uses stable snake_case codes", () => {
    expect(Object.keys(MESSAGES).filter((code) => !/^[a-z]+(_[a-z]+)*$/.test(code))).toEqual([]);
  });

  it("words a message from code and params, and keeps the server's text for a code it does not know", () => {
    expect(messageOf({ code: "rule_not_found", params: { id: "r-7" }, message: "ignored" })).toBe(
      "rule r-7 not found",
    );
    expect(messageOf({ code: "invalid", params: {}, message: "days: between 1 and 90" })).toBe(
      "days: between 1 and 90",
    );
    expect(messageOf({ code: "from_a_newer_server", message: "as the server said" })).toBe(
      "as the server said",
    );
    const err = new InvalidError("batch", undefined, "batch_size", { max: 500 });
    expect(messageOf({ code: err.code ?? "", params: err.params, message: err.message })).toBe(
      "between 1 and 500 persons per request",
    );
  });
});
