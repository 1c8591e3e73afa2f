import { Chart } from 'cdk8s';
import { ArgoCdDelivery, ArgoCdDeliveryProps, FluxDelivery, QdrantOperator, SecretSource } from '../src';
import { ARGOCD_HEALTH_FILE } from '../src/delivery/argocd-delivery';
import { argoCdHealthData } from '../src/health/argocd-health';
import { qdrantHealthCheckExprs } from '../src/health/flux-health';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { CLUSTER_ID, clusterProps, privateCloudOperator } from './support/stacks';
import { findObject, testApp } from './support/synth';

const creds = () => SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'r', property: 'u' }, password: { key: 'r', property: 'p' } } });
const IDS = [CLUSTER_ID, '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819'];

/** A Private Cloud stack with one cluster, in an app of its own. */
function stack(delivery: ArgoCdDelivery | FluxDelivery, id = 'pc', namespace = 'qdrant', app = testApp()) {
  const operator = privateCloudOperator(app, { namespace, delivery, registryCredentials: creds() }, id);
  operator.addCluster('db', clusterProps({ id: IDS[namespace === 'qdrant-b' ? 1 : 0], size: 3 }));
  return { app, operator };
}

const allObjects = (operator: QdrantOperator) => operator.node.findAll().filter(Chart.isChart).flatMap((c) => (c as Chart).toJson());

describe('Flux waits for the health of Qdrant objects', () => {
  test('the Kustomization applying the clusters waits, with a timeout and the CEL checks of every qdrant.io kind', () => {
    // GIVEN a Flux stack with a cluster / WHEN rendered
    const { operator } = stack(new FluxDelivery());
    const objects = allObjects(operator);
    // THEN the clusters' Kustomization waits for them by phase, and validates against the Flux CRD
    const clusters = findObject(objects, 'Kustomization', 'qdrant-clusters');
    expect(clusters.spec).toMatchObject({ wait: true, timeout: '15m', healthCheckExprs: qdrantHealthCheckExprs() });
    expect(clusters.spec.healthCheckExprs.map((e: any) => e.kind)).toEqual(['QdrantCluster', 'QdrantClusterSnapshot', 'QdrantClusterScheduledSnapshot', 'QdrantClusterRestore']);
    // the stack's own Kustomization applies HelmReleases, which Flux knows already
    expect(findObject(objects, 'Kustomization', 'qdrant-stack').spec.healthCheckExprs).toBeUndefined();
    expect(schemaErrors(objects)).toEqual([]);
    expect(operator.readmeNotes().join('\n')).toMatch(/Flux health: the Kustomization that applies `pc-clusters` waits \(`wait: true`, timeout 15m\)/);
  });
});

describe('Argo CD health and sync retry', () => {
  test('by default: every Application retries with backoff; the folder carries the argocd-cm keys to merge', () => {
    // GIVEN an Argo CD stack with default props / WHEN rendered
    const { operator } = stack(new ArgoCdDelivery());
    const objects = allObjects(operator);
    // THEN each Application has the default retry
    const apps = objects.filter((o) => o.kind === 'Application');
    expect(apps.length).toBeGreaterThan(0);
    apps.forEach((a) => expect(a.spec.syncPolicy.retry).toEqual({ limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } }));
    // AND no argocd-cm object, but the side file with every health key and the README saying how to merge it
    expect(objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'argocd-cm')).toEqual([]);
    const file = operator.sideFiles()[ARGOCD_HEALTH_FILE];
    for (const key of Object.keys(argoCdHealthData())) expect(file).toContain(`${key}: |`);
    expect(file).toContain('resource.customizations.health.qdrant.io_QdrantCluster');
    expect(file).toContain('resource.customizations.health.argoproj.io_Application');
    expect(operator.readmeNotes().join('\n')).toMatch(/Argo CD health: merge `argocd-cm-health.yaml` into `argocd-cm` in namespace `argocd` \(`kubectl -n argocd patch configmap argocd-cm --type merge --patch-file argocd-cm-health.yaml`\)/);
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('syncRetry sets the retry; limit 0 turns it off', () => {
    const { operator } = stack(new ArgoCdDelivery({ syncRetry: { limit: 0, backoffDuration: '10s', backoffFactor: 3, backoffMaxDuration: '10m' } }));
    const app = allObjects(operator).find((o) => o.kind === 'Application');
    expect(app.spec.syncPolicy.retry).toEqual({ limit: 0, backoff: { duration: '10s', factor: 3, maxDuration: '10m' } });
  });

  test.each<[ArgoCdDeliveryProps, RegExp]>([
    [{ syncRetry: { limit: -1 } }, /delivery.syncRetry.limit.*-1/],
    [{ syncRetry: { backoffDuration: 'soon' } }, /delivery.syncRetry.backoffDuration.*"soon".*expected a duration/],
    [{ syncRetry: { backoffFactor: 0.5 } }, /delivery.syncRetry.backoffFactor/],
    [{ syncRetry: { retries: 3 } as any }, /delivery.syncRetry.*retries/],
    [{ manageArgoCdConfigMap: 'yes' as any }, /delivery.manageArgoCdConfigMap/],
  ])('bad retry or config-map props are refused: %j', (props, message) => {
    expect(configErrorOf(() => stack(new ArgoCdDelivery(props))).message).toMatch(message);
  });

  test('manageArgoCdConfigMap: one argocd-cm per Argo CD, in the first stack folder, never pruned; the others point at it', () => {
    // GIVEN two stacks of one Argo CD that manage argocd-cm from the output
    const app = testApp();
    const first = stack(new ArgoCdDelivery({ manageArgoCdConfigMap: true, namePrefix: 'a-', project: 'a' }), 'pc-a', 'qdrant-a', app).operator;
    const second = stack(new ArgoCdDelivery({ manageArgoCdConfigMap: true, namePrefix: 'b-', project: 'b' }), 'pc-b', 'qdrant-b', app).operator;
    // WHEN rendered / THEN the first folder holds the only argocd-cm, labelled for Argo CD, with the health keys
    const configMaps = [...allObjects(first), ...allObjects(second)].filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'argocd-cm');
    expect(configMaps).toHaveLength(1);
    const [cm] = configMaps;
    expect(allObjects(first)).toContainEqual(cm);
    expect(cm.metadata).toMatchObject({ namespace: 'argocd', labels: { 'app.kubernetes.io/part-of': 'argocd' } });
    expect(cm.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Prune=false,Delete=false');
    expect(cm.data).toEqual(argoCdHealthData());
    expect(schemaErrors([cm])).toEqual([]);
    // AND no side file to merge; each README says where argocd-cm is managed
    expect(first.sideFiles()[ARGOCD_HEALTH_FILE]).toBeUndefined();
    expect(first.readmeNotes().join('\n')).toMatch(/Argo CD health: this folder manages `argocd-cm` in namespace `argocd`/);
    expect(second.readmeNotes().join('\n')).toMatch(/is managed from folder `pc-a`/);
  });
});
