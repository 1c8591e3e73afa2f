import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

// What `npm pack` ships is the build (`lib/`), not the TypeScript: the README's install
// path works only if the built entry point package.json names is a working library.
describe('the built package', () => {
  test('npm run build emits the entry point package.json names, and it synthesises a region with plain node', () => {
    // GIVEN the build, written where node resolves the peer dependencies from this repository
    const outDir = path.join(ROOT, 'node_modules', '.cache', 'qdrant-package-test');
    fs.rmSync(outDir, { recursive: true, force: true });
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: ROOT });
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = path.join(outDir, path.relative('lib', pkg.main));
    expect(pkg.files).toEqual(['lib/']);
    expect(fs.existsSync(entry)).toBe(true);
    expect(fs.existsSync(path.join(outDir, path.relative('lib', pkg.types)))).toBe(true);

    // WHEN a plain JavaScript program uses it
    const program = `
      const { FluxDelivery, HybridRegion, QdrantApp, SecretSource } = require(${JSON.stringify(entry)});
      const app = new QdrantApp({ outdir: process.argv[1] });
      new HybridRegion(app, 'eu-west', {
        environmentId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
        namespace: 'qdrant', agentChartVersion: '1.33.0', delivery: new FluxDelivery(),
        registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
      });
      app.synth();`;
    const dist = path.join(outDir, 'dist');
    execFileSync(process.execPath, ['-e', program, dist], { cwd: outDir, stdio: 'pipe' });

    // THEN it writes the region's folder
    expect(fs.readdirSync(dist).sort()).toEqual(['README.md', 'eu-west', 'qdrant-state.json']);
    expect(fs.readFileSync(path.join(dist, 'eu-west', 'manifests.k8s.yaml'), 'utf8')).toContain('kind: HelmRelease');
  }, 60_000);
});
