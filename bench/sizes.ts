// Lists the .ts files over 400 lines and the functions over 80 lines in src/ (tests excluded), the limits of
// the house style. `npx tsx bench/sizes.ts [dir]`; prints one line per finding and a count of each.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const MAX_FILE = 400;
const MAX_FUNCTION = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name)
    return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return "(anonymous)";
}

/** Functions of every kind, nested ones included: a long closure counts even when its parts are short. */
function longFunctions(file: string, source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION) found.push(`function ${lines} ${file}:${start + 1} ${nameOf(node, source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const root = process.argv[2] ?? "src";
const files: string[] = [];
const functions: string[] = [];
for (const path of sourceFiles(root)) {
  const text = readFileSync(path, "utf8");
  const file = relative(process.cwd(), path);
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_FILE) files.push(`file ${lines} ${file}`);
  functions.push(...longFunctions(file, ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)));
}
const bySize = (a: string, b: string) => Number(b.split(" ")[1]) - Number(a.split(" ")[1]);
for (const line of [...files.sort(bySize), ...functions.sort(bySize)]) console.log(line);
console.log(
  `${files.length} file(s) over ${MAX_FILE} lines, ${functions.length} function(s) over ${MAX_FUNCTION} lines`,
);
