/**
 * `npm run bench`: the issue-12 workload (N clusters in N/10 QdrantOperator stacks,
 * Flux, External Secrets, one scheduled snapshot each) at 10 to 10,000 clusters. Per
 * size, each run in a process of its own: the library, plain cdk8s and the yaml package
 * alone (the three outputs must be byte-identical), and three second library synths
 * (guards on): into the first output on disk, into the first output committed in a git
 * work tree (baseline git HEAD), and of a changed workload (a tenth of the clusters grow
 * their storage, one in every folder) into the first output on disk. The unchanged ones
 * must write the first output's bytes and plan no change; the changed one must plan its
 * changes. Then the manifest pass the synth makes over every folder before the guards and
 * again when writing, alone, as a share of the second synth (what serialising once would save). Then the showcase through
 * `npm run synth` and `cdk8s synth`. Prints figures and asserts no timing (targets belong
 * here, not in tests); the last line is one JSON object with the figures of the largest size.
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
import { CLUSTERS_PER_STACK } from './fleet-ids';
import { slowestValidator } from './validators';

interface Run {
  readonly seconds: number;
  readonly rssMb: number;
  readonly objects?: number;
  /** A synth's plan, from its plan file (JSON). */
  readonly plan?: any;
}

/** Where a run runs and writes its plan. */
interface RunPlace { readonly cwd?: string; readonly planFile?: string }

const ROOT = path.resolve(__dirname, '..');
const RUN_TS = path.join(ROOT, 'scripts', 'run-ts.js');
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000,10000').split(',').map(Number);
const SHOWCASE_RUNS = process.env.BENCH_SHOWCASE === '0' ? 0 : 5;
const VALUE_LENGTHS = (process.env.BENCH_VALUE_LENGTHS ?? '100000,1000000').split(',').map(Number);

/** Warning lines already summarised, so each kind is told once per run. */
const toldWarnings = new Set<string>();

function runOne(mode: string, clusters: number, outdir: string, place: RunPlace = {}): Run {
  // The guards' defaults, whatever the caller's environment says: HEAD when in git, no plan file unless asked for.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.QDRANT_BASE_REF;
  delete env.QDRANT_PLAN_FILE;
  if (place.planFile) env.QDRANT_PLAN_FILE = place.planFile;
  const run = spawnSync(process.execPath, [RUN_TS, path.join(ROOT, 'bench', 'run-one.ts'), mode, String(clusters), outdir], {
    encoding: 'utf8', cwd: place.cwd ?? ROOT, env,
    // A warning per cluster (replication factor 1) is megabytes of stderr at 10,000 clusters: more than spawnSync's default buffer.
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${mode} at ${clusters} clusters failed (${run.error ?? `exit ${run.status}`}):\n${run.stderr.slice(-4000)}`);
  // The workload's stacks each warn once (their backups assume csi-snapclass): one line per kind, not one per stack.
  // A first synth into a fresh directory has nothing to compare with, as expected here: not a warning worth telling.
  const warnings = run.stderr.split('\n').filter((l) => l.includes('warning:') && !l.includes('THE GUARDS HAD NOTHING TO COMPARE WITH'));
  const kind = warnings[0]?.replace(/\[[^\]]*\]|\d+/g, '');
  if (kind !== undefined && !toldWarnings.has(kind)) {
    toldWarnings.add(kind);
    console.error(`(${mode}: ${warnings.length} warnings at ${clusters} clusters, such as: ${warnings[0]})`);
  }
  const figures = JSON.parse(run.stdout.trim().split('\n').pop()!);
  return place.planFile ? { ...figures, plan: JSON.parse(fs.readFileSync(place.planFile.replace(/\.md$/, '.json'), 'utf8')) } : figures;
}

/** Commits `dir` (an output) as `dist/` of a new git repository at `repo`; returns the output's path there. */
function commitOutput(dir: string, repo: string): string {
  const dist = path.join(repo, 'dist');
  fs.cpSync(dir, dist, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'first output');
  return dist;
}

/** What git says changed in a work tree: empty when it is as committed. */
function gitStatus(repo: string): string {
  return execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' });
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
 * (a summary of the manifests with their blob ids), unless `everyFile` (two library outputs).
 */
function firstDifference(a: string, b: string, everyFile = false): string | undefined {
  const LIBRARY_ONLY = ['README.md', 'qdrant-state.json'];
  const compared = (tree: Map<string, Buffer>) => (everyFile ? tree : new Map([...tree].filter(([file]) => !LIBRARY_ONLY.includes(path.basename(file)))));
  const left = compared(readTree(a));
  const right = compared(readTree(b));
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
    const planFile = (name: string) => path.join(tmp, `plan-${name}-${clusters}.md`);
    const library = runOne('library', clusters, dir('library'));
    const committed = commitOutput(dir('library'), dir('git'));
    const second = runOne('library', clusters, dir('library'));
    const same = firstDifference(committed, dir('library'), true);
    if (same) throw new Error(`${clusters} clusters: the second synth on disk did not write the first output's bytes: ${same}`);
    // In the work tree, as a pull-request check runs: the plan names the output as git does (dist/).
    const git = runOne('library', clusters, committed, { cwd: dir('git'), planFile: planFile('git') });
    const gitChanges = gitStatus(dir('git'));
    if (!git.plan.baseline?.startsWith('git HEAD') || git.plan.folders.length || git.plan.databases.length || gitChanges) {
      throw new Error(`${clusters} clusters: the second synth in git compared with ${git.plan.baseline}, planned ${git.plan.folders.length} folder changes, git status: ${gitChanges}`);
    }
    const cdk8s = runOne('cdk8s', clusters, dir('cdk8s'));
    const yaml = runOne('yaml', clusters, dir('yaml'));
    for (const baseline of ['cdk8s', 'yaml']) {
      const diff = firstDifference(dir('library'), dir(baseline));
      if (diff) throw new Error(`${clusters} clusters: the ${baseline} baseline's output is not the library's: ${diff}`);
      fs.rmSync(dir(baseline), { recursive: true, force: true });
    }
    const changed = runOne('changed', clusters, dir('library'), { planFile: planFile('changed') });
    const stacks = clusters / CLUSTERS_PER_STACK;
    const changedFolders = changed.plan.folders.filter((f: any) => f.state === 'changed').length;
    if (!changed.plan.baseline?.startsWith('the output on disk') || changed.plan.databases.length !== stacks || changedFolders !== stacks) {
      throw new Error(`${clusters} clusters: the changed synth compared with ${changed.plan.baseline} and planned ${changed.plan.databases.length} database and ${changedFolders} folder changes, not ${stacks}`);
    }
    const manifests = runOne('manifests', clusters, dir('library'));
    for (const d of ['library', 'git']) fs.rmSync(dir(d), { recursive: true, force: true });
    const objects = cdk8s.objects!;
    const row = {
      clusters, objects,
      librarySeconds: library.seconds, libraryRssMb: library.rssMb, objectsPerSecond: objects / library.seconds,
      secondSynthSeconds: second.seconds, secondSynthRssMb: second.rssMb,
      cdk8sSeconds: cdk8s.seconds, cdk8sRssMb: cdk8s.rssMb, yamlSeconds: yaml.seconds, yamlRssMb: yaml.rssMb,
      ratioToCdk8s: library.seconds / cdk8s.seconds, ratioToYaml: library.seconds / yaml.seconds,
      secondSynthRatio: second.seconds / library.seconds,
      gitSynthSeconds: git.seconds, gitSynthRssMb: git.rssMb, gitSynthRatio: git.seconds / library.seconds,
      changedSynthSeconds: changed.seconds, changedSynthRssMb: changed.rssMb, changedSynthRatio: changed.seconds / library.seconds,
      manifestPassSeconds: manifests.seconds, manifestPassShare: manifests.seconds / second.seconds,
    };
    rows.push(row);
    const secondRun = (seconds: number, rssMb: number, ratio: number) => `${seconds.toFixed(2)} s (${rssMb.toFixed(0)} MB, ${ratio.toFixed(2)}x the first)`;
    console.log(`${clusters} clusters, ${objects} objects, outputs byte-identical: library ${row.librarySeconds.toFixed(2)} s `
      + `(${row.libraryRssMb.toFixed(0)} MB, ${row.objectsPerSecond.toFixed(0)} objects/s), second synth ${row.secondSynthSeconds.toFixed(2)} s `
      + `(${row.secondSynthRssMb.toFixed(0)} MB); cdk8s ${row.cdk8sSeconds.toFixed(2)} s (${row.cdk8sRssMb.toFixed(0)} MB), `
      + `yaml ${row.yamlSeconds.toFixed(2)} s (${row.yamlRssMb.toFixed(0)} MB); library/cdk8s ${row.ratioToCdk8s.toFixed(2)}x, library/yaml ${row.ratioToYaml.toFixed(2)}x`);
    console.log(`  second synths: on disk ${secondRun(second.seconds, second.rssMb, row.secondSynthRatio)}, the first output's bytes; `
      + `in git ${secondRun(git.seconds, git.rssMb, row.gitSynthRatio)}, compared with ${git.plan.baseline}, no change planned, git status clean`);
    console.log(`  changed: second synth ${secondRun(changed.seconds, changed.rssMb, row.changedSynthRatio)} with the storage of ${stacks} of ${clusters} clusters grown, `
      + `compared with the output on disk: the plan names ${changed.plan.databases.length} changed databases in ${changedFolders} changed folders`);
    console.log(`  manifest pass made before the guards and again when writing (manifest text and blob ids of every folder, timed cold as in a synth): `
      + `${manifests.seconds.toFixed(3)} s, ${(row.manifestPassShare * 100).toFixed(0)} % of the second synth`);
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
    secondSynthRssMb: Math.round(last.secondSynthRssMb), secondSynthRatio: round(last.secondSynthRatio),
    gitSynthSeconds: round(last.gitSynthSeconds), gitSynthRssMb: Math.round(last.gitSynthRssMb), gitSynthRatio: round(last.gitSynthRatio),
    changedSynthSeconds: round(last.changedSynthSeconds), changedSynthRssMb: Math.round(last.changedSynthRssMb), changedSynthRatio: round(last.changedSynthRatio),
    manifestPassSeconds: round(last.manifestPassSeconds, 1000), manifestPassShare: round(last.manifestPassShare),
  }));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

function round(x: number, per = 100): number {
  return Math.round(x * per) / per;
}
