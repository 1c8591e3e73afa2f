import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { Allow, AllowedChange, ArgoCdDelivery, QdrantApp, QdrantCluster, QdrantOutputError } from '../src';
import { gitBlobId } from '../src/output/memory/blob-id';
import { OutputFs, NODE_OUTPUT_FS } from '../src/output/writer/output-fs';
import { recoverLeftovers, writeOutput } from '../src/output/writer/output-writer';
import { addClusterChart } from './support/cluster-chart';
import { configErrorOf } from './support/errors';
import { commitAll, git, gitInit } from './support/git';
import { tmp } from './support/tmp';

// The guards' memory is the output: it lives in it, is swapped with it, is checked against
// its manifests, and git's committed output is the baseline when there is one.

const A = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';
const B = '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819';

interface Db { readonly id: string; readonly version?: string; readonly size?: number; readonly storage?: string; readonly memory?: string }

/** An app with one chart `clusters` holding the given databases under an out-of-band operator. */
function app(outdir: string, dbs: readonly Db[], props: { allowedChanges?: AllowedChange[]; baseRef?: string; planFile?: string } = {}): QdrantApp {
  const a = new QdrantApp({ outdir, ...props });
  const chart = new Chart(a, 'clusters');
  for (const db of dbs) {
    new QdrantCluster(chart, db.id.slice(0, 8), {
      id: db.id, customerId: 'acme', version: db.version ?? 'v1.16.3', size: db.size ?? 3, namespace: 'db',
      resources: { cpu: '1', memory: db.memory ?? '1Gi', storage: db.storage ?? '10Gi' },
      existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() },
    });
  }
  return a;
}

/** Runs `fn` with the library's console lines swallowed. */
function quietly<T>(fn: () => T): T {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return fn();
  } finally {
    stderr.mockRestore();
  }
}

/** Synthesises quietly and returns what it printed. */
function synth(outdir: string, dbs: readonly Db[], props: Parameters<typeof app>[2] = {}): string {
  const printed: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((line) => { printed.push(String(line)); return true; });
  try {
    app(outdir, dbs, props).synth();
  } finally {
    stderr.mockRestore();
  }
  return printed.join('');
}

function freshOutdir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-memory-')), 'dist');
}

/** Every file below `dir` with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
  });
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Whether the memory file's blob ids are those of the manifests beside it. */
function memoryMatchesManifests(outdir: string): boolean {
  const memory = JSON.parse(fs.readFileSync(path.join(outdir, 'qdrant-state.json'), 'utf8'));
  return Object.entries<any>(memory.folders).every(([folder, f]) => Object.entries<string>(f.manifests)
    .every(([file, oid]) => gitBlobId(fs.readFileSync(path.join(outdir, folder, file))) === oid));
}

describe('the memory and the manifests it summarises disagree: the manifests win', () => {
  test('an older memory beside newer manifests does not let a cluster leave unguarded', () => {
    // GIVEN an output with cluster A, whose memory is kept, then an output with A and B
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    const olderMemory = fs.readFileSync(path.join(outdir, 'qdrant-state.json'), 'utf8');
    synth(outdir, [{ id: A }, { id: B }]);
    // AND the older memory put back beside the newer manifests (a partial restore)
    fs.writeFileSync(path.join(outdir, 'qdrant-state.json'), olderMemory);
    // WHEN B leaves the code
    const error = configErrorOf(() => synth(outdir, [{ id: A }]));
    // THEN the manifests, which hold B, refuse its deletion
    expect(error.message).toMatch(new RegExp(`QdrantCluster db/qdrant-${B}: got "deleted".*\\[guard cluster-deleted\\]`));
  });

  test('a newer memory beside restored manifests does not refuse a legitimate change', () => {
    // GIVEN an output at v1.16.3, kept, then upgraded to v1.17.0
    const outdir = freshOutdir();
    synth(outdir, [{ id: A, version: 'v1.16.3' }]);
    const kept = path.join(path.dirname(outdir), 'kept');
    fs.cpSync(outdir, kept, { recursive: true });
    synth(outdir, [{ id: A, version: 'v1.17.0' }]);
    // AND the manifests restored to v1.16.3 while the newer memory stays (git checkout of one folder)
    fs.cpSync(path.join(kept, 'clusters'), path.join(outdir, 'clusters'), { recursive: true });
    // WHEN the cluster takes a patch release of 1.16
    const printed = synth(outdir, [{ id: A, version: 'v1.16.5' }]);
    // THEN it passes (the memory's v1.17.0 would call it a downgrade), and the plan says why it read the manifests
    expect(printed).toMatch(/the manifests of clusters in .* are not those the library wrote \(edited by hand, partly restored/);
    expect(printed).toMatch(/version v1\.16\.3 -> v1\.16\.5/);
  });

  test('a memory edited by hand never decides a verdict', () => {
    // GIVEN an output with A and B whose memory forgets the clusters folder entirely
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }, { id: B }]);
    fs.writeFileSync(path.join(outdir, 'qdrant-state.json'), '{"version": 3, "folders": {}}\n');
    // WHEN B leaves / THEN its manifests refuse it
    expect(configErrorOf(() => synth(outdir, [{ id: A }])).message).toMatch(new RegExp(`qdrant-${B}: got "deleted"`));
  });

  test('names that are Object.prototype keys are names like any other (a folder, a volume claim)', () => {
    // GIVEN an output whose folder "constructor" is on disk but not in the memory (a partial restore)
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    fs.cpSync(path.join(outdir, 'clusters'), path.join(outdir, 'constructor'), { recursive: true });
    // WHEN synthesising / THEN no crash: the folder is read (its objects are A's, by Kubernetes identity) and planned as removed
    expect(synth(outdir, [{ id: A }])).toMatch(/`constructor` \(removed\): 0 added, 0 changed, 1 removed/);
    // AND a volume claim named "constructor" that is removed needs its allowance
    synth(outdir, [{ id: B }], { allowedChanges: [Allow.clusterDeletion(A, 'test')] });
    const claimed = (claims?: Record<string, string>) => {
      const a = new QdrantApp({ outdir });
      new QdrantCluster(new Chart(a, 'clusters'), 'db', {
        id: B, customerId: 'acme', version: 'v1.16.3', size: 3, namespace: 'db', resources: { cpu: '1', memory: '1Gi', storage: '10Gi' },
        storage: claims ? { additionalVolumeClaimTemplates: Object.entries(claims).map(([name, size]) => ({ metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } })) } : undefined,
        existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() },
      });
      return a;
    };
    quietly(() => claimed({ constructor: '5Gi' }).synth());
    expect(configErrorOf(() => quietly(() => claimed().synth())).message).toMatch(/additionalVolumeClaimTemplates\[constructor\]: got "removed".*\[guard storage-shrink\]/);
  });

  test('after every synth the memory matches the manifests, byte for byte', () => {
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    synth(outdir, [{ id: A }, { id: B, storage: '20Gi' }]);
    expect(memoryMatchesManifests(outdir)).toBe(true);
  });
});

describe('git is the baseline when the output lies in a work tree', () => {
  function repo(): { dir: string; outdir: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-git-'));
    gitInit(dir);
    return { dir, outdir: path.join(dir, 'deploy', 'dist') };
  }

  test('a cluster committed at HEAD but missing on disk is still guarded', () => {
    // GIVEN a committed output with clusters A and B, then emptied on disk (as the cdk8s CLI or a clean checkout leaves it)
    const { dir, outdir } = repo();
    synth(outdir, [{ id: A }, { id: B }]);
    commitAll(dir);
    fs.rmSync(outdir, { recursive: true });
    // WHEN B leaves the code / THEN HEAD's output refuses it, and nothing is written
    expect(configErrorOf(() => synth(outdir, [{ id: A }])).message).toMatch(/\[guard cluster-deleted\]/);
    expect(fs.existsSync(outdir)).toBe(false);
    // AND an unchanged app passes against HEAD
    expect(synth(outdir, [{ id: A }, { id: B }])).toMatch(/compared with git HEAD \([0-9a-f]{12}\) at deploy\/dist\/\.\n/);
  });

  test('the git baseline wins over an uncommitted synth on disk', () => {
    // GIVEN a committed output with A and B, and an allowed deletion of B synthesised but not committed
    const { dir, outdir } = repo();
    synth(outdir, [{ id: A }, { id: B }]);
    commitAll(dir);
    synth(outdir, [{ id: A }], { allowedChanges: [Allow.clusterDeletion(B, 'retired')] });
    // WHEN synthesising again without the allowance / THEN it is refused: GitOps still deploys B
    expect(configErrorOf(() => synth(outdir, [{ id: A }])).message).toMatch(/\[guard cluster-deleted\]/);
  });

  test('baseRef (and $QDRANT_BASE_REF) compares with the branch GitOps syncs, not the pull request\'s HEAD', () => {
    // GIVEN main holds A and B; a feature branch commits the removal of B with an allowance
    const { dir, outdir } = repo();
    synth(outdir, [{ id: A }, { id: B }]);
    commitAll(dir, 'main');
    git(dir, 'checkout', '-q', '-b', 'feature');
    synth(outdir, [{ id: A }], { allowedChanges: [Allow.clusterDeletion(B, 'retired')] });
    commitAll(dir, 'feature');
    // WHEN the pull-request check runs without the allowance against HEAD / THEN nothing left since HEAD: it passes
    expect(() => synth(outdir, [{ id: A }])).not.toThrow();
    // WHEN it runs against main, by prop or by environment / THEN the deletion needs its allowance
    expect(configErrorOf(() => synth(outdir, [{ id: A }], { baseRef: 'main' })).message).toMatch(/\[guard cluster-deleted\]/);
    process.env.QDRANT_BASE_REF = 'main';
    try {
      expect(configErrorOf(() => synth(outdir, [{ id: A }])).message).toMatch(/\[guard cluster-deleted\]/);
    } finally {
      delete process.env.QDRANT_BASE_REF;
    }
  });

  test('a baseRef that names no commit is an error, not "nothing to compare with"', () => {
    const { dir, outdir } = repo();
    synth(outdir, [{ id: A }]);
    commitAll(dir);
    const error = configErrorOf(() => synth(outdir, [{ id: A }], { baseRef: 'origin/mian' }));
    expect(error.prop).toBe('baseRef');
    expect(error.allowed).toMatch(/names no commit there \(not fetched\?\)/);
  });

  test('restoring the output from git restores the memory with it', () => {
    const { dir, outdir } = repo();
    synth(outdir, [{ id: A, version: 'v1.16.3' }]);
    commitAll(dir);
    synth(outdir, [{ id: A, version: 'v1.17.0' }]);
    git(dir, 'checkout', '--', '.');
    expect(fs.readFileSync(path.join(outdir, 'qdrant-state.json'), 'utf8')).toBe(git(dir, 'show', 'HEAD:deploy/dist/qdrant-state.json'));
    expect(memoryMatchesManifests(outdir)).toBe(true);
  });
});

describe('nothing to compare with is said loudly', () => {
  test('a first synth says it once on its own line and once in the plan', () => {
    const printed = synth(freshOutdir(), [{ id: A }]);
    expect(printed.match(/THE GUARDS HAD NOTHING TO COMPARE WITH/g)).toHaveLength(2);
    expect(printed).toMatch(/compared with nothing\./);
  });
});

/** An OutputFs whose `at`-th call fails with `code`; with `killed`, every call from then on fails (the process is gone). */
function faultyFs(at: number, code: string, killed = false): OutputFs & { calls: number } {
  const io = { calls: 0 } as OutputFs & { calls: number };
  for (const [name, call] of Object.entries(NODE_OUTPUT_FS)) {
    (io as any)[name] = (...args: unknown[]) => {
      io.calls++;
      if (io.calls === at || (killed && io.calls > at)) throw Object.assign(new Error(`${code}: injected`), { code });
      return (call as (...a: unknown[]) => unknown)(...args);
    };
  }
  return io;
}

describe('crash-safe writing', () => {
  /** A written output (v1) and the folders of the next one (v2), as the writer takes them. */
  function setUp(): { outdir: string; v1: Record<string, string>; v2: Record<string, string>; folders: { folder: string; files: Record<string, string> }[] } {
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    const v1 = tree(outdir);
    const folders: { folder: string; files: Record<string, string> }[] = [{ folder: 'clusters', files: { 'manifests.k8s.yaml': 'kind: Namespace\n', 'kustomization.yaml': 'resources: []\n' } }, { folder: 'more', files: { 'README.md': '# more\n' } }];
    const v2 = { 'clusters/manifests.k8s.yaml': 'kind: Namespace\n', 'clusters/kustomization.yaml': 'resources: []\n', 'more/README.md': '# more\n', 'qdrant-state.json': '{}\n' };
    return { outdir, v1, v2, folders };
  }
  const write = (outdir: string, folders: any[], io: OutputFs) => writeOutput(outdir, folders, () => ({ 'qdrant-state.json': '{}\n' }), io);
  const beside = (outdir: string) => fs.readdirSync(path.dirname(outdir)).sort();

  // How many file-system calls one write makes: each is failed in turn below.
  const counting = faultyFs(0, 'NONE');
  const { outdir: countedDir, folders: countedFolders } = setUp();
  write(countedDir, countedFolders, counting);
  const steps = Array.from({ length: counting.calls }, (_, i) => i + 1);

  test.each(steps)('a full disk at call %i leaves the previous output and its memory exactly as they were, and nothing beside', (at) => {
    const { outdir, v1, folders } = setUp();
    let error: unknown;
    try {
      write(outdir, folders, faultyFs(at, 'ENOSPC'));
    } catch (e) {
      error = e;
    }
    // THEN either the write failed cleanly (a clear error naming a path) or only its final clean-up failed
    if (error) {
      expect(error).toBeInstanceOf(QdrantOutputError);
      expect((error as Error).message).toMatch(/could not .* \/.*: no space left on the device \(ENOSPC\); the previous output .* unchanged/);
      expect(tree(outdir)).toEqual(v1);
    }
    // AND the next synth finds only the output (what a failed clean-up left is removed)
    recoverLeftovers(outdir);
    expect(beside(outdir)).toEqual(['dist']);
  });

  test.each(steps)('a kill at call %i leaves the old or the new output whole; the next synth removes what is left', (at) => {
    const { outdir, v1, v2, folders } = setUp();
    try {
      write(outdir, folders, faultyFs(at, 'EKILLED', true));
    } catch {
      // The process "died" here; a kill during the final clean-up throws nothing.
    }
    // WHEN the next synth starts (it recovers first)
    recoverLeftovers(outdir);
    // THEN the output is one of the two, never a mix, and nothing else is left beside it
    const now = tree(outdir);
    expect([v1, v2]).toContainEqual(now);
    expect(beside(outdir)).toEqual(['dist']);
  });

  test('a read-only folder gives a clear error naming the path; nothing changes', () => {
    const { outdir, v1, folders } = setUp();
    expect(() => write(outdir, folders, faultyFs(2, 'EROFS'))).toThrow(new RegExp(`could not create a staging directory in ${path.dirname(outdir)}: the file system is read-only \\(EROFS\\)`));
    expect(tree(outdir)).toEqual(v1);
  });

  test('a real synth after a killed one recovers and writes; the memory matches the manifests', () => {
    const { outdir, folders } = setUp();
    expect(() => write(outdir, folders, faultyFs(8, 'EKILLED', true))).toThrow();
    synth(outdir, [{ id: A }, { id: B }]);
    expect(beside(outdir)).toEqual(['dist']);
    expect(memoryMatchesManifests(outdir)).toBe(true);
  });

  test('a kill between the two renames, then an empty output directory made by hand: the previous output comes back', () => {
    // GIVEN a kill at the rename that moves the new output in (a write ends: move aside, move in, remove new/, previous/, the staging directory)
    const { outdir, v1, folders } = setUp();
    expect(() => write(outdir, folders, faultyFs(counting.calls - 3, 'EKILLED', true))).toThrow();
    expect(fs.existsSync(outdir)).toBe(false);
    // AND someone creates the output directory again, empty (a Makefile's mkdir -p)
    fs.mkdirSync(outdir);
    // WHEN the next synth recovers / THEN the previous output is back, whole, and nothing is left beside it
    recoverLeftovers(outdir);
    expect(tree(outdir)).toEqual(v1);
    expect(beside(outdir)).toEqual(['dist']);
  });

  test('a directory with the staging prefix but no marker, and an older version\'s leftover, are never removed', () => {
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    const foreign = path.join(path.dirname(outdir), '.dist.qdrant-synth-mine');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'keep me');
    fs.mkdirSync(`${outdir}.tmp-4242`);
    const printed = synth(outdir, [{ id: A }]);
    expect(fs.readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(fs.existsSync(`${outdir}.tmp-4242`)).toBe(true);
    expect(printed).toMatch(/dist\.tmp-4242 looks like what a killed synth of an older cdk8s-qdrant left; it carries no marker, so it is not removed/);
  });

  test('a link planted where an older version put its temporary state file is not followed', () => {
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    const victim = path.join(path.dirname(outdir), 'victim.txt');
    fs.writeFileSync(victim, 'untouched');
    fs.symlinkSync(victim, `${outdir}.qdrant-state.json.tmp-${process.pid}`);
    synth(outdir, [{ id: A }]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
  });
});

describe('the plan', () => {
  test('names each database change with old and new values and which pods restart', () => {
    // GIVEN two databases and a third to be retired
    const outdir = freshOutdir();
    const C = 'c0ffee00-1111-4222-8333-444455556666';
    synth(outdir, [{ id: A }, { id: B }, { id: C }]);
    // WHEN one is upgraded and grows its volume, one scales out with more memory, one is deleted with an allowance, and one is new
    const D = 'd0d0d0d0-1111-4222-8333-444455556666';
    const planFile = path.join(path.dirname(outdir), 'plan', 'qdrant-plan.md');
    const printed = synth(outdir, [{ id: A, version: 'v1.17.0', storage: '20Gi' }, { id: B, size: 5, memory: '2Gi' }, { id: D }], {
      allowedChanges: [Allow.clusterDeletion(C, 'customer left')], planFile,
    });
    // THEN the printed plan says what was written and each change
    expect(printed).toMatch(/Wrote 1 folder, 3 objects and \d+ warnings to .*dist\/; compared with the output on disk at .*dist\/\./);
    expect(printed).toContain(`**QdrantCluster db/qdrant-${A}**`);
    expect(printed).toMatch(/- version v1\.16\.3 -> v1\.17\.0: a rolling upgrade: every pod restarts, one at a time.*\. Pods restart\./);
    expect(printed).toMatch(/- storage 10Gi -> 20Gi: volume expansion .*\. Pods may restart\./);
    expect(printed).toMatch(/- nodes 3 -> 5: scale out: adds 2 nodes; existing pods keep running\. No pod restarts\./);
    expect(printed).toMatch(/- resources cpu 1, memory 1Gi -> cpu 1, memory 2Gi: .*\. Pods may restart\./);
    expect(printed).toMatch(new RegExp(`qdrant-${C}\\*\\*[^\\n]*\\n  - deleted \\(was v1\\.16\\.3\\): leaves the output \\(allowed: customer left\\)`));
    expect(printed).toMatch(new RegExp(`qdrant-${D}\\*\\*[^\\n]*\\n  - created v1\\.16\\.3: the operator creates 3 nodes with 10Gi of storage each`));
    expect(printed).toMatch(/`clusters` \(changed\): 1 added, 2 changed, 1 removed/);
    expect(printed).toMatch(/## Allowances\n\n- used: QdrantCluster db\/qdrant-c0ffee00.*allowed by Allow\.clusterDeletion/);
    // AND the plan files hold the same, the JSON with every value
    expect(fs.readFileSync(planFile, 'utf8')).toContain('# cdk8s-qdrant plan');
    const json = JSON.parse(fs.readFileSync(path.join(path.dirname(planFile), 'qdrant-plan.json'), 'utf8'));
    expect(json.databases.find((d: any) => d.id === A).changes).toContainEqual(expect.objectContaining({ what: 'version', from: 'v1.16.3', to: 'v1.17.0', restarts: 'yes' }));
    expect(json.folders[0].objects.removed).toEqual([`QdrantCluster db/qdrant-${C}`]);
  });

  test('an unchanged synth plans nothing and reads no manifest', () => {
    const outdir = freshOutdir();
    synth(outdir, [{ id: A }]);
    const printed = synth(outdir, [{ id: A }]);
    expect(printed).toContain('No database changes.');
    expect(printed).toContain('No object changes.');
  });

  test('a plan file inside the output directory, or not Markdown, is refused before anything is written', () => {
    const outdir = freshOutdir();
    expect(configErrorOf(() => synth(outdir, [{ id: A }], { planFile: path.join(outdir, 'plan.md') })).allowed).toMatch(/a path outside the output directory/);
    expect(configErrorOf(() => synth(outdir, [{ id: A }], { planFile: path.join(path.dirname(outdir), 'plan.txt') })).allowed).toMatch(/ending in \.md/);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('a plan file that cannot be written names its path and says the output was written, leaving no staging behind', () => {
    // GIVEN a plan path below a regular file (no directory can be made there)
    const outdir = freshOutdir();
    const blocker = path.join(path.dirname(outdir), 'not-a-dir');
    fs.writeFileSync(blocker, 'x');
    const planFile = path.join(blocker, 'plan.md');
    // WHEN synthesised
    let error: unknown;
    try { synth(outdir, [{ id: A }], { planFile }); } catch (e) { error = e; }
    // THEN a QdrantOutputError names the plan file and the output is complete
    expect(error).toBeInstanceOf(QdrantOutputError);
    expect((error as Error).message).toMatch(/write the plan to .*not-a-dir\/plan\.md.*the output .*dist was written; only the plan file is missing/s);
    expect(Object.keys(tree(outdir))).toContain('clusters/manifests.k8s.yaml');
    // AND nothing of the plan was left beside the blocker
    expect(fs.readdirSync(path.dirname(outdir)).sort()).toEqual(['dist', 'not-a-dir']);
  });
});

describe('a previousOutput with nothing to compare with', () => {
  test.each<[string, (dir: string) => void, RegExp]>([
    ['an empty directory', () => undefined, /holds none/],
    ['a checkout whose output folder is not committed', (dir) => {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'new QdrantApp()');
      fs.mkdirSync(path.join(dir, 'dist'));
    }, /holds none/],
    ['a checkout root instead of its output directory', (dir) => {
      fs.mkdirSync(path.join(dir, 'dist', 'clusters'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'dist', 'clusters', 'manifests.k8s.yaml'), 'kind: Namespace\n');
    }, /its folder dist\/ holds an output: point previousOutput at it/],
  ])('%s is refused, not read as "no previous output"', (_what, fill, hint) => {
    // GIVEN an output with a cluster, and a previousOutput holding no manifests of its own
    const outdir = path.join(tmp('qdrant-prev-'), 'dist');
    const first = new QdrantApp({ outdir });
    addClusterChart(first);
    first.synth();
    const before = tree(path.dirname(outdir));
    const previous = tmp('qdrant-main-');
    fill(previous);
    // WHEN the cluster is deleted and the synth compares with that previousOutput
    const app = new QdrantApp({ outdir, previousOutput: previous });
    new Chart(app, 'clusters');
    const error = configErrorOf(() => app.synth());
    // THEN the library error names the prop and the path, and says what is needed
    expect(error.constructPath).toBe('<app>');
    expect(error.prop).toBe('previousOutput');
    expect(error.value).toBe(previous);
    expect(error.allowed).toMatch(/a previous output directory with manifests in its folders/);
    expect(error.allowed).toMatch(hint);
    // AND nothing was written
    expect(tree(path.dirname(outdir))).toEqual(before);
  });

  test('a previous output without its memory file but with manifests is still compared with', () => {
    // GIVEN a previous output whose memory file was not kept
    const main = path.join(tmp('qdrant-main-'), 'dist');
    const first = new QdrantApp({ outdir: main });
    addClusterChart(first);
    first.synth();
    fs.rmSync(path.join(main, 'qdrant-state.json'));
    // WHEN the cluster is deleted in a branch compared with it THEN the guard refuses it
    const app = new QdrantApp({ outdir: path.join(tmp('qdrant-branch-'), 'dist'), previousOutput: main });
    new Chart(app, 'clusters');
    expect(configErrorOf(() => app.synth()).message).toMatch(/\[guard cluster-deleted\]/);
  });
});
