import { Chart } from 'cdk8s';
import { QdrantClusterProps, SecretSource } from '../src';
import { integerBetween, nonEmpty } from '../src/core/rules';
import { convertShape, leaf, object, required } from '../src/core/shape';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { CLUSTER_ID as ID, clusterProps, privateCloudOperator } from './support/stacks';
import { findObject, objectsOf, testApp } from './support/synth';

const secret = SecretSource.existing('db-secret');
const operator = (crdChartVersion?: string) => privateCloudOperator(testApp(), { crdChartVersion });
const minimal = clusterProps({ size: 3 });

/** Every key of QdrantClusterProps that reaches the spec, set at once. */
const everyField: QdrantClusterProps = {
  ...minimal, namespace: 'qdrant',
  resources: { cpu: '1', memory: '1Gi', storage: '2Gi', requests: { cpu: '500m', memory: '1Gi' } },
  apiKey: secret, readOnlyApiKey: secret, tls: { certificate: secret, ca: secret },
  config: {
    collection: { replicationFactor: 2, writeConsistencyFactor: 1, vectorsOnDisk: true, strictMode: { maxPayloadIndexCount: 10 } },
    logLevel: 'INFO', service: { jwtRbac: true, hideJwtDashboard: true, maxRequestSizeMb: 64 },
    storage: { maxCollections: 10, optimizerCpuBudget: 0, asyncScorer: true },
    audit: { enabled: true, dir: './storage/audit', rotation: 'daily', maxLogFiles: 7, trustForwardedHeaders: false },
  },
  service: { type: 'LoadBalancer', annotations: { 'example.com/lb': 'x' }, loadBalancerSourceRanges: ['10.0.0.0/8'] },
  ingress: { host: 'db.example.com', ingressClassName: 'nginx', annotations: { a: 'b' }, tls: true, tlsSecretName: 'cert', nginx: { allowedSourceRanges: ['10.0.0.0/8'], grpcHost: 'grpc.example.com' }, traefik: { allowedSourceRanges: ['10.0.0.0/8'], entryPoints: ['websecure'] } },
  image: { repository: 'registry.example.com/qdrant', pullPolicy: 'Always', pullSecretName: 'pull' },
  security: { user: 1000, group: 2000, fsGroup: 3000 },
  tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
  nodeSelector: { pool: 'db' }, topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone' }], podDisruptionBudget: { minAvailable: '50%' },
  gpu: { gpuType: 'nvidia', forceHalfPrecision: true, allowIntegrated: true, deviceFilter: ['A100'], devices: ['0'], parallelIndexes: 2, groupsCount: 4 },
  statefulSet: { annotations: { a: 'b' }, podAnnotations: { c: 'd' }, podLabels: { team: 'search' }, extraEnv: [{ name: 'X', value: 'y' }] },
  storageClassNames: { db: 'fast', snapshots: 'slow' },
  storage: { iops: 3000, throughput: 125, volumeSnapshotClassName: 'snap', additionalVolumes: [{ name: 'v', emptyDir: {} }], additionalVolumeClaimTemplates: [], additionalVolumeMounts: [{ name: 'v', mountPath: '/v' }] },
  rebalanceStrategy: 'by_count', readClusters: [ID], writeCluster: ID, multiAz: true, onDemandReplication: 'Auto',
  restartAllPodsConcurrently: false, suspend: false, pauses: [{ owner: 'ops', reason: 'maintenance' }], servicePerNode: true, clusterManager: true, startupDelaySeconds: 5,
};

describe('the QdrantCluster table', () => {
  test('GIVEN every field WHEN synthesized THEN the spec validates strictly against the newest CRD and uses its wire layout', () => {
    const c = operator('v1.37.6').addCluster('db', everyField);
    const objects = objectsOf(Chart.of(c));
    const spec = findObject(objects, 'QdrantCluster', `qdrant-${ID}`).spec;
    expect(schemaErrors(objects)).toEqual([]);
    expect(spec.config.collection.vectors).toEqual({ on_disk: true });
    expect(spec.config.storage.performance).toEqual({ optimizer_cpu_budget: 0, async_scorer: true });
    expect(spec.config.tls).toEqual({
      cert: { secretKeyRef: { name: 'db-secret', key: 'tls.crt' } }, key: { secretKeyRef: { name: 'db-secret', key: 'tls.key' } },
      caCert: { secretKeyRef: { name: 'db-secret', key: 'ca.crt' } },
    });
    expect(spec.config.service.enable_tls).toBe(true);
    expect(spec.ingress.enabled).toBe(true);
    expect(spec.statefulSet).toEqual({ annotations: { a: 'b' }, pods: { annotations: { c: 'd' }, labels: { team: 'search' }, extraEnv: [{ name: 'X', value: 'y' }] } });
    expect(spec.writeCluster).toEqual({ id: ID });
    expect(spec.pauses).toEqual([{ owner: 'ops', reason: 'maintenance' }]);
  });

  test('GIVEN sizes and divisors written as in YAML WHEN synthesized THEN they reach the spec as given, never null', () => {
    // GIVEN plain values where the L1 types want their Quantity classes
    const c = operator('v1.37.6').addCluster('db', {
      ...minimal,
      statefulSet: { extraEnv: [{ name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }] },
      storage: {
        additionalVolumes: [{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }],
        additionalVolumeClaimTemplates: [{ metadata: { name: 'wal' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' }, limits: { storage: 200 } } } }],
      },
    });
    // WHEN synthesized
    const objects = objectsOf(Chart.of(c));
    const spec = findObject(objects, 'QdrantCluster', `qdrant-${ID}`).spec;
    // THEN each value is written as given, and the object validates
    expect(spec.storage.additionalVolumeClaimTemplates[0].spec.resources).toEqual({ requests: { storage: '100Gi' }, limits: { storage: 200 } });
    expect(spec.storage.additionalVolumes[0].emptyDir).toEqual({ sizeLimit: '1Gi' });
    expect(spec.statefulSet.pods.extraEnv[0].valueFrom.resourceFieldRef.divisor).toBe('1Mi');
    expect(JSON.stringify(spec)).not.toContain('null');
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('GIVEN a plain value under an unknown key of a Kubernetes type THEN it is refused, not wrapped', () => {
    const error = configErrorOf(() => operator('v1.37.6').addCluster('db', { ...minimal, storage: { additionalVolumes: [{ name: 'v', emptyDir: { sizeLimt: '1Gi' } } as any] } }));
    expect(error.prop).toBe('storage.additionalVolumes[0].emptyDir.sizeLimt');
  });

  test('GIVEN a field newer than the installed CRD THEN its table entry refuses it', () => {
    expect(configErrorOf(() => operator().addCluster('db', { ...minimal, multiAz: true })).message)
      .toMatch(/\[pc\/db\] multiAz: got true; needs qdrant-kubernetes-api v1.34.0 or later; QdrantOperator "pc" installs v1.23.0/);
  });

  test('GIVEN each secret entry from a source that makes its Secret WHEN synthesized THEN each gets the Secret its recipe describes', () => {
    // GIVEN the four secret entries, each from a plaintext source with the keys its Secret holds
    const source = (values: Record<string, string>) => SecretSource.plaintextCommittedToGit(values);
    const c = operator('v1.37.6').addCluster('db', {
      ...minimal, apiKey: source({ 'api-key': 'k' }), readOnlyApiKey: source({ 'read-only-api-key': 'r' }),
      tls: { certificate: source({ 'tls.crt': 'cert', 'tls.key': 'key' }), ca: source({ 'ca.crt': 'ca' }) },
    });
    // WHEN synthesized
    const objects = objectsOf(Chart.of(c));
    const secrets = objects.filter((o) => o.kind === 'Secret').map((o) => [o.metadata.name, o.type, Object.keys(o.stringData ?? o.data).sort()]);
    const spec = findObject(objects, 'QdrantCluster', `qdrant-${ID}`).spec;
    // THEN each entry has its own Secret, named after the cluster, of its type and with its keys
    const name = `qdrant-${ID}`;
    expect(secrets.sort()).toEqual([
      [`${name}-api-key`, 'Opaque', ['api-key']],
      [`${name}-ca`, 'Opaque', ['ca.crt']],
      [`${name}-read-only-api-key`, 'Opaque', ['read-only-api-key']],
      [`${name}-tls`, 'kubernetes.io/tls', ['tls.crt', 'tls.key']],
    ]);
    // AND the spec refers to each key where the CRD reads it, the certificate turning TLS on
    const ref = (secret: string, key: string) => ({ secretKeyRef: { name: `${name}-${secret}`, key } });
    expect(spec.config.service).toMatchObject({ api_key: ref('api-key', 'api-key'), read_only_api_key: ref('read-only-api-key', 'read-only-api-key'), enable_tls: true });
    expect(spec.config.tls).toEqual({ cert: ref('tls', 'tls.crt'), key: ref('tls', 'tls.key'), caCert: ref('ca', 'ca.crt') });
    // AND the cluster tells its scrapers where its API key and CA are
    expect([c._apiKeyRef, c._tlsCaRef]).toEqual([{ secretName: `${name}-api-key`, key: 'api-key' }, { secretName: `${name}-ca`, key: 'ca.crt' }]);
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('GIVEN a secret entry with a wrong value THEN the error does not show the value', () => {
    const error = configErrorOf(() => operator().addCluster('db', { ...minimal, apiKey: 'hunter2' as any }));
    expect(error.message).toMatch(/apiKey: got "<redacted>"; expected a SecretSource/);
    expect(error.message).not.toContain('hunter2');
  });

  test('GIVEN TLS without its certificate THEN the required secret entry says so', () => {
    expect(configErrorOf(() => operator().addCluster('db', { ...minimal, tls: { ca: secret } as any })).message)
      .toMatch(/tls.certificate: got nothing; expected a SecretSource/);
  });

  test('GIVEN an unknown key THEN the error shows its structure, not its values', () => {
    const error = configErrorOf(() => operator().addCluster('db', { ...minimal, config: { servce: { api_key: 'hunter2' } } } as any));
    expect(error.message).toMatch(/config.servce: got \{"api_key":"<redacted>"\}; unknown key; did you mean "service"\?; expected one of "collection"/);
  });
});

describe('the table mechanism', () => {
  interface Example { readonly name: string; readonly replicas?: number }

  test('GIVEN a table WHEN a required key is missing THEN the key\'s rule refuses it', () => {
    const table = object<Example>({ name: required(leaf(nonEmpty, { wire: 'metadata.name' })), replicas: leaf(integerBetween(1, 3)) });
    const scope = new Chart(testApp(), 't');
    expect(convertShape(scope, 'p', table, { name: 'a', replicas: 2 })).toEqual({ metadata: { name: 'a' }, replicas: 2 });
    expect(configErrorOf(() => convertShape(scope, 'p', table, { replicas: 2 } as Example)).message).toMatch(/p.name: got nothing; expected a non-empty string/);
  });

  // The assertions are the @ts-expect-error lines: `npm test` runs tsc, which fails if any of them compiles.
  test('the compiler holds a table to its interface', () => {
    // @ts-expect-error a key of the interface without an entry
    object<Example>({ name: required(leaf(nonEmpty)) });
    // @ts-expect-error an entry for a key the interface lacks
    object<Example>({ name: required(leaf(nonEmpty)), replicas: leaf(integerBetween(1, 3)), extra: leaf(nonEmpty) });
    // @ts-expect-error a required key whose entry is not marked required
    object<Example>({ name: leaf(nonEmpty), replicas: leaf(integerBetween(1, 3)) });
  });
});
