/**
 * `npm run bench`: the issue-12 workload (N clusters in N/10 QdrantOperator stacks,
 * Flux, External Secrets, one scheduled snapshot each) at 10 to 10,000 clusters. Per
 * size, each run in a process of its own: the library, a second library synth into
 * its previous output (guards on), plain cdk8s and the yaml package alone; the three
 * outputs must be byte-identical. Then the showcase through `npm run synth` and
 * `cdk8s synth`. Prints figures and asserts no timing (targets belong here, not in
 * tests); the last line is one JSON object with the figures of the largest size.
 *
 * Then every validator on 100,000- and 1,000,000-character values (bench/validators.ts):
 * the slowest one per length.
 *
 * BENCH_SIZES=10,100 limits the sizes; BENCH_SHOWCASE=0 skips the showcase timings;
 * BENCH_VALUE_LENGTHS=1000 sets the value lengths of the validator timings.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { slowestValidator } from './validators';

interface Run { readonly seconds: number; readonly rssMb: number; readonly objects?: number }

const ROOT = path.resolve(__dirname, '..');
const RUN_TS = path.join(ROOT, 'scripts', 'run-ts.js');
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000,10000').split(',').map(Number);
const SHOWCASE_RUNS = process.env.BENCH_SHOWCASE === '0' ? 0 : 5;
const VALUE_LENGTHS = (process.env.BENCH_VALUE_LENGTHS ?? '100000,1000000').split(',').map(Number);

/** Warning lines already summarised, so each kind is told once per run. */
const toldWarnings = new Set<string>();

function runOne(mode: string, clusters: number, outdir: string): Run {
  const run = spawnSync(process.execPath, [RUN_TS, path.join(ROOT, 'bench', 'run-one.ts'), mode, String(clusters), outdir], { encoding: 'utf8', cwd: ROOT });
  if (run.status !== 0) throw new Error(`${mode} at ${clusters} clusters failed:\n${run.stderr}`);
  // The workload's stacks each warn once (their backups assume csi-snapclass): one line per kind, not one per stack.
  // A first synth into a fresh directory has nothing to compare with, as expected here: not a warning worth telling.
  const warnings = run.stderr.split('\n').filter((l) => l.includes('warning:') && !l.includes('THE GUARDS HAD NOTHING TO COMPARE WITH'));
  const kind = warnings[0]?.replace(/\[[^\]]*\]|\d+/g, '');
  if (kind !== undefined && !toldWarnings.has(kind)) {
    toldWarnings.add(kind);
    console.error(`(${mode}: ${warnings.length} warnings at ${clusters} clusters, such as: ${warnings[0]})`);
  }
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

/** Relative path to content of every file under `dir`. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files.set(path.relative(dir, p), fs.readFileSync(p));
  });
  walk(dir);
  return files;
}

/**
 * The first difference between two output trees, or undefined. Left out, because the
 * baselines do not write them: the README.md files (their pictures and the fleet overview
 * are drawn from the manifests compared here) and the guards' memory, qdrant-state.json
 * (a summary of the manifests with their blob ids).
 */
function firstDifference(a: string, b: string): string | undefined {
  const LIBRARY_ONLY = ['README.md', 'qdrant-state.json'];
  const manifestsOnly = (tree: Map<string, Buffer>) => new Map([...tree].filter(([file]) => !LIBRARY_ONLY.includes(path.basename(file))));
  const left = manifestsOnly(readTree(a));
  const right = manifestsOnly(readTree(b));
  if (left.size !== right.size) return `${left.size} files against ${right.size}`;
  for (const [file, content] of left) {
    if (!right.get(file)?.equals(content)) return `${file} differs`;
  }
  return undefined;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function wallSeconds(runs: number, command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    return (performance.now() - start) / 1000;
  });
  return median(times);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-bench-'));
try {
  const rows: Record<string, number>[] = [];
  for (const clusters of SIZES) {
    const dir = (name: string) => path.join(tmp, `${name}-${clusters}`);
    const library = runOne('library', clusters, dir('library'));
    const second = runOne('library', clusters, dir('library'));
    const cdk8s = runOne('cdk8s', clusters, dir('cdk8s'));
    const yaml = runOne('yaml', clusters, dir('yaml'));
    for (const baseline of ['cdk8s', 'yaml']) {
      const diff = firstDifference(dir('library'), dir(baseline));
      if (diff) throw new Error(`${clusters} clusters: the ${baseline} baseline's output is not the library's: ${diff}`);
      fs.rmSync(dir(baseline), { recursive: true, force: true });
    }
    fs.rmSync(dir('library'), { recursive: true, force: true });
    const objects = cdk8s.objects!;
    const row = {
      clusters, objects,
      librarySeconds: library.seconds, libraryRssMb: library.rssMb, objectsPerSecond: objects / library.seconds,
      secondSynthSeconds: second.seconds, secondSynthRssMb: second.rssMb,
      cdk8sSeconds: cdk8s.seconds, cdk8sRssMb: cdk8s.rssMb, yamlSeconds: yaml.seconds, yamlRssMb: yaml.rssMb,
      ratioToCdk8s: library.seconds / cdk8s.seconds, ratioToYaml: library.seconds / yaml.seconds,
    };
    rows.push(row);
    console.log(`${clusters} clusters, ${objects} objects, outputs byte-identical: library ${row.librarySeconds.toFixed(2)} s `
      + `(${row.libraryRssMb.toFixed(0)} MB, ${row.objectsPerSecond.toFixed(0)} objects/s), second synth ${row.secondSynthSeconds.toFixed(2)} s `
      + `(${row.secondSynthRssMb.toFixed(0)} MB); cdk8s ${row.cdk8sSeconds.toFixed(2)} s (${row.cdk8sRssMb.toFixed(0)} MB), `
      + `yaml ${row.yamlSeconds.toFixed(2)} s (${row.yamlRssMb.toFixed(0)} MB); library/cdk8s ${row.ratioToCdk8s.toFixed(2)}x, library/yaml ${row.ratioToYaml.toFixed(2)}x`);
  }
  if (SHOWCASE_RUNS) {
    const outdir = path.join(tmp, 'showcase');
    const npm = wallSeconds(SHOWCASE_RUNS, 'npm', ['run', '--silent', 'synth'], { CDK8S_OUTDIR: outdir });
    const cli = wallSeconds(SHOWCASE_RUNS, path.join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade', '-o', outdir], {});
    console.log(`showcase, median of ${SHOWCASE_RUNS}: npm run synth ${npm.toFixed(2)} s, cdk8s synth --no-check-upgrade ${cli.toFixed(2)} s`);
  }
  const slowest = VALUE_LENGTHS.map(slowestValidator);
  console.log(`slowest validator: ${slowest.map((v) => `on ${v.length} characters ${v.validator} (${v.shape}) ${v.seconds.toFixed(3)} s`).join('; ')}`);
  const last = rows[rows.length - 1];
  console.log(JSON.stringify({
    slowestValidatorSeconds: round(Math.max(...slowest.map((v) => v.seconds))),
    clusters: last.clusters, librarySeconds: round(last.librarySeconds), baselineSeconds: round(last.cdk8sSeconds), ratio: round(last.ratioToCdk8s),
    rssMb: Math.round(last.libraryRssMb), secondSynthSeconds: round(last.secondSynthSeconds), yamlSeconds: round(last.yamlSeconds),
  }));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
