import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ArgoCdDelivery, Delivery, FluxDelivery, HybridRegion, QdrantApp, QdrantCluster, QdrantConfigError, QdrantOperator, SecretSource } from '../src';
import { configErrorOf } from './support/errors';
import { sealedCiphertext } from './support/sealed';
import { clusterProps, operatorProps, privateCloudOperator } from './support/stacks';
import { testApp } from './support/synth';
import { tmp } from './support/tmp';

// The app context: the library's constructs live in a QdrantApp (never a plain App), what
// is app-wide lives on the QdrantApp, what a delivery wrote for a stack lives on the stack
// chart: no module keeps app data, so deliveries and sources are values.
const SRC = path.resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Lines of src/ matching `pattern`, as `file:line: text`. */
function grepSrc(pattern: RegExp): string[] {
  return sourceFiles(SRC).flatMap((file) => fs.readFileSync(file, 'utf8').split('\n')
    .map((line, i) => (pattern.test(line) ? `${path.relative(SRC, file)}:${i + 1}: ${line.trim()}` : undefined))
    .filter((l): l is string => l !== undefined));
}

/** One operator stack with a cluster, on `delivery`. */
function operatorApp(delivery: Delivery): QdrantApp {
  const app = testApp();
  privateCloudOperator(app, { delivery }).addCluster('docs', clusterProps());
  return app;
}

const rendered = (app: QdrantApp) => JSON.stringify(app.render());

test('no module of src/ holds app data: no top-level let, no module Map or WeakMap', () => {
  // GIVEN every source file  WHEN searched for module-level mutable state  THEN there is none
  expect(grepSrc(/^let |^const [A-Z_]* = new (Map|WeakMap)\b/)).toEqual([]);
});

test('QdrantApp.of finds the app of any construct in it, and refuses a scope outside one', () => {
  // GIVEN a QdrantApp with a chart, and a plain cdk8s App with a chart
  const app = testApp();
  const chart = new Chart(app, 'clusters');
  const plain = new Chart(new App(), 'clusters');
  // WHEN / THEN
  expect(QdrantApp.of(chart)).toBe(app);
  expect(QdrantApp.of(app)).toBe(app);
  const error = configErrorOf(() => QdrantApp.of(plain));
  expect(error).toBeInstanceOf(QdrantConfigError);
  expect(error.message).toMatch(/\[clusters\] scope: .*a construct of a QdrantApp \(new QdrantApp\(\) instead of new App\(\)\)/);
});

test.each([
  ['a Flux', () => new FluxDelivery()],
  ['a Flux fleet', () => new FluxDelivery({ cluster: 'eu' })],
  ['an Argo CD', () => new ArgoCdDelivery()],
  ['an Argo CD remote', () => new ArgoCdDelivery({ destinationName: 'eu', gitRepository: { url: 'https://git.example.com/gitops.git' }, manageArgoCdConfigMap: true })],
])('%s delivery is a value: one instance serves two apps as two fresh ones do', (_name, delivery) => {
  // GIVEN one delivery instance shared by two apps
  const shared = delivery();
  const first = operatorApp(shared);
  const second = operatorApp(shared);
  // WHEN both render  THEN each renders as with a delivery of its own
  const fresh = rendered(operatorApp(delivery()));
  expect(rendered(first)).toBe(fresh);
  expect(rendered(second)).toBe(fresh);
});

test('a sealed source is bound in its app: a second Secret is refused there, the same Secret in another app is fine', () => {
  // GIVEN one sealed registry credential
  const sealed = SecretSource.fromSealedSecret({ encryptedData: { '.dockerconfigjson': sealedCiphertext('registry') } });
  const stack = (app: QdrantApp, id: string, namespace: string) =>
    privateCloudOperator(app, { namespace, delivery: new FluxDelivery(), registryCredentials: sealed }, id);
  // WHEN it serves the pull secret of namespace qdrant in two apps  THEN both render
  for (const app of [testApp(), testApp()]) {
    stack(app, 'pc', 'qdrant');
    expect(() => app.render()).not.toThrow();
  }
  // WHEN a second stack of one app binds it to another namespace  THEN that is refused
  const app = testApp();
  stack(app, 'pc', 'qdrant');
  expect(configErrorOf(() => stack(app, 'pc-2', 'other')).message).toMatch(/sealed values decrypt only for the Secret they were sealed for/);
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
