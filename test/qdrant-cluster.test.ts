import { Chart } from 'cdk8s';
import {
  ArgoCdDelivery, FluxDelivery, QdrantCluster, QdrantClusterProps, QdrantOperatorProps, SecretSource,
} from '../src';
import { noticesOf } from '../src/core/notices';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { hybridRegion, privateCloudOperator } from './support/stacks';
import { findObject, ids, objectsOf, testApp } from './support/synth';

const ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';
const minimal: QdrantClusterProps = {
  id: ID, customerId: 'acme-industries', version: 'v1.11.3', size: 1, resources: { cpu: '100m', memory: '1Gi', storage: '2Gi' },
};
const apiKey = () => SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'api-key': { key: 'db', property: 'api-key' } } });

function operatorWith(overrides: Partial<QdrantOperatorProps> = {}) {
  return privateCloudOperator(testApp(), overrides);
}

function cluster(props: Partial<QdrantClusterProps> = {}, operatorProps: Partial<QdrantOperatorProps> = {}) {
  const op = operatorWith(operatorProps);
  const c = op.addCluster('db', { ...minimal, ...props });
  const objects = objectsOf(Chart.of(c));
  return { op, cluster: c, objects, cr: findObject(objects, 'QdrantCluster', `qdrant-${props.id ?? ID}`) };
}

describe('QdrantCluster', () => {
  test("reproduces Qdrant's documented minimal cluster field by field", () => {
    // GIVEN a cluster with only the required props, as in Qdrant's minimal example
    // WHEN it is added to an operator and rendered
    const { cr, objects } = cluster();
    // THEN the QdrantCluster has the documented apiVersion, name, labels and spec, and passes the schemas
    expect(cr.apiVersion).toBe('qdrant.io/v1');
    expect(cr.metadata.name).toBe('qdrant-a7d8d973-0cc5-42de-8d7b-c29d14d24840');
    expect(cr.metadata.labels).toEqual({ 'cluster-id': 'a7d8d973-0cc5-42de-8d7b-c29d14d24840', 'customer-id': 'acme-industries' });
    expect(cr.spec).toEqual({
      id: 'a7d8d973-0cc5-42de-8d7b-c29d14d24840', version: 'v1.11.3', size: 1,
      resources: { cpu: '100m', memory: '1Gi', storage: '2Gi' },
    });
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('API keys and TLS become secretKeyRefs in the cluster namespace', () => {
    // GIVEN a cluster with an API key from ESO, an existing read-only key, TLS with a CA and JWT RBAC
    // WHEN it is rendered
    const { cr, objects } = cluster({
      apiKey: apiKey(),
      readOnlyApiKey: SecretSource.existing('ro-key'),
      tls: { certificate: SecretSource.existing('db-tls'), ca: SecretSource.existing('db-ca') },
      config: { service: { jwtRbac: true } },
    });
    // THEN the config refers to each Secret by secretKeyRef, and the ExternalSecret sits in the cluster namespace
    expect(cr.spec.config.service).toEqual({
      api_key: { secretKeyRef: { name: `qdrant-${ID}-api-key`, key: 'api-key' } },
      read_only_api_key: { secretKeyRef: { name: 'ro-key', key: 'read-only-api-key' } },
      jwt_rbac: true,
      enable_tls: true,
    });
    expect(cr.spec.config.tls).toEqual({
      cert: { secretKeyRef: { name: 'db-tls', key: 'tls.crt' } },
      key: { secretKeyRef: { name: 'db-tls', key: 'tls.key' } },
      caCert: { secretKeyRef: { name: 'db-ca', key: 'ca.crt' } },
    });
    expect(findObject(objects, 'ExternalSecret', `qdrant-${ID}-api-key`).metadata.namespace).toBe('qdrant');
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('maps idiomatic names to the CRD wire names', () => {
    // GIVEN a cluster setting every idiomatic prop, on a CRD chart new enough for them
    // WHEN it is rendered
    const { cr, objects } = cluster({
      version: 'v1.16.3', size: 3, apiKey: apiKey(),
      config: {
        collection: { replicationFactor: 2, writeConsistencyFactor: 1, vectorsOnDisk: true, strictMode: { maxPayloadIndexCount: 50 } },
        logLevel: 'INFO', service: { maxRequestSizeMb: 64, hideJwtDashboard: true },
        storage: { maxCollections: 500, optimizerCpuBudget: 2, asyncScorer: true },
        audit: { enabled: true, rotation: 'hourly', maxLogFiles: 24, trustForwardedHeaders: false },
      },
      service: { type: 'LoadBalancer', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
      gpu: { gpuType: 'nvidia', parallelIndexes: 2 },
      storage: { iops: 3000, throughput: 125, volumeSnapshotClassName: 'snap' },
      topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone' }],
      podDisruptionBudget: { maxUnavailable: 1 },
      statefulSet: { podLabels: { team: 'search' }, extraEnv: [{ name: 'QDRANT__LOG_LEVEL', value: 'INFO' }] },
      rebalanceStrategy: 'by_count_and_size', multiAz: true, onDemandReplication: 'Auto', restartAllPodsConcurrently: false,
      readClusters: ['0f2c6a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b'], writeCluster: '0f2c6a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
    }, { crdChartVersion: 'v1.37.6' });
    // THEN each prop appears under its CRD wire name, with defaults filled in, and the objects pass the schemas
    expect(cr.spec.config.collection).toEqual({ replication_factor: 2, write_consistency_factor: 1, vectors: { on_disk: true }, strict_mode: { max_payload_index_count: 50 } });
    expect(cr.spec.config.storage).toEqual({ maxCollections: 500, performance: { optimizer_cpu_budget: 2, async_scorer: true } });
    expect(cr.spec.config.audit).toEqual({ enabled: true, rotation: 'hourly', max_log_files: 24, trust_forwarded_headers: false });
    expect(cr.spec.config.service).toMatchObject({ max_request_size_mb: 64, hide_jwt_dashboard: true });
    expect(cr.spec.gpu).toEqual({ gpuType: 'nvidia', forceHalfPrecision: false, allowIntegrated: false, parallelIndexes: 2 });
    expect(cr.spec.topologySpreadConstraints).toEqual([{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }]);
    expect(cr.spec.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
    expect(cr.spec.statefulSet).toEqual({ pods: { labels: { team: 'search' }, extraEnv: [{ name: 'QDRANT__LOG_LEVEL', value: 'INFO' }] } });
    expect(cr.spec).toMatchObject({ rebalanceStrategy: 'by_count_and_size', multiAZ: true, onDemandReplication: 'Auto', readClusters: [{ id: '0f2c6a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b' }] });
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('backups and restores carry the cluster labels', () => {
    // GIVEN a cluster
    const { cluster: c } = cluster();
    // WHEN a snapshot, a scheduled snapshot and a restore are added and the chart rendered
    c.addSnapshot('once', { name: 'before-upgrade', retention: '168h' });
    c.addScheduledSnapshot('nightly', { name: 'nightly', schedule: '0 2 * * *', retention: '72h' });
    c.addRestore('restore', { name: 'restore-1', snapshotName: 'before-upgrade' });
    const objects = objectsOf(Chart.of(c));
    // THEN each carries the cluster labels and points at the cluster
    const labels = { 'cluster-id': ID, 'customer-id': 'acme-industries' };
    expect(findObject(objects, 'QdrantClusterSnapshot', 'before-upgrade')).toMatchObject({ metadata: { labels }, spec: { 'cluster-id': ID, retention: '168h' } });
    expect(findObject(objects, 'QdrantClusterScheduledSnapshot', 'nightly')).toMatchObject({
      metadata: { labels }, spec: { 'cluster-id': ID, schedule: '0 2 * * *', retention: '72h', scheduleShortId: 'a7d8d973' },
    });
    expect(findObject(objects, 'QdrantClusterRestore', 'restore-1')).toMatchObject({
      metadata: { labels },
      spec: { source: { snapshotName: 'before-upgrade', namespace: 'qdrant' }, destination: { name: `qdrant-${ID}`, namespace: 'qdrant', create: false } },
    });
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('exposure helpers select the cluster pods and open only 6333/6334', () => {
    // GIVEN a cluster with an API key
    const { cluster: c } = cluster({ apiKey: apiKey() });
    // WHEN a LoadBalancer Service, an Ingress and a NetworkPolicy are added and the chart rendered
    c.exposeWithService('lb', { name: 'db-lb', type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'] });
    c.exposeWithIngress('ing', { name: 'db', host: 'db.example.com', ingressClassName: 'nginx', tlsSecretName: 'db-cert' });
    c.allowFromNamespaces('np', { name: 'db-from-apps', namespaces: ['apps'] });
    const objects = objectsOf(Chart.of(c));
    // THEN they select the cluster pods, open only 6333/6334 and pass the schemas
    const svc = findObject(objects, 'Service', 'db-lb');
    expect(svc.spec.selector).toEqual({ app: 'qdrant', 'cluster-id': ID });
    expect(svc.spec.ports.map((p: any) => p.port)).toEqual([6333, 6334]);
    expect(svc.spec.loadBalancerSourceRanges).toEqual(['10.0.0.0/8']);
    expect(findObject(objects, 'Ingress', 'db').spec.rules[0].http.paths[0].backend.service).toEqual({ name: `qdrant-${ID}`, port: { number: 6333 } });
    const np = findObject(objects, 'NetworkPolicy', 'db-from-apps');
    expect(np.spec.ingress[0].ports.map((p: any) => p.port)).toEqual([6333, 6334]);
    expect(np.spec.podSelector.matchLabels).toEqual({ app: 'qdrant', 'cluster-id': ID });
    expect(schemaErrors(objects)).toEqual([]);
  });
});

describe('exposeWithIngress', () => {
  const tls = { certificate: SecretSource.existing('db-tls'), ca: SecretSource.existing('db-ca') };
  const warnings = (c: QdrantCluster) => noticesOf(Chart.of(c), 'warning').filter((w) => w.includes('exposeWithIngress')).map((w) => w.replace(/^\[[^\]]*\] /, ''));

  test('the certificate is a SecretSource: its Secret is emitted, referenced by the Ingress and listed under "Secrets to provide"', () => {
    // GIVEN a cluster with an API key
    const { cluster: c } = cluster({ apiKey: apiKey() });
    // WHEN an Ingress takes its certificate from External Secrets
    c.exposeWithIngress('ing', {
      name: 'db', host: 'db.example.com', ingressClassName: 'nginx',
      tlsCertificate: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'tls.crt': { key: 'db/cert', property: 'crt' }, 'tls.key': { key: 'db/cert', property: 'key' } } }),
    });
    const objects = objectsOf(Chart.of(c));
    // THEN the ExternalSecret yields db-ingress-tls (kubernetes.io/tls) in the cluster namespace, ordered with the secrets
    const secret = findObject(objects, 'ExternalSecret', 'db-ingress-tls', 'qdrant');
    expect(secret.spec.target.template.type).toBe('kubernetes.io/tls');
    expect(secret.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
    expect(findObject(objects, 'Ingress', 'db').spec.tls).toEqual([{ hosts: ['db.example.com'], secretName: 'db-ingress-tls' }]);
    expect(noticesOf(Chart.of(c), 'secret')).toContainEqual(expect.stringMatching(/^`qdrant\/db-ingress-tls` \(kubernetes.io\/tls, keys `tls.crt`, `tls.key`\): certificate of Ingress db \(host db.example.com\), made by External Secrets/));
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('tlsSecretName still works, as SecretSource.existing(name), and is listed as a Secret to provide; both at once are refused', () => {
    const { cluster: c } = cluster({ apiKey: apiKey() });
    c.exposeWithIngress('ing', { name: 'db', host: 'db.example.com', ingressClassName: 'nginx', tlsSecretName: 'db-cert' });
    expect(findObject(objectsOf(Chart.of(c)), 'Ingress', 'db').spec.tls).toEqual([{ hosts: ['db.example.com'], secretName: 'db-cert' }]);
    expect(noticesOf(Chart.of(c), 'secret')).toContainEqual(expect.stringMatching(/^`qdrant\/db-cert` \(kubernetes.io\/tls.*certificate of Ingress db.*created out of band$/));
    expect(configErrorOf(() => c.exposeWithIngress('both', {
      name: 'db2', host: 'db2.example.com', tlsSecretName: 'x', tlsCertificate: SecretSource.existing('y'),
    })).message).toMatch(/exposeWithIngress\(both\).tlsSecretName: got "x"; leave it unset when tlsCertificate is given/);
  });

  test('in front of a cluster serving TLS, ingress-nginx and HAProxy are told to talk HTTPS to it', () => {
    // GIVEN a cluster serving TLS
    const { cluster: c } = cluster({ apiKey: apiKey(), tls });
    // WHEN Ingresses of both controllers are added, and one whose annotation the user set
    c.exposeWithIngress('nginx', { name: 'db-nginx', host: 'a.example.com', ingressClassName: 'nginx', tlsCertificate: SecretSource.existing('a') });
    c.exposeWithIngress('haproxy', { name: 'db-haproxy', host: 'b.example.com', ingressClassName: 'haproxy', tlsCertificate: SecretSource.existing('b') });
    c.exposeWithIngress('own', {
      name: 'db-own', host: 'c.example.com', ingressClassName: 'nginx', tlsCertificate: SecretSource.existing('c'),
      annotations: { 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPCS' },
    });
    const objects = objectsOf(Chart.of(c));
    // THEN each carries its controller's backend annotation, the user's value wins, and nothing warns
    const annotations = (name: string) => { const { ['argocd.argoproj.io/sync-wave']: _wave, ...rest } = findObject(objects, 'Ingress', name).metadata.annotations; return rest; };
    expect(annotations('db-nginx')).toEqual({ 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS' });
    expect(annotations('db-haproxy')).toEqual({ 'haproxy.org/server-ssl': 'true', 'haproxy-ingress.github.io/backend-protocol': 'h1-ssl' });
    expect(annotations('db-own')).toEqual({ 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPCS' });
    expect(warnings(c)).toEqual([]);
  });

  test('in front of a cluster serving TLS, an unknown or unnamed controller warns what to add; a plain cluster gets no annotation', () => {
    const { cluster: c } = cluster({ apiKey: apiKey(), tls });
    c.exposeWithIngress('traefik', { name: 'db-t', host: 'a.example.com', ingressClassName: 'traefik', tlsCertificate: SecretSource.existing('a') });
    c.exposeWithIngress('default', { name: 'db-d', host: 'b.example.com', tlsCertificate: SecretSource.existing('b') });
    // Traefik reads its scheme from the Service: an annotation of the user's own silences the warning.
    c.exposeWithIngress('own', {
      name: 'db-o', host: 'c.example.com', ingressClassName: 'traefik', tlsCertificate: SecretSource.existing('c'),
      annotations: { 'traefik.ingress.kubernetes.io/service.serversscheme': 'https' },
    });
    expect(warnings(c)).toEqual([
      expect.stringMatching(/^exposeWithIngress\(traefik\): cluster .* serves TLS, so the Ingress controller must talk HTTPS to it; for ingressClassName "traefik" .*nginx.ingress.kubernetes.io\/backend-protocol: HTTPS\) \[rule ingress-backend-https-unknown\]$/),
      expect.stringMatching(/^exposeWithIngress\(default\): .*without ingressClassName/),
    ]);
    const { cluster: plain } = cluster({ apiKey: apiKey() });
    plain.exposeWithIngress('ing', { name: 'db', host: 'db.example.com', ingressClassName: 'nginx', tlsCertificate: SecretSource.existing('a') });
    expect(Object.keys(findObject(objectsOf(Chart.of(plain)), 'Ingress', 'db').metadata.annotations)).toEqual(['argocd.argoproj.io/sync-wave']);
  });

  test('the Ingress the operator makes (spec.ingress) of a cluster serving TLS gets the same backend annotations and warning', () => {
    // GIVEN clusters serving TLS with an operator-made Ingress: nginx, nginx with the user's own value, traefik
    const specIngress = (ingress: QdrantClusterProps['ingress']) => cluster({ apiKey: apiKey(), tls, ingress });
    const nginx = specIngress({ host: 'a.example.com', ingressClassName: 'nginx' });
    const own = specIngress({ host: 'b.example.com', ingressClassName: 'nginx', annotations: { 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPCS' } });
    const traefik = specIngress({ host: 'c.example.com', ingressClassName: 'traefik' });
    // THEN the spec carries the controller's annotation under the user's, and the unknown controller warns with the rule id
    expect(nginx.cr.spec.ingress.annotations).toEqual({ 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS' });
    expect(own.cr.spec.ingress.annotations).toEqual({ 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPCS' });
    expect(traefik.cr.spec.ingress.annotations).toBeUndefined();
    const tlsWarnings = (c: QdrantCluster) => noticesOf(Chart.of(c), 'warning').filter((w) => w.includes('serves TLS')).map((w) => w.replace(/^\[[^\]]*\] /, ''));
    expect(tlsWarnings(nginx.cluster)).toEqual([]);
    expect(tlsWarnings(traefik.cluster)).toEqual([
      expect.stringMatching(/^ingress: cluster .* serves TLS, so the Ingress controller must talk HTTPS to it; for ingressClassName "traefik" .*\[rule ingress-backend-https-unknown\]$/),
    ]);
    // AND the objects still match the CRD, and a cluster without TLS keeps its Ingress as written
    expect(schemaErrors([nginx.cr, own.cr])).toEqual([]);
    expect(cluster({ apiKey: apiKey(), ingress: { host: 'd.example.com', ingressClassName: 'nginx' } }).cr.spec.ingress.annotations).toBeUndefined();
  });
});

describe('QdrantCluster placement and ordering', () => {
  test('Argo CD: clusters after the operator, dry run skipped, never pruned', () => {
    // GIVEN an operator delivered by Argo CD
    // WHEN a cluster is added and rendered
    const { cr } = cluster();
    // THEN its annotations put it in wave 3, skip the dry run and forbid pruning and deletion
    expect(cr.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '3',
      'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false,SkipDryRunOnMissingResource=true',
    });
  });

  test('Flux: clusters in a folder applied after the operator folder is ready', () => {
    // GIVEN an operator delivered by Flux under ./clusters/prod
    const op = operatorWith({ delivery: new FluxDelivery({ outputPath: './clusters/prod' }) });
    // WHEN a cluster is added and the app rendered
    const c = op.addCluster('db', minimal);
    const app = op.node.scope as any;
    const folders = app.render().map((f: any) => f.folder);
    // THEN the cluster has its own folder, is never pruned, and its Kustomization waits for the stack's
    expect(folders).toEqual(['pc', 'pc-clusters', 'pc-entry']);
    const clusters = objectsOf(Chart.of(c));
    expect(ids(clusters)).toEqual([`QdrantCluster/qdrant/qdrant-${ID}`]);
    expect(clusters[0].metadata.annotations).toEqual({ 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
    const entry = objectsOf(app.node.findAll().find((x: any) => x.node.id === 'pc-entry'));
    // Named after the stack's namespace, not the chart id: a renamed chart moves folders, never Kustomizations.
    expect(findObject(entry, 'Kustomization', 'qdrant-stack').spec).toMatchObject({ path: './clusters/prod/pc', wait: true });
    expect(findObject(entry, 'Kustomization', 'qdrant-clusters').spec).toMatchObject({ path: './clusters/prod/pc-clusters', dependsOn: [{ name: 'qdrant-stack' }], wait: true });
    expect(schemaErrors([...clusters, ...entry])).toEqual([]);
  });

  test('a cluster outside the watched namespaces is an error', () => {
    // GIVEN an operator that watches only its release namespace
    // WHEN / THEN a cluster in another namespace is refused, naming the operator and what it watches
    expect(() => cluster({ namespace: 'elsewhere' })).toThrow(/\[pc\/db\] namespace: got "elsewhere"; no operator watches it: QdrantOperator "pc" watches "qdrant"/);
  });

  test('a cluster in another watched namespace gets the pull secret there', () => {
    // GIVEN an operator watching qdrant and team-a, with registry credentials from ESO
    // WHEN a cluster is added in team-a and rendered
    const { objects } = cluster({ namespace: 'team-a' }, {
      operator: { watchOnlyReleaseNamespace: false, watchNamespaces: ['qdrant', 'team-a'] },
      registryCredentials: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'r' }, password: { key: 'r' } } }),
    });
    // THEN a dockerconfigjson ExternalSecret for the pull secret is made in team-a
    expect(findObject(objects, 'ExternalSecret', 'qdrant-registry-creds', 'team-a').spec.target.template.type).toBe('kubernetes.io/dockerconfigjson');
  });

  test('an existing operator can be declared', () => {
    // GIVEN a plain chart and an operator installed elsewhere that watches all namespaces
    const chart = new Chart(testApp(), 'clusters');
    // WHEN a QdrantCluster is declared in it with existingOperator
    new QdrantCluster(chart, 'db', { ...minimal, namespace: 'db', existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() } });
    // THEN only the QdrantCluster is emitted, and without existingOperator it is refused
    expect(ids(objectsOf(chart))).toEqual([`QdrantCluster/db/qdrant-${ID}`]);
    expect(() => new QdrantCluster(new Chart(testApp(), 'c'), 'db', minimal)).toThrow(/existingOperator: got nothing; a QdrantCluster needs an operator/);
  });

  test('a Hybrid region takes clusters only with the acknowledgement', () => {
    // GIVEN a Hybrid region
    const region = hybridRegion(testApp(), { delivery: new ArgoCdDelivery() });
    // WHEN / THEN a cluster without the acknowledgement is refused
    expect(() => region.addCluster('db', minimal, {} as any)).toThrow(/addCluster\(db\).agentOwnsClustersAcknowledged: got nothing; true: in Hybrid Cloud the agent owns/);
    // WHEN a cluster is added with the acknowledgement
    region.addCluster('db', minimal, { agentOwnsClustersAcknowledged: true });
    // THEN the region emits it and its README notes the clusters declared in code
    expect(ids(objectsOf(region))).toContain(`QdrantCluster/qdrant/qdrant-${ID}`);
    expect(region.readmeNotes().join('\n')).toMatch(/Clusters declared in code/);
  });
});

describe('QdrantCluster bad input', () => {
  const cases: Array<[string, Partial<QdrantClusterProps>, RegExp, Partial<QdrantOperatorProps>?]> = [
    ['id that is not a UUID', { id: 'prod-db' }, /\[pc\/db\] id: got "prod-db"; expected a lowercase UUID/],
    ['version without v', { version: '1.16.3' }, /version: got "1.16.3"; expected a Qdrant version "vX.Y.Z"/],
    ['version latest', { version: 'latest' }, /version: got "latest"/],
    ['size 0', { size: 0 }, /size: got 0; expected an integer from 1 to 100/],
    ['size 101', { size: 101 }, /size: got 101; expected an integer from 1 to 100/],
    ['quantity', { resources: { cpu: '2 cores', memory: '1Gi', storage: '2Gi' } }, /resources.cpu: got "2 cores"; expected a Kubernetes quantity/],
    ['request above limit', { resources: { cpu: '1', memory: '1Gi', storage: '2Gi', requests: { memory: '2Gi' } } }, /resources.requests.memory: got "2Gi"; a request may not exceed its limit \(1Gi\)/],
    ['LoadBalancer without API key', { service: { type: 'LoadBalancer' } }, /service.type: got "LoadBalancer"; exposing a cluster .* needs an API key/],
    ['NodePort without API key', { service: { type: 'NodePort' } }, /service.type: got "NodePort"; .*needs an API key/],
    ['ingress without API key', { ingress: { host: 'db.example.com' } }, /ingress: got "host db.example.com"; .*needs an API key/],
    ['iops without throughput', { storage: { iops: 3000 } }, /storage.throughput: got nothing; set iops and throughput together/],
    ['iops with a VolumeAttributesClass', { storage: { iops: 3000, throughput: 125, volumeAttributesClassName: 'fast' } }, /storage.volumeAttributesClassName: got "fast"; a VolumeAttributesClass excludes iops and throughput/],
    ['gpu type', { version: 'v1.14.0', gpu: { gpuType: 'intel' as any } }, /gpu.gpuType: got "intel"; expected one of "nvidia", "amd"/],
    ['strict mode before Qdrant 1.16', { config: { collection: { strictMode: { maxPayloadIndexCount: 10 } } } }, /strictMode.maxPayloadIndexCount: got 10; needs Qdrant v1.16.0 or later; version is v1.11.3/],
    ['max collections before Qdrant 1.14.1', { config: { storage: { maxCollections: 10 } } }, /config.storage.maxCollections: got 10; needs Qdrant v1.14.1 or later/],
    ['rebalance without the cluster-manager', { rebalanceStrategy: 'by_count', clusterManager: false }, /rebalanceStrategy: got "by_count"; needs the cluster-manager/],
    ['read clusters with the manager switched off in the operator', { readClusters: ['0f2c6a8e-1b3d-4e5f-8a9b-0c1d2e3f4a5b'] }, /readClusters: .*needs the cluster-manager, which QdrantOperator "pc" has switched off/,
      { settings: { features: { clusterManagement: { clusterManager: { enable: false } } } } }],
    ['field newer than the installed CRD', { service: { type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'] }, apiKey: apiKey() }, /service.loadBalancerSourceRanges: .*needs qdrant-kubernetes-api v1.37.0 or later; QdrantOperator "pc" installs v1.23.0/],
    ['source ranges on a ClusterIP', { service: { loadBalancerSourceRanges: ['10.0.0.0/8'] } }, /loadBalancerSourceRanges: .*applies only to service.type "LoadBalancer"/, { crdChartVersion: 'v1.37.6' }],
    ['replication factor above size', { config: { collection: { replicationFactor: 2 } } }, /replicationFactor: got 2; at most size \(1\)/],
    ['unknown key through an untyped path', { config: { collection: { replication_factor: 2 } } } as any, /config.collection.replication_factor: got "<set>"; unknown key; did you mean "replicationFactor"\?; expected one of "replicationFactor"/],
    ['unknown key in a Kubernetes pass-through type', { storage: { additionalVolumes: [{ name: 'x', emptyDir: {}, bogus: 1 } as any] } }, /storage.additionalVolumes\[0\].bogus: got "<set>"; unknown key/, { crdChartVersion: 'v1.37.6' }],
    ['PDB percentage typo', { podDisruptionBudget: { maxUnavailable: '50 percent' } }, /podDisruptionBudget.maxUnavailable: got "50 percent"; expected a count/],
    ['toleration without key and Equal', { tolerations: [{ value: 'x' }] }, /tolerations\[0\].operator: got "Equal"; a toleration without a key must use operator "Exists"/],
    ['reserved pod label', { statefulSet: { podLabels: { app: 'mine' } } }, /statefulSet.podLabels.app: got "mine"; is set by the operator/],
  ];

  // A rest parameter: jest would take a fourth named parameter for a done callback.
  test.each(cases)('%s', (...row) => {
    // GIVEN the row's cluster props and operator props
    const [, props, message, operatorProps] = row;
    // WHEN / THEN adding the cluster is refused with the row's message
    expect(configErrorOf(() => cluster(props, operatorProps)).message).toMatch(message);
  });

  test('scheduled snapshot rules', () => {
    // GIVEN a cluster
    const { cluster: c } = cluster();
    // WHEN / THEN a non-cron schedule, a retention in days, a long short id and a retention without a unit are refused
    expect(() => c.addScheduledSnapshot('s', { name: 's', schedule: 'every night', retention: '72h' })).toThrow(/schedule: got "every night"; expected a cron schedule/);
    expect(() => c.addScheduledSnapshot('s', { name: 's', schedule: '@daily', retention: '3d' })).toThrow(/retention: got "3d"; expected hours such as "72h"/);
    expect(() => c.addScheduledSnapshot('s', { name: 's', schedule: '@daily', retention: '72h', scheduleShortId: 'nightly-1' })).toThrow(/scheduleShortId: got "nightly-1"; expected 1 to 8/);
    expect(() => c.addSnapshot('x', { name: 'x', retention: '72' })).toThrow(/retention: got "72"/);
  });

  // The CRD's own pattern anchors only its first and last alternatives: these would pass the API server and never run.
  test.each([
    ['0 25 * * *', /field 2 \("25"\) is out of range/],
    ['nightly at 0 2 * * *', /expected a cron schedule/],
    ['@daily please', /expected a cron schedule/],
    ['60 2 * * *', /field 1 \("60"\) is out of range/],
    ['0 2 * 13 *', /field 4 \("13"\) is out of range/],
    ['*/0 * * * *', /field 1 \("\*\/0"\) is out of range/],
    ['0 2 * * MON', /expected a cron schedule/],
  ])('schedule %p is refused', (schedule, message) => {
    // GIVEN a cluster
    const { cluster: c } = cluster();
    // WHEN / THEN a scheduled snapshot with the row's schedule is refused with the row's message
    expect(() => c.addScheduledSnapshot('s', { name: 's', schedule, retention: '72h' })).toThrow(message);
  });

  test.each(['0 2 * * *', '*/15 * * * *', '0 0-6 * * 1-5', '0 2 1,15 * *', '0 0 2 * * *', '0 0 2 * * * 2027', '@hourly', '@every 1h30m'])(
    'schedule %p is accepted', (schedule) => {
      // GIVEN a cluster
      const { cluster: c } = cluster();
      // WHEN / THEN a scheduled snapshot with the row's schedule is accepted
      expect(() => c.addScheduledSnapshot('s', { name: 's', schedule, retention: '72h' })).not.toThrow();
    });

  test('exposure helpers hold to the same rules', () => {
    // GIVEN a cluster without an API key
    const { cluster: c } = cluster();
    // WHEN / THEN exposing it outside the cluster, opening the P2P port or allowing no namespace is refused
    expect(() => c.exposeWithService('lb', { name: 'lb', type: 'LoadBalancer' })).toThrow(/type: got "LoadBalancer"; .*needs an API key/);
    expect(() => c.exposeWithIngress('i', { name: 'i', host: 'db.example.com' })).toThrow(/needs an API key/);
    expect(() => c.exposeWithService('p2p', { name: 'p2p', type: 'ClusterIP', ports: ['p2p' as any] })).toThrow(/ports\[0\]: got "p2p"; expected one of "http", "grpc"/);
    expect(() => c.allowFromNamespaces('np', { name: 'np', namespaces: [] })).toThrow(/namespaces: got \[\]; expected at least one namespace/);
  });
});

test('Flux delivery refuses an output path outside the repository', () => {
  // GIVEN a Flux delivery whose outputPath leaves the Git repository
  // WHEN / THEN creating the operator is refused, naming the prop
  expect(configErrorOf(() => operatorWith({ delivery: new FluxDelivery({ outputPath: '../elsewhere' }) })).message).toMatch(/\[pc\] delivery.outputPath: got "..\/elsewhere"; expected a path inside the Git repository/);
});
