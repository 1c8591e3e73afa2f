import * as fs from 'fs';
import * as path from 'path';
import { ArgoCdDelivery, FluxDelivery } from '../src';
import { clusterLabelOfKey } from '../src/delivery/cluster-label';
import { privateCloudOperator } from './support/stacks';
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
