import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ArgoCdDelivery, Delivery, FluxDelivery, QdrantApp, QdrantConfigError, SecretSource } from '../src';
import { configErrorOf } from './support/errors';
import { sealedCiphertext } from './support/sealed';
import { clusterProps, privateCloudOperator } from './support/stacks';
import { testApp } from './support/synth';

// What is app-wide lives on the QdrantApp, what a delivery wrote for a stack lives on the
// stack chart: no module keeps app data, so deliveries and sources are values.
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
