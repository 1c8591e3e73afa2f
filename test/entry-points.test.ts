import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { commitAll, git, gitInit } from './support/git';

// The guards must refuse the same change whatever runs the synth: the cdk8s CLI
// (which empties the output directory before the app runs) and a plain runner, as
// `npm run synth` is.
const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');
const FIXTURE = path.join(__dirname, 'fixtures', 'guarded-app.ts');

type EntryPoint = 'cdk8s synth' | 'runner';

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-entry-'));
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), `language: typescript\napp: ${TSX} ${FIXTURE}\noutput: dist\n`);
  return dir;
}

function run(entry: EntryPoint, dir: string, env: Record<string, string>): { status: number | null; stderr: string } {
  const [cmd, args] = entry === 'cdk8s synth' ? [CDK8S, ['synth', '--no-check-upgrade']] : [TSX, [FIXTURE]];
  const { CDK8S_OUTDIR: _ignored, ...inherited } = process.env;
  const result = spawnSync(cmd, args, { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: `${result.stderr}${result.stdout}` };
}

describe.each<[EntryPoint, string]>([['cdk8s synth', 'flux'], ['runner', 'argocd']])('through %s (%s)', (entry, delivery) => {
  test('in git, a deleted cluster is refused against the committed output, and written once allowed', () => {
    // GIVEN a git project whose bootstrapped output, memory included, is committed
    const dir = project();
    gitInit(dir);
    const base = { FIXTURE_DELIVERY: delivery };
    expect(run(entry, dir, base).status).toBe(0);
    commitAll(dir);
    const memoryFile = path.join(dir, 'dist', 'qdrant-state.json');
    const memory = fs.readFileSync(memoryFile, 'utf8');
    expect(memory).toContain('"manifests.k8s.yaml"');

    // WHEN the cluster is removed from the code
    const refused = run(entry, dir, { ...base, FIXTURE_WITH_CLUSTER: 'false' });

    // THEN the synth fails with the guard's message, and the committed output restores what the CLI emptied
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/a cluster left the output; deleting it deletes its data; if this is intended, add Allow.clusterDeletion/);
    if (entry === 'cdk8s synth') {
      expect(refused.stderr).toMatch(/the cdk8s CLI emptied .*git checkout -- /);
      git(dir, 'checkout', '--', 'dist');
    }
    expect(fs.readFileSync(memoryFile, 'utf8')).toBe(memory);

    // WHEN it is allowed with a reason / THEN it is written, and the plan names the deletion and its reason
    const allowed = run(entry, dir, { ...base, FIXTURE_WITH_CLUSTER: 'false', FIXTURE_ALLOW_DELETION: 'moved to eu-west' });
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toMatch(/compared with git HEAD \([0-9a-f]{12}\) at dist\//);
    expect(allowed.stderr).toMatch(/deleted \(was v1\.\d+\.\d+\): leaves the output \(allowed: moved to eu-west\)/);
    const manifests = fs.readdirSync(path.join(dir, 'dist')).filter((f) => fs.existsSync(path.join(dir, 'dist', f, 'manifests.k8s.yaml')))
      .map((f) => fs.readFileSync(path.join(dir, 'dist', f, 'manifests.k8s.yaml'), 'utf8')).join('');
    expect(manifests).not.toContain('kind: QdrantCluster');
  });
});

test('outside git, the cdk8s CLI leaves the guards nothing to compare with, and the synth says so loudly', () => {
  // GIVEN a bootstrapped project that is not in git
  const dir = project();
  expect(run('cdk8s synth', dir, { FIXTURE_DELIVERY: 'flux' }).status).toBe(0);
  // WHEN the CLI synthesises again (it empties dist first)
  const again = run('cdk8s synth', dir, { FIXTURE_DELIVERY: 'flux' });
  // THEN it succeeds with one loud line, also in the plan
  expect(again.status).toBe(0);
  expect(again.stderr.match(/THE GUARDS HAD NOTHING TO COMPARE WITH/g)).toHaveLength(2);
});
