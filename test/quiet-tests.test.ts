import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

// `npm test` is quiet unless a test fails: the test environment holds back the library's
// console lines and shows them with the failing test they belong to.
test('the library\'s console lines show only with a failing test', () => {
  // GIVEN a test file where one test prints a library warning and fails, and another prints one and passes
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-quiet-'));
  fs.writeFileSync(path.join(dir, 'probe.test.js'), `
    test('fails', () => { process.stderr.write('cdk8s-qdrant warning: shown with its failure\\n'); expect(1).toBe(2); });
    test('passes', () => { process.stderr.write('cdk8s-qdrant warning: held ' + 'back\\n'); });
    test('prints other output as usual', () => { process.stderr.write('not the library\\n'); });
  `);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's jest configuration, with the probe as its only test
  const config = { ...require(path.join(ROOT, 'jest.config.js')), rootDir: ROOT, roots: [dir], testMatch: ['**/probe.test.js'] };
  // WHEN jest runs it with the project's environment
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--ci'],
    { cwd: ROOT, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  // THEN only the failing test's line is shown; other output is untouched
  const output = run.stdout + run.stderr;
  expect(run.status).toBe(1);
  expect(output).toContain('cdk8s-qdrant warning: shown with its failure');
  expect(output).not.toContain('held back');
  expect(output).toContain('not the library');
}, 60_000);
