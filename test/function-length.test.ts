import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// A function that reads in one screen is one a maintainer can change: every function,
// method and constructor of src/ stays under 60 lines (body included).
const SRC = path.resolve(__dirname, '..', 'src');
const LIMIT = 60;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every function-like node with a body, as `file:line name` and its length in lines. */
function functionLengths(file: string): Array<[string, number]> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<[string, number]> = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(source) ?? (ts.isConstructorDeclaration(node) ? 'constructor' : '<anonymous>');
      found.push([`${path.relative(SRC, file)}:${first + 1} ${name}`, last - first + 1]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test(`every function of src/ is under ${LIMIT} lines`, () => {
  const all = sourceFiles(SRC).flatMap(functionLengths);
  // GIVEN the measure finds the functions (a sanity floor, so an empty walk cannot pass)
  expect(all.length).toBeGreaterThan(300);
  // THEN none is as long as the limit
  expect(all.filter(([, lines]) => lines >= LIMIT).map(([where, lines]) => `${where}: ${lines} lines`)).toEqual([]);
});
