import * as fs from 'fs';
import * as path from 'path';
import { ArgoCdDelivery, FluxDelivery } from '../src';
import { clusterLabelOfKey } from '../src/delivery/cluster-label';
import { appliedPath, installedReleaseOf, pulledChartOf } from '../src/delivery/delivery-objects';
import { clusterProps, privateCloudOperator } from './support/stacks';
import { testApp } from './support/synth';

// A delivery answers for itself (its name, its order note, its README column, its
// Kubernetes cluster): nothing outside src/delivery/ asks which tool it is.
const SRC = path.resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Argo CD names its own ConfigMap's `part-of` label after itself: a label value, not a question about the delivery. */
const NOT_A_TOOL_SWITCH = ["'app.kubernetes.io/part-of': 'argocd'"];

test("no 'flux' or 'argocd' literal outside src/delivery/", () => {
  // GIVEN every source file outside src/delivery/  WHEN searched for the tool names as literals
  const found = sourceFiles(SRC)
    .filter((file) => !path.relative(SRC, file).startsWith(`delivery${path.sep}`))
    .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file: path.relative(SRC, file), line: i + 1, text: line })))
    .filter((l) => /['"`](flux|argocd)['"`]/.test(NOT_A_TOOL_SWITCH.reduce((t, allowed) => t.replace(allowed, ''), l.text)))
    .map((l) => `${l.file}:${l.line}: ${l.text.trim()}`);
  // THEN there is none
  expect(found).toEqual([]);
});

test.each([
  ['Flux', () => new FluxDelivery(), 'Flux: HelmRelease `qdrant-private-cloud` depends on `qdrant-private-cloud-crds`.', 'through Flux'],
  ['Argo CD', () => new ArgoCdDelivery(), 'Argo CD sync waves: 0 namespace and secrets, 1 CRD chart, 2 operator chart, 3 Qdrant clusters.', 'through Argo CD'],
])('the %s delivery writes its own order note and name into the operator README', (_name, delivery, order, through) => {
  // GIVEN an operator stack on the delivery
  const app = testApp();
  privateCloudOperator(app, { delivery: delivery() });
  // WHEN it renders
  const readme = app.render().find((f) => f.folder === 'pc')!.files['README.md'];
  // THEN its README carries the delivery's order note and name
  expect(readme).toContain(`- ${order}`);
  expect(readme).toContain(through);
});

test.each([
  [new FluxDelivery(), 'default'],
  [new FluxDelivery({ cluster: 'eu' }), 'eu'],
  [new ArgoCdDelivery(), 'in-cluster'],
  [new ArgoCdDelivery({ destinationName: 'us-west' }), 'us-west'],
  [new ArgoCdDelivery({ destinationServer: 'https://10.0.0.1:6443' }), 'https://10.0.0.1:6443'],
])('a Kubernetes cluster key read back from memory gives the label its delivery gives it (%#)', (delivery, label) => {
  // GIVEN a delivery's Kubernetes cluster  WHEN its key is read back  THEN the label is the delivery's
  expect(delivery._kubernetesCluster().label).toBe(label);
  expect(clusterLabelOfKey(delivery._kubernetesCluster().key)).toBe(label);
});

test.each([
  ['Flux', () => new FluxDelivery()],
  ['Argo CD', () => new ArgoCdDelivery({ gitRepository: { url: 'https://git.example.com/platform/gitops.git' } })],
])('the %s objects that install charts are read as releases, and only those', (_name, delivery) => {
  // GIVEN an operator stack on the delivery, with a root Application for Argo CD
  const app = testApp();
  privateCloudOperator(app, { delivery: delivery() });
  // WHEN every object of its output is read
  const objects = app.render().flatMap((f) => f.objects);
  const releases = objects.map(installedReleaseOf).filter((r) => r !== undefined);
  // THEN the two chart releases are found, with their namespace and values, and nothing else
  expect(releases.map((r) => [r.releaseName, r.namespace]).sort()).toEqual([['qdrant-private-cloud', 'qdrant'], ['qdrant-private-cloud-crds', 'qdrant']]);
  expect(releases.find((r) => r.releaseName === 'qdrant-private-cloud')!.values.operator).toBeDefined();
  // AND the charts they pull are named with their versions
  expect(objects.map(pulledChartOf).filter((c) => c !== undefined)).toEqual(['qdrant-kubernetes-api v1.23.0', 'qdrant-private-cloud 1.9.6']);
});

test.each([
  ['Flux', () => new FluxDelivery(), ['./dist/pc', './dist/pc-clusters']],
  ['Argo CD', () => new ArgoCdDelivery({ gitRepository: { url: 'https://git.example.com/platform/gitops.git' } }), ['dist/pc']],
])('the %s objects that apply other folders are read with their paths, and only those', (_name, delivery, paths) => {
  // GIVEN an operator stack with a cluster on the delivery (Flux entry Kustomizations, an Argo CD root Application)
  const app = testApp();
  privateCloudOperator(app, { delivery: delivery() }).addCluster('db', clusterProps({ resources: { cpu: '1', memory: '1Gi', storage: '10Gi' } }));
  // WHEN every object of its output is read
  const applied = app.render().flatMap((f) => f.objects).map(appliedPath).filter((p) => p !== undefined);
  // THEN the paths of the folders they apply are found, and no chart release counts as one
  expect(applied.sort()).toEqual(paths);
});
