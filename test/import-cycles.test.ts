import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// The rooms of src/ must not import each other in a circle, neither file by file nor
// folder by folder (an equivalent of `madge --circular`, with the compiler already here).
const SRC = path.resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Each file of src/ to the files of src/ it imports (type-only imports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const imports = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.resolve(path.dirname(file), name))
      .map((p) => [`${p}.ts`, path.join(p, 'index.ts')].find((c) => fs.existsSync(c)))
      .filter((p): p is string => p !== undefined && p.startsWith(SRC));
    graph.set(path.relative(SRC, file), imports.map((p) => path.relative(SRC, p)));
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, readonly string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, trail: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  [...graph.keys()].sort().forEach((n) => visit(n, []));
  return found;
}

const files = importGraph();

test('no import cycle between files of src/', () => {
  expect(cycles(files)).toEqual([]);
});

test('no import cycle between folders of src/ (index.ts aside)', () => {
  const folderOf = (f: string) => path.dirname(f);
  const folders = new Map<string, Set<string>>();
  for (const [file, imports] of files) {
    if (file === 'index.ts') continue;
    const from = folders.get(folderOf(file)) ?? new Set<string>();
    imports.map(folderOf).filter((f) => f !== folderOf(file)).forEach((f) => from.add(f));
    folders.set(folderOf(file), from);
  }
  expect(cycles(new Map([...folders].map(([k, v]) => [k, [...v].sort()])))).toEqual([]);
});
