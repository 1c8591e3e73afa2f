import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

// A smoke test of the benchmark script at its smallest size; the timings it prints are
// not asserted (they depend on the machine). The bench itself fails when an output or a
// plan is not what it should be; this test checks it says what it checked.
describe('npm run bench', () => {
  test('runs the library, its second synths (disk, git, changed) and both baselines, checks outputs and plans, times the validators and ends with one JSON line', () => {
    // GIVEN the benchmark limited to 10 clusters (one stack), without the showcase timings
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
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^10 clusters, 38 objects, outputs byte-identical: /);
    // The second synth on disk rewrote the first output's bytes; the one in git compared with the commit
    // (the plan's own words), planned nothing and left the work tree as committed.
    expect(lines[1]).toMatch(/^ {2}second synths: on disk \d+\.\d\d s \(\d+ MB, \d+\.\d\dx the first\), the first output's bytes; /);
    expect(lines[1]).toMatch(/in git \d+\.\d\d s \(\d+ MB, \d+\.\d\dx the first\), compared with git HEAD \([0-9a-f]{12}\) at dist\/, no change planned, git status clean$/);
    // The changed synth's plan names the one grown cluster of the one stack.
    expect(lines[2]).toMatch(/^ {2}changed: second synth .+ with the storage of 1 of 10 clusters grown, compared with the output on disk: the plan names 1 changed databases in 1 changed folders$/);
    expect(lines[3]).toMatch(/^ {2}manifest pass made before the guards and again when writing .+: \d+\.\d{3} s, \d+ % of the second synth$/);
    expect(lines[4]).toMatch(/^slowest validator: on 1000 characters .+ \(.+\) \d+\.\d{3} s$/);
    const figures = JSON.parse(lines[5]);
    expect(figures).toEqual({
      slowestValidatorSeconds: expect.any(Number),
      clusters: 10, librarySeconds: expect.any(Number), baselineSeconds: expect.any(Number), ratio: expect.any(Number),
      rssMb: expect.any(Number), secondSynthSeconds: expect.any(Number), yamlSeconds: expect.any(Number),
      secondSynthRssMb: expect.any(Number), secondSynthRatio: expect.any(Number),
      gitSynthSeconds: expect.any(Number), gitSynthRssMb: expect.any(Number), gitSynthRatio: expect.any(Number),
      changedSynthSeconds: expect.any(Number), changedSynthRssMb: expect.any(Number), changedSynthRatio: expect.any(Number),
      manifestPassSeconds: expect.any(Number), manifestPassShare: expect.any(Number),
    });
  });
});
