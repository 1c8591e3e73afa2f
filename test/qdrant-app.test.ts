import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { FluxDelivery, HybridRegion, QdrantApp, QdrantConfigError, SecretSource } from '../src';

function tempOutdir(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-app-')), 'dist');
  fs.mkdirSync(path.join(dir, 'previous'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'previous', 'manifests.k8s.yaml'), 'kept: true\n');
  return dir;
}

const regionProps = {
  environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f',
  accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
  namespace: 'qdrant',
  agentChartVersion: '1.33.0',
  delivery: new FluxDelivery(),
  registryCredentials: SecretSource.existing(),
  cloudAccessKey: SecretSource.existing(),
};

describe('QdrantApp', () => {
  test('replaces the output directory with one folder per chart', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = new QdrantApp({ outdir });
    new HybridRegion(app, 'region-a', regionProps);
    // WHEN
    app.synth();
    // THEN
    expect(fs.readdirSync(outdir).sort()).toEqual(['README.md', 'qdrant-state.json', 'region-a']);
    expect(fs.readdirSync(path.join(outdir, 'region-a')).sort()).toEqual(['README.md', 'environment.json', 'kustomization.yaml', 'manifests.k8s.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'region-a', 'kustomization.yaml'), 'utf8')).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - manifests.k8s.yaml\n');
  });

  test('a failing deferred validation writes nothing', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = new QdrantApp({ outdir });
    new HybridRegion(app, 'region-a', regionProps);
    new Chart(app, 'other').node.addValidation({ validate: () => ['something is wrong'] });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(QdrantConfigError);
    expect(fs.readFileSync(path.join(outdir, 'previous', 'manifests.k8s.yaml'), 'utf8')).toBe('kept: true\n');
    expect(fs.readdirSync(path.dirname(outdir))).toEqual(['dist']);
  });

  test('a chart id that is not a folder name is refused', () => {
    expect(() => new HybridRegion(new QdrantApp({ outdir: tempOutdir() }), 'Region A', regionProps))
      .toThrow(/\[Region A\] id \(output folder name\): got "Region A"; expected a DNS-1123 label/);
  });

  test('a program with bad input exits 1 with the library error and leaves dist untouched', () => {
    // GIVEN a program like examples/main.ts, with a bad namespace
    const outdir = tempOutdir();
    const program = path.join(path.dirname(outdir), 'bad.ts');
    fs.writeFileSync(program, `
      import { FluxDelivery, HybridRegion, QdrantApp, QdrantConfigError, SecretSource } from ${JSON.stringify(path.resolve(__dirname, '..', 'src'))};
      try {
        const app = new QdrantApp({ outdir: ${JSON.stringify(outdir)} });
        new HybridRegion(app, 'region-a', { ...${JSON.stringify({ ...regionProps, delivery: undefined, registryCredentials: undefined, cloudAccessKey: undefined })},
          namespace: 'Bad_Namespace', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing() });
        app.synth();
      } catch (e) {
        if (!(e instanceof QdrantConfigError)) throw e;
        console.error(e.message);
        process.exit(1);
      }`);
    // WHEN
    const run = spawnSync(path.resolve(__dirname, '..', 'node_modules', '.bin', 'tsx'), [program], { encoding: 'utf8' });
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[region-a] namespace: got "Bad_Namespace"; expected a DNS-1123 label');
    expect(fs.readdirSync(outdir)).toEqual(['previous']);
  });
});
