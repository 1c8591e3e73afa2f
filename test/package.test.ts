import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

// What `npm pack` ships is what users install: the build (`lib/`), the docs the README
// links to, README, LICENSE and package.json. The package is built and packed offline
// into a staging folder, unpacked into a consumer project whose node_modules hold the
// peer dependencies, and used from there as a user would: compiled by TypeScript against
// the packed types, and run with plain node.
describe('the packed package', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-pack-'));
  const stage = path.join(work, 'stage');
  const consumer = path.join(work, 'consumer');
  const installed = path.join(consumer, 'node_modules', PKG.name);
  let packed: string[] = [];

  beforeAll(() => {
    // GIVEN the package's files and its build in a staging folder
    fs.mkdirSync(stage);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'docs']) fs.cpSync(path.join(ROOT, f), path.join(stage, f), { recursive: true });
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', path.join(stage, 'lib')], { cwd: ROOT });
    // WHEN npm packs it (no registry needed) and the tarball is unpacked into a consumer project
    const [result] = JSON.parse(execFileSync('npm', ['pack', '--offline', '--json', '--pack-destination', work], { cwd: stage, encoding: 'utf8' }));
    packed = result.files.map((f: { path: string }) => f.path).sort();
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['xzf', path.join(work, result.filename), '-C', installed, '--strip-components=1']);
    for (const dep of [...Object.keys(PKG.peerDependencies), ...Object.keys(PKG.dependencies), '@types/node']) {
      fs.mkdirSync(path.dirname(path.join(consumer, 'node_modules', dep)), { recursive: true });
      fs.symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(consumer, 'node_modules', dep), 'dir');
    }
    fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'infra', private: true, type: 'commonjs' }));
  }, 120_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('ships LICENSE, README, the docs and the build, and nothing else', () => {
    expect(PKG.license).toBe('Apache-2.0');
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'docs/architecture.md', 'docs/api/README.md', PKG.main, PKG.types]));
    expect(packed.filter((f) => !/^(LICENSE|README\.md|package\.json)$|^docs\/|^lib\//.test(f))).toEqual([]);
    expect(packed.filter((f) => /^lib\/(test|examples|bench)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    expect(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004[\s\S]*END OF TERMS AND CONDITIONS/);
  });

  test('allowScripts names every dependency with an install script, so npm ci prints no install-script notice', () => {
    // GIVEN the lockfile's packages that run install scripts
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const withScripts = Object.entries<any>(lock.packages).filter(([, p]) => p.hasInstallScript).map(([at]) => at.split('node_modules/').pop()!);
    expect(withScripts.length).toBeGreaterThan(0);
    // THEN each is reviewed in package.json (npm 11.16+ warns about the others, npm 12 blocks them)
    expect(withScripts.filter((name) => PKG.allowScripts?.[name] !== true).sort()).toEqual([]);
  });

  test('every relative link of the README resolves inside the package', () => {
    const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !packed.includes(path.posix.normalize(l)))).toEqual([]);
  });

  test('the README quickstart compiles against the packed types with the project\'s TypeScript, and runs with plain node', () => {
    // GIVEN the quickstart as the consumer's program, importing the package by name
    const quickstart = /```ts\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(installed, 'README.md'), 'utf8'))![1];
    expect(quickstart).toContain("from 'cdk8s-qdrant'");
    const main = path.join(consumer, 'main.ts');
    fs.writeFileSync(main, quickstart);
    // WHEN it is type-checked and emitted as a user project would be
    const program = ts.createProgram([main], {
      strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'], typeRoots: [path.join(consumer, 'node_modules', '@types')], outDir: path.join(consumer, 'out'), skipLibCheck: false,
    });
    const emitted = program.emit();
    const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    // THEN there is nothing to fix, and the program writes the region's folder
    expect(problems).toEqual([]);
    const dist = path.join(consumer, 'dist');
    execFileSync(process.execPath, [path.join(consumer, 'out', 'main.js')], { cwd: consumer, stdio: 'pipe', env: { ...process.env, CDK8S_OUTDIR: dist } });
    expect(fs.readdirSync(dist).sort()).toEqual(['README.md', 'eu-west', 'qdrant-state.json']);
    expect(fs.readFileSync(path.join(dist, 'eu-west', 'manifests.k8s.yaml'), 'utf8')).toContain('kind: HelmRelease');
  }, 60_000);

  test('plain JavaScript uses the entry point package.json names', () => {
    const program = `
      const { FluxDelivery, HybridRegion, QdrantApp, SecretSource } = require('cdk8s-qdrant');
      const app = new QdrantApp({ outdir: process.argv[1] });
      new HybridRegion(app, 'eu-west', {
        environmentId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
        namespace: 'qdrant', agentChartVersion: '1.33.0', delivery: new FluxDelivery(),
        registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
      });
      app.synth();`;
    const dist = path.join(consumer, 'dist-js');
    execFileSync(process.execPath, ['-e', program, dist], { cwd: consumer, stdio: 'pipe' });
    expect(fs.readdirSync(dist).sort()).toEqual(['README.md', 'eu-west', 'qdrant-state.json']);
  });
});
