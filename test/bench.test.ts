import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

// A smoke test of the benchmark script at its smallest size; the timings it prints are
// not asserted (they depend on the machine).
describe('npm run bench', () => {
  test('runs the library and both baselines, checks their outputs match, times the validators and ends with one JSON line', () => {
    // GIVEN the benchmark limited to 10 clusters, without the showcase timings
    const env = { ...process.env, BENCH_SIZES: '10', BENCH_SHOWCASE: '0', BENCH_VALUE_LENGTHS: '1000' };

    // WHEN it runs
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-ts.js'), 'bench/synth.bench.ts'], { cwd: ROOT, env, encoding: 'utf8' });

    // THEN it reports the size with identical outputs, and the last line holds its figures
    expect(run.status).toBe(0);
    // The workload's stacks warn (their backups assume csi-snapclass): one summary line per mode, not one per stack.
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\(library: \d+ warnings at 10 clusters, such as: cdk8s-qdrant warning: \[pc-0\] backups/),
    ]);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^10 clusters, 38 objects, outputs byte-identical: /);
    expect(lines[1]).toMatch(/^slowest validator: on 1000 characters .+ \(.+\) \d+\.\d{3} s$/);
    const figures = JSON.parse(lines[2]);
    expect(figures).toEqual({
      slowestValidatorSeconds: expect.any(Number),
      clusters: 10, librarySeconds: expect.any(Number), baselineSeconds: expect.any(Number), ratio: expect.any(Number),
      rssMb: expect.any(Number), secondSynthSeconds: expect.any(Number), yamlSeconds: expect.any(Number),
    });
  });
});
