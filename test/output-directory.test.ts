// The output directory: what it may be, what the library writes into it, and links to it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { QdrantApp } from '../src';
import { addClusterChart } from './support/cluster-chart';
import { configErrorOf } from './support/errors';
import { commitAll, gitInit } from './support/git';
import { tmp } from './support/tmp';

const ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';

/** An app whose only chart has id `chartId` and holds one cluster. */
function appWithChart(outdir: string, chartId: string): QdrantApp {
  const app = new QdrantApp({ outdir });
  addClusterChart(app, chartId);
  return app;
}



/** Every path below `dir` with its file content ('<dir>' for directories): what must stay untouched. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) { out[rel] = '<dir>'; walk(p); } else out[rel] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A project folder: a git directory, sources and a README. */
function project(): string {
  const dir = tmp('qdrant-project-');
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'new QdrantApp()');
  fs.writeFileSync(path.join(dir, 'README.md'), 'the project README');
  return dir;
}

/** Runs `fn` with `dir` as the current working directory. */
function inDir<T>(dir: string, fn: () => T): T {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return fn();
  } finally {
    process.chdir(before);
  }
}

describe('the output stays inside its directory', () => {
  const project = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-project-'));
    fs.writeFileSync(path.join(dir, 'README.md'), 'the project README');
    return dir;
  };

  test.each([
    ['..', '..'], ['.', '.'], ['a NUL byte', 'db\u0000x'], ['300 characters', 'a'.repeat(300)], ['upper case', 'Prod'],
  ])('a chart id of %s is refused before anything is written', (_what, chartId) => {
    // GIVEN a project with its own README and an output directory inside it
    const dir = project();
    const outdir = path.join(dir, 'dist');
    // WHEN / THEN the library error names the chart and the prop
    const error = configErrorOf(() => appWithChart(outdir, chartId).synth());
    expect(error.prop).toBe('id (output folder name)');
    expect(error.allowed).toMatch(/DNS-1123 label/);
    // AND nothing was written, least of all outside the output directory
    expect(fs.readdirSync(dir)).toEqual(['README.md']);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('the project README');
  });

  test('a symlinked output directory keeps its link; its target gets the output', () => {
    // GIVEN dist pointing into a GitOps checkout
    const dir = project();
    const checkout = path.join(dir, 'gitops', 'dist');
    fs.mkdirSync(checkout, { recursive: true });
    fs.mkdirSync(path.join(checkout, 'retired'));
    fs.writeFileSync(path.join(checkout, 'retired', 'kustomization.yaml'), 'from an older synth');
    const link = path.join(dir, 'dist');
    fs.symlinkSync(checkout, link);
    // WHEN synthesising into the link
    appWithChart(link, 'clusters').synth();
    // THEN the link is still a link, and the checkout holds exactly the new output
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(checkout).sort()).toEqual(['README.md', 'clusters', 'qdrant-state.json']);
    expect(fs.readFileSync(path.join(checkout, 'clusters', 'manifests.k8s.yaml'), 'utf8')).toContain(`qdrant-${ID}`);
    // AND a second synth through the link compares with the first
    const app = new QdrantApp({ outdir: link });
    new Chart(app, 'clusters');
    expect(configErrorOf(() => app.synth()).message).toMatch(/\[guard cluster-deleted\]/);
  });
});

describe('the output directory is a directory of its own', () => {
  test.each<[string, string, RegExp]>([
    ['the current directory', '.', /is the current working directory/],
    ['the current directory, spelled absolutely', '<project>', /is the current working directory/],
    ['the parent of the current directory', '..', /holds the current working directory/],
    ['the filesystem root', '/', /is the filesystem root/],
  ])('an outdir that is %s is refused and nothing is deleted', (_what, outdir, why) => {
    // GIVEN a project folder with its git directory, working in a subfolder for the '..' case
    const dir = project();
    const cwd = outdir === '..' ? path.join(dir, 'src') : dir;
    const before = tree(dir);
    // WHEN synthesising into it
    const error = inDir(cwd, () => configErrorOf(() => {
      const app = new QdrantApp({ outdir: outdir.replace('<project>', dir) });
      addClusterChart(app);
      app.synth();
    }));
    // THEN the library error names the app, the prop and why
    expect(error.constructPath).toBe('<app>');
    expect(error.prop).toBe('outdir');
    expect(error.allowed).toMatch(/a directory of its own.*replaced as a whole on every synth/);
    expect(error.allowed).toMatch(why);
    // AND the project, .git included, is untouched; no state file was written beside it
    expect(tree(dir)).toEqual(before);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.startsWith(path.basename(dir)) && f !== path.basename(dir))).toEqual([]);
  });

  test('an existing directory holding entries the library did not write is refused, naming them', () => {
    // GIVEN a project used as its own output directory from a script run elsewhere
    const dir = project();
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const before = tree(dir);
    // WHEN synthesising into it
    const error = configErrorOf(() => {
      const app = new QdrantApp({ outdir: dir });
      addClusterChart(app);
      app.synth();
    });
    // THEN the error names the unexpected entries (the README is a name the library writes too)
    expect(error.prop).toBe('outdir');
    expect(error.value).toBe(dir);
    expect(error.allowed).toMatch(/holds entries cdk8s-qdrant did not write \(\.git\/, package\.json, src\/\)/);
    expect(error.allowed).toMatch(/replaced as a whole/);
    // AND nothing was written or deleted
    expect(tree(dir)).toEqual(before);
    expect(fs.existsSync(`${dir}.qdrant-state.json`)).toBe(false);
  });

  test('a folder-shaped directory that is not an output folder is named too', () => {
    // GIVEN an output directory whose only entry is a DNS-label folder without a kustomization
    const outdir = path.join(tmp('qdrant-out-'), 'dist');
    fs.mkdirSync(path.join(outdir, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'notes', 'todo.txt'), 'keep me');
    // WHEN synthesising THEN it is refused and the folder survives
    const error = configErrorOf(() => { const app = new QdrantApp({ outdir }); addClusterChart(app); app.synth(); });
    expect(error.allowed).toMatch(/did not write \(notes\/\)/);
    expect(fs.readFileSync(path.join(outdir, 'notes', 'todo.txt'), 'utf8')).toBe('keep me');
  });

  test("git's housekeeping files at the root of the output (.gitkeep, .gitignore, .gitattributes) are accepted and kept", () => {
    // GIVEN an output directory committed empty with a .gitkeep, and a .gitattributes
    const outdir = path.join(tmp('qdrant-out-'), 'dist');
    fs.mkdirSync(outdir, { recursive: true });
    fs.writeFileSync(path.join(outdir, '.gitkeep'), '');
    fs.writeFileSync(path.join(outdir, '.gitattributes'), '*.yaml linguist-generated\n');
    // WHEN synthesising twice
    for (let i = 0; i < 2; i++) { const app = new QdrantApp({ outdir }); addClusterChart(app); app.synth(); }
    // THEN both files are still there, unchanged, beside the output
    expect(fs.readFileSync(path.join(outdir, '.gitattributes'), 'utf8')).toBe('*.yaml linguist-generated\n');
    expect(fs.existsSync(path.join(outdir, '.gitkeep'))).toBe(true);
    expect(fs.readdirSync(outdir).filter((e) => !e.startsWith('.')).length).toBeGreaterThan(0);
  });

  test('a symlinked outdir is judged by its target', () => {
    // GIVEN dist linking to a project folder
    const dir = project();
    const before = tree(dir);
    const link = path.join(tmp('qdrant-link-'), 'dist');
    fs.symlinkSync(dir, link);
    // WHEN synthesising through the link THEN the target's entries are named and kept
    const error = configErrorOf(() => { const app = new QdrantApp({ outdir: link }); addClusterChart(app); app.synth(); });
    expect(error.allowed).toContain(`(the target of the symlink ${link})`);
    expect(error.allowed).toMatch(/\.git\//);
    expect(tree(dir)).toEqual(before);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test('an output written by the library is replaced, again and again', () => {
    // GIVEN an output directory written by an earlier synth
    const outdir = path.join(tmp('qdrant-out-'), 'dist');
    const first = new QdrantApp({ outdir });
    addClusterChart(first);
    first.synth();
    expect(fs.readdirSync(outdir).sort()).toEqual(['README.md', 'clusters', 'qdrant-state.json']);
    // WHEN synthesising again, with a second chart THEN it is replaced
    const second = new QdrantApp({ outdir });
    addClusterChart(second);
    new Chart(second, 'extra');
    second.synth();
    expect(fs.readdirSync(outdir).sort()).toEqual(['README.md', 'clusters', 'extra', 'qdrant-state.json']);
  });
});

describe('side files stay in their folder and replace none of its files', () => {
  /** A chart with the side files given, as a user's own ISideFileProvider. */
  class SideChart extends Chart {
    constructor(scope: QdrantApp, id: string, private readonly files: Record<string, string>) { super(scope, id); }
    public sideFiles(): Record<string, string> { return this.files; }
    public readmeNotes(): string[] { return []; }
  }

  test.each<[string, string, RegExp]>([
    ['a path out of the output', '../../escaped.txt', /expected a plain file name in the chart's folder/],
    ['a sub-folder', 'sub/file.txt', /no "\/"/],
    ['a hidden file', '.env', /no leading dot/],
    ['dot-dot', '..', /no "\.\."/],
    ['the kustomization', 'kustomization.yaml', /the folder's own files/],
    ['the manifests', 'manifests.k8s.yaml', /the folder's own files/],
    ['another manifest file', 'extra.k8s.yaml', /\*\.k8s\.yaml/],
    ['the folder README, in other case', 'readme.md', /README\.md/],
  ])('a side file named as %s is refused, naming the chart', (_what, name, allowed) => {
    // GIVEN a project whose output directory is dist, and a chart with that side file
    const dir = tmp('qdrant-side-');
    const outdir = path.join(dir, 'work', 'dist');
    fs.mkdirSync(path.dirname(outdir));
    const app = new QdrantApp({ outdir });
    new SideChart(app, 'side', { [name]: 'resources: [../../../etc]\n' });
    // WHEN synthesising THEN the library error names the chart, the prop and the name
    const error = configErrorOf(() => app.synth());
    expect(error.constructPath).toBe('side');
    expect(error.prop).toBe('sideFiles() file name');
    expect(error.value).toBe(name);
    expect(error.allowed).toMatch(allowed);
    // AND nothing was written, inside or outside the output directory
    expect(tree(dir)).toEqual({ work: '<dir>' });
  });

  test('a side file whose content is not a string is refused', () => {
    const app = new QdrantApp({ outdir: path.join(tmp('qdrant-side-'), 'dist') });
    new SideChart(app, 'side', { 'notes.txt': 42 as any });
    const error = configErrorOf(() => app.render());
    expect(error.prop).toBe('sideFiles()["notes.txt"]');
    expect(error.allowed).toMatch(/file content as a string/);
  });

  test('a plain side file name is written beside the folder\'s own files', () => {
    // GIVEN a chart with a side file of its own
    const outdir = path.join(tmp('qdrant-side-'), 'dist');
    const app = new QdrantApp({ outdir });
    new SideChart(app, 'side', { 'values_v2.yaml': 'a: 1\n' });
    // WHEN synthesised THEN it sits beside the kustomization and the README, which are the library's
    app.synth();
    expect(fs.readdirSync(path.join(outdir, 'side')).sort()).toEqual(['README.md', 'kustomization.yaml', 'values_v2.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'side', 'kustomization.yaml'), 'utf8')).toContain('kind: Kustomization');
  });
});

describe('a symlinked output directory survives the cdk8s CLI', () => {
  const ROOT = path.resolve(__dirname, '..');
  const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');
  const FIXTURE = path.join(__dirname, 'fixtures', 'guarded-app.ts');

  /** A git project whose dist links into a GitOps checkout, as entry-points.test.ts sets one up for the CLI. */
  function linkedProject(): { dir: string; link: string; checkout: string } {
    const dir = tmp('qdrant-linked-');
    gitInit(dir);
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), `language: typescript\napp: ${TSX} ${FIXTURE}\noutput: dist\n`);
    const checkout = path.join(dir, 'gitops', 'dist');
    fs.mkdirSync(checkout, { recursive: true });
    fs.symlinkSync(path.join('gitops', 'dist'), path.join(dir, 'dist'));
    return { dir, link: path.join(dir, 'dist'), checkout };
  }

  function run(dir: string, cmd: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
    const { CDK8S_OUTDIR: _ignored, ...inherited } = process.env;
    const result = spawnSync(cmd, args, { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, output: `${result.stderr}${result.stdout}` };
  }

  test('git records the link; `cdk8s synth` deletes it and the app recreates it', () => {
    // GIVEN a first synth by a plain runner through the link, committed with the link
    const { dir, link, checkout } = linkedProject();
    expect(run(dir, TSX, [FIXTURE]).status).toBe(0);
    commitAll(dir);
    const folders = fs.readdirSync(checkout).sort();
    expect(folders).toEqual(['README.md', 'private-cloud', 'private-cloud-clusters', 'private-cloud-entry', 'qdrant-state.json']);
    // WHEN the cdk8s CLI synthesises (it deletes dist, the link, before the app runs)
    const cli = run(dir, CDK8S, ['synth', '--no-check-upgrade']);
    // THEN it succeeds, says so in one line, and dist is the same link again
    expect(cli.status).toBe(0);
    expect(cli.output).toMatch(/cdk8s-qdrant notice: dist is committed in git as a symlink to gitops\/dist; recreated the link and wrote the output through it\n/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(path.join('gitops', 'dist'));
    // AND the link's target got the output
    expect(fs.readdirSync(checkout).sort()).toEqual(folders);
    // AND a refused change under the CLI leaves the target's output in place
    const refused = run(dir, CDK8S, ['synth', '--no-check-upgrade'], { FIXTURE_WITH_CLUSTER: 'false' });
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(/\[guard cluster-deleted\]/);
    expect(fs.readdirSync(checkout).sort()).toEqual(folders);
  }, 120_000);

  /** A linked project whose output was written through the link and committed, then the link replaced by an empty directory. */
  function linkReplacedByEmptyDirectory(): { dir: string; link: string; checkout: string } {
    const project = linkedProject();
    const first = new QdrantApp({ outdir: project.link });
    addClusterChart(first);
    first.synth();
    commitAll(project.dir);
    fs.rmSync(project.link);
    fs.mkdirSync(project.link);
    return project;
  }

  test('an empty real directory where the committed link was is replaced by the link again', () => {
    // GIVEN an output written through a committed link, which was then replaced by an empty directory
    const { dir, link, checkout } = linkReplacedByEmptyDirectory();
    // WHEN synthesising again
    const app = new QdrantApp({ outdir: link });
    addClusterChart(app);
    app.synth();
    // THEN dist is the link again and the target holds the output
    expect(fs.readlinkSync(link)).toBe(path.join('gitops', 'dist'));
    expect(fs.readdirSync(checkout).sort()).toEqual(['README.md', 'clusters', 'qdrant-state.json']);
    expect(fs.readdirSync(dir).sort()).toEqual(['.git', 'cdk8s.yaml', 'dist', 'gitops']);
  });

  test('a link replaced on purpose by a real, non-empty directory stays a real directory', () => {
    // GIVEN an output written through a committed link, then replaced by a real directory that is not empty
    const { link } = linkReplacedByEmptyDirectory();
    fs.writeFileSync(path.join(link, 'README.md'), 'an older fleet README');
    // WHEN synthesising again
    const second = new QdrantApp({ outdir: link });
    addClusterChart(second);
    second.synth();
    // THEN dist stays a real directory with the output
    expect(fs.lstatSync(link).isDirectory()).toBe(true);
    expect(fs.readdirSync(link).sort()).toEqual(['README.md', 'clusters', 'qdrant-state.json']);
  });
});
