import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// docs/api is generated from the JSDoc of the public API (`npm run docs`); a change to
// the API or its comments without regenerating it fails here.
const ROOT = path.resolve(__dirname, '..');

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
  });
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

test('docs/api matches the API reference generated from the sources (regenerate with npm run docs)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-api-docs-'));
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'typedoc'), ['--out', out, '--logLevel', 'Error'], { cwd: ROOT, stdio: 'pipe' });
    const generated = readTree(out);
    const committed = readTree(path.join(ROOT, 'docs', 'api'));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, content] of Object.entries(generated)) expect({ file, content: committed[file] }).toEqual({ file, content });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
