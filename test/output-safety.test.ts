import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { ArgoCdDelivery, FluxDelivery, HybridRegion, QdrantApp, QdrantCluster, SecretSource } from '../src';
import { addClusterChart } from './support/cluster-chart';
import { configErrorOf } from './support/errors';

const ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';

/** An app whose only chart has id `chartId` and holds one cluster. */
function appWithChart(outdir: string, chartId: string): QdrantApp {
  const app = new QdrantApp({ outdir });
  addClusterChart(app, chartId);
  return app;
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

describe('strings stay strings', () => {
  test('a DNS label that YAML 1.2 reads as a number (0o17) is quoted, so kubectl kustomize keeps it a string', () => {
    // GIVEN a cluster whose namespace and customer id are valid DNS labels that look like octal numbers
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-yaml-')), 'dist');
    const app = new QdrantApp({ outdir });
    const chart = new Chart(app, 'clusters');
    new QdrantCluster(chart, 'db', {
      id: ID, customerId: '0o17', version: 'v1.16.3', size: 1, namespace: '0o17',
      resources: { cpu: '1', memory: '1Gi', storage: '10Gi' },
      existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() },
    });
    // WHEN synthesised and built by kustomize (YAML 1.2)
    app.synth();
    const built = parse(execFileSync('kubectl', ['kustomize', path.join(outdir, 'clusters')], { encoding: 'utf8' }), { version: '1.2' });
    // THEN both are still the string "0o17"
    expect(built.metadata.namespace).toBe('0o17');
    expect(built.metadata.labels['customer-id']).toBe('0o17');
  });

  test('strings go-yaml reads as numbers, and "<<" as a value, stay strings through kubectl kustomize, as keys, values and items', () => {
    // GIVEN Helm values with strings only go-yaml reads as numbers (it drops "_" and takes Go's integer
    // prefixes in either case) as keys, values and list items, and "<<" as a value and an item
    // (as a key, kustomize reads "<<" as a merge key even quoted: the escape hatches refuse it)
    const tricky = ['0o1_7', '0O17', '0X1F', '+0o17', '0B101'];
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-yaml-')), 'dist');
    const app = new QdrantApp({ outdir });
    new HybridRegion(app, 'r', {
      environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8', namespace: 'q',
      agentChartVersion: '1.33.0', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
      agentValues: { podLabels: { ...Object.fromEntries(tricky.map((t) => [t, t])), merge: '<<' }, extraArgs: [...tricky, '<<'] },
    });
    // WHEN synthesised and built by kustomize (go-yaml)
    app.synth();
    const built = parseAllDocuments(execFileSync('kubectl', ['kustomize', path.join(outdir, 'r')], { encoding: 'utf8' }), { version: '1.2' });
    // THEN every one is still the same string, key and value
    const values = built.map((d) => d.toJS()).find((o) => o.kind === 'HelmRelease').spec.values;
    expect(values.podLabels).toEqual({ ...Object.fromEntries(tricky.map((t) => [t, t])), merge: '<<' });
    expect(values.extraArgs).toEqual([...tricky, '<<']);
  });
});
