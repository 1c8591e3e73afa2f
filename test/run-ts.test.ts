import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RUN_TS = path.resolve(__dirname, '..', 'scripts', 'run-ts.js');

function run(entry: string, ...args: string[]): string {
  return execFileSync(process.execPath, [RUN_TS, entry, ...args], { encoding: 'utf8' }).trim();
}

describe('scripts/run-ts.js (npm run synth, cdk8s synth)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-ts-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('runs TypeScript that imports TypeScript, with the entry and its arguments in argv', () => {
    // GIVEN an entry importing a typed module by extensionless path
    fs.writeFileSync(path.join(dir, 'greeting.ts'), 'export const greet = (who: string): string => `hello ${who}`;\n');
    fs.writeFileSync(path.join(dir, 'main.ts'), [
      "import * as path from 'path';",
      "import { greet } from './greeting';",
      'console.log(greet(process.argv[2]), path.basename(process.argv[1]));',
    ].join('\n'));

    // WHEN it runs
    const out = run(path.join(dir, 'main.ts'), 'world');

    // THEN the imported code ran and argv is as under node or tsx
    expect(out).toBe('hello world main.ts');
  });

  test('never runs stale code: a changed file runs as changed, also when changed back', () => {
    // GIVEN a module that has run once
    const file = path.join(dir, 'value.ts');
    fs.writeFileSync(file, 'console.log(1 as number);\n');
    expect(run(file)).toBe('1');

    // WHEN it changes, keeping its size and modification time
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'console.log(2 as number);\n');
    fs.utimesSync(file, mtime, mtime);

    // THEN the new content runs, and the old again once restored
    expect(run(file)).toBe('2');
    fs.writeFileSync(file, 'console.log(1 as number);\n');
    expect(run(file)).toBe('1');
  });
});
