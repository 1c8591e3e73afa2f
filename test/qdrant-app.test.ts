import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ArgoCdDelivery, HybridRegion, QdrantApp, QdrantCluster, QdrantConfigError, QdrantOperator } from '../src';
import { configErrorOf } from './support/errors';
import { clusterProps, hybridRegion, operatorProps, regionProps } from './support/stacks';
import { tmp } from './support/tmp';

function tempOutdir(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-app-')), 'dist');
  fs.mkdirSync(path.join(dir, 'previous'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'previous', 'manifests.k8s.yaml'), 'kept: true\n');
  return dir;
}

describe('QdrantApp', () => {
  test('replaces the output directory with one folder per chart', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = new QdrantApp({ outdir });
    hybridRegion(app, {}, 'region-a');
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
    hybridRegion(app, {}, 'region-a');
    new Chart(app, 'other').node.addValidation({ validate: () => ['something is wrong'] });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(QdrantConfigError);
    expect(fs.readFileSync(path.join(outdir, 'previous', 'manifests.k8s.yaml'), 'utf8')).toBe('kept: true\n');
    expect(fs.readdirSync(path.dirname(outdir))).toEqual(['dist']);
  });

  test('a chart id that is not a folder name is refused', () => {
    expect(() => hybridRegion(new QdrantApp({ outdir: tempOutdir() }), {}, 'Region A'))
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
        new HybridRegion(app, 'region-a', { ...${JSON.stringify({ ...regionProps(), delivery: undefined, registryCredentials: undefined, cloudAccessKey: undefined })},
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

describe('QdrantApp props from JavaScript callers', () => {
  test.each<[string, unknown, string, RegExp]>([
    ['null props', null, 'props', /expected QdrantAppProps/],
    ['a string as props', 'dist', 'props', /expected QdrantAppProps/],
    ['a number as outdir', { outdir: 42 }, 'outdir', /expected a non-empty path/],
    ['an empty outdir', { outdir: '' }, 'outdir', /expected a non-empty path/],
    ['a NUL byte in outdir', { outdir: 'di\u0000st' }, 'outdir', /without NUL bytes/],
    ['an object as previousOutput', { previousOutput: {} }, 'previousOutput', /expected a non-empty path/],
    ['a string as mirror', { mirror: 'harbor.corp/qdrant' }, 'mirror', /expected an ImageMirror/],
    ['a typo (previousOuput)', { previousOuput: '../main/dist' }, 'previousOuput', /unknown key; did you mean "previousOutput"\?; expected one of "outdir", "mirror", "allowedChanges", "baseRef", "previousOutput", "planFile"/],
  ])('%s is refused when the app is created', (_what, props, prop, allowed) => {
    // GIVEN props a TypeScript caller could not write
    // WHEN the app is created THEN the library error names the app, the prop and what is allowed
    const error = configErrorOf(() => new QdrantApp(props as any));
    expect(error.constructPath).toBe('<app>');
    expect(error.prop).toBe(prop);
    expect(error.allowed).toMatch(allowed);
  });

  test('a typo in previousOutput is refused before the comparison could be dropped silently', () => {
    // GIVEN an output and a previous output to compare with, named with a typo
    const dir = tmp('qdrant-props-');
    // WHEN the app is created THEN it is refused and nothing is written
    const error = configErrorOf(() => new QdrantApp({ outdir: path.join(dir, 'dist'), previousOuput: dir } as any));
    expect(error.message).toMatch(/\[<app>\] previousOuput: got "<set>"; unknown key/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('the constructs of this library belong in a QdrantApp', () => {
  test('a QdrantOperator under a plain cdk8s App is refused when it is created, so nothing is written unguarded', () => {
    // GIVEN a plain cdk8s App with an output directory
    const outdir = path.join(tmp('qdrant-plain-'), 'dist');
    const app = new App({ outdir });
    // WHEN a QdrantOperator is created in it
    const error = configErrorOf(() => new QdrantOperator(app, 'pc', operatorProps()));
    // THEN the library error names the construct and says to use QdrantApp
    expect(error.constructPath).toBe('pc');
    expect(error.prop).toBe('scope');
    expect(error.value).toBe('App');
    expect(error.allowed).toMatch(/a QdrantOperator belongs in a QdrantApp \(new QdrantApp\(\) instead of new App\(\)\): only QdrantApp\.synth\(\) refuses data-losing changes/);
    expect(fs.existsSync(outdir)).toBe(false);
    // AND the refused construct never joined the tree: a caller that catches the error and synthesises gets nothing of it
    expect(app.node.children).toEqual([]);
  });

  test('a HybridRegion or a QdrantCluster in a plain chart of a plain App is refused too', () => {
    // GIVEN a plain cdk8s App and a chart in it
    const app = new App({ outdir: path.join(tmp('qdrant-plain-'), 'dist') });
    const chart = new Chart(app, 'clusters');
    // WHEN / THEN each construct of the library is refused, naming itself
    expect(configErrorOf(() => new HybridRegion(chart, 'eu', {} as any)).allowed).toMatch(/a HybridRegion belongs in a QdrantApp/);
    const error = configErrorOf(() => new QdrantCluster(chart, 'db', {} as any));
    expect(error.constructPath).toBe('clusters/db');
    expect(error.allowed).toMatch(/a QdrantCluster belongs in a QdrantApp/);
    expect(chart.node.children).toEqual([]);
  });

  test('a QdrantCluster directly under the app gets the library error, not cdk8s\'s "cannot find a parent chart"', () => {
    // GIVEN a QdrantApp
    const app = new QdrantApp({ outdir: path.join(tmp('qdrant-nochart-'), 'dist') });
    // WHEN a cluster is created directly under it
    const error = configErrorOf(() => new QdrantCluster(app, 'db', clusterProps({
      namespace: 'db', existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() },
    })));
    // THEN the library error says where it belongs
    expect(error.constructPath).toBe('db');
    expect(error.prop).toBe('scope');
    expect(error.value).toBe('<app>');
    expect(error.allowed).toMatch(/a QdrantCluster belongs in a chart: create it with QdrantOperator\.addCluster or HybridRegion\.addCluster, or, with existingOperator, in a chart of your own/);
  });

  test('a QdrantOperator in a chart of a QdrantApp is accepted', () => {
    const app = new QdrantApp({ outdir: path.join(tmp('qdrant-nested-'), 'dist') });
    expect(() => new QdrantOperator(new Chart(app, 'group'), 'pc', operatorProps())).not.toThrow();
  });
});
