import {
  QdrantClusterSpecPodDisruptionBudgetMaxUnavailable, QdrantClusterSpecPodDisruptionBudgetMinAvailable,
  toJson_QdrantClusterSpecStatefulSetPodsExtraEnv, toJson_QdrantClusterSpecStorageAdditionalVolumeClaimTemplates,
  toJson_QdrantClusterSpecStorageAdditionalVolumeMounts, toJson_QdrantClusterSpecStorageAdditionalVolumes,
} from '../../imports/qdrant.io';
import { checkPodDisruptionBudget, PodDisruptionBudget } from '../core/disruption';
import {
  cidr, dns1123Label, dns1123Subdomain, integerBetween, labelValue, maxItems, nonEmpty, oneOf, qdrantVersion, qualifiedName, quantity, Rule, uuid,
} from '../core/rules';
import { checkNodeSelector, checkTolerations, checkTopologySpread, Toleration, topologySpreadToKube } from '../core/scheduling';
import { refuseSecretEnvLiterals } from '../core/plaintext';
import { anyValue, bool, convertShape, custom, Fields, leaf, list, object, required, Shape, stringMap } from '../core/shape';
import { databaseLogLevel, imagePullPolicy } from '../core/vocabulary';
import { SecretSource } from '../secrets/secret-source';
import { QdrantClusterProps } from './cluster-props';
import { passThrough } from './passthrough';

/**
 * QdrantClusterProps, described once. Each entry gives the rule of its key, its wire
 * name in the L1 spec (`imports/qdrant.io.ts`, whose serialiser writes the CRD's
 * names), the first CRD version that has it (qdrant-facts.md §7.1, "Since"), the first
 * Qdrant version that accepts it (§8 rule 9) and, for a secret, the recipe of the Secret
 * it is bound into (name suffix, keys, purpose, wire form). The check, the refusal of
 * unknown keys, the version gates, the Secrets and the mapping to the spec all come from
 * here; cross-field rules are in cluster-rules.ts.
 */
type Area<K extends keyof QdrantClusterProps> = Pick<Fields<QdrantClusterProps>, K>;

/** Load balancer source ranges the Cloud API allows per cluster (§8 rule 12). */
const MAX_SOURCE_RANGES = 40;

const secretSource: Rule<SecretSource> = (v) => (v instanceof SecretSource ? undefined : 'expected a SecretSource');
const customerId: Rule<string> = (v) => (v && labelValue(v) === undefined ? undefined : 'expected a non-empty label value (the customer-id label)');
const id = custom((_s, _p, v: string) => ({ id: v }), { check: uuid });
const oneToTen: Rule<readonly unknown[]> = (v) => (v.length >= 1 && v.length <= 10 ? undefined : 'expected 1 to 10 entries');
const uid = integerBetween(0, 2 ** 31 - 1);
const intOrString = <T>(v: number | string | undefined, cls: { fromNumber(n: number): T; fromString(s: string): T }) =>
  v === undefined ? undefined : typeof v === 'number' ? cls.fromNumber(v) : cls.fromString(v);

const TOLERATION: Shape<Toleration> = object<Toleration>({
  key: leaf(anyValue), operator: leaf(anyValue), value: leaf(anyValue), effect: leaf(anyValue), tolerationSeconds: leaf(anyValue),
});

/** Identity and size: the object's name, labels, version and per-node resources. */
const IDENTITY: Area<'id' | 'customerId' | 'version' | 'size' | 'namespace' | 'resources' | 'existingOperator' | 'registryCredentials'> = {
  id: required(leaf(uuid)),
  customerId: required(leaf(customerId, { wire: null })),
  version: required(leaf(qdrantVersion)),
  size: required(leaf(integerBetween(1, 100))),
  namespace: leaf(dns1123Label, { wire: null }),
  resources: required(object({
    cpu: required(leaf(quantity)),
    memory: required(leaf(quantity)),
    storage: required(leaf(quantity)),
    requests: object({ cpu: leaf(quantity), memory: leaf(quantity) }),
  }, { what: 'cpu, memory and storage per node' })),
  existingOperator: leaf(anyValue, { wire: null }),
  registryCredentials: leaf(secretSource, { wire: null }),
};

/** The database's own configuration (the CRD's `config`). */
const DATABASE_CONFIG: Area<'config'> = {
  config: object({
    collection: object({
      replicationFactor: leaf(integerBetween(1, 100)),
      writeConsistencyFactor: leaf(integerBetween(1, 100)),
      vectorsOnDisk: leaf(bool, { wire: 'vectors.onDisk' }),
      strictMode: object({
        maxPayloadIndexCount: leaf(integerBetween(1, 1_000_000), { qdrantSince: 'v1.16.0' }),
      }, { crdSince: 'v1.19.0' }),
    }),
    logLevel: leaf(databaseLogLevel),
    service: object({
      jwtRbac: leaf(bool),
      hideJwtDashboard: leaf(bool, { crdSince: 'v1.5.0' }),
      maxRequestSizeMb: leaf(integerBetween(1, 1_000_000), { crdSince: 'v1.17.2' }),
    }),
    storage: object({
      maxCollections: leaf(integerBetween(1, 1_000_000), { crdSince: 'v1.17.0', qdrantSince: 'v1.14.1' }),
      optimizerCpuBudget: leaf(integerBetween(-1024, 1024), { wire: 'performance.optimizerCpuBudget', crdSince: 'v1.16.1' }),
      asyncScorer: leaf(bool, { wire: 'performance.asyncScorer', crdSince: 'v1.16.1' }),
    }),
    audit: object({
      enabled: leaf(bool),
      dir: leaf(nonEmpty),
      rotation: leaf(oneOf(['daily', 'hourly'])),
      maxLogFiles: leaf(integerBetween(1, 100_000)),
      trustForwardedHeaders: leaf(bool),
    }, { crdSince: 'v1.25.0' }),
  }),
};

/** Exposure and security: API keys, TLS, the operator's Service and Ingress. The cluster binds each secret by its entry's recipe. */
const EXPOSURE: Area<'apiKey' | 'readOnlyApiKey' | 'tls' | 'service' | 'ingress'> = {
  apiKey: leaf(secretSource, { secret: { nameSuffix: 'api-key', keys: { opaque: 'api-key' }, purpose: 'API key' }, wire: 'config.service.apiKey' }),
  readOnlyApiKey: leaf(secretSource, {
    secret: { nameSuffix: 'read-only-api-key', keys: { opaque: 'read-only-api-key' }, purpose: 'read-only API key' }, wire: 'config.service.readOnlyApiKey',
  }),
  tls: object({
    // Certificate and key, plus the switch that turns TLS on.
    certificate: required(leaf(secretSource, {
      secret: {
        nameSuffix: 'tls', keys: 'tls', purpose: 'TLS certificate',
        wire: (keyRef) => ({ tls: { cert: keyRef('tls.crt'), key: keyRef('tls.key') }, service: { enableTls: true } }),
      },
      spread: true,
    })),
    ca: leaf(secretSource, { secret: { nameSuffix: 'ca', keys: { opaque: 'ca.crt' }, purpose: 'TLS CA' }, wire: 'tls.caCert', crdSince: 'v1.11.0' }),
  }, { wire: 'config' }),
  service: object({
    type: leaf(oneOf(['ClusterIP', 'NodePort', 'LoadBalancer'])),
    annotations: stringMap(qualifiedName, { check: maxItems(64) }),
    loadBalancerSourceRanges: list(leaf(cidr), { check: maxItems(MAX_SOURCE_RANGES), crdSince: 'v1.37.0' }),
  }),
  ingress: object({
    host: required(leaf(dns1123Subdomain)),
    ingressClassName: leaf(dns1123Subdomain),
    annotations: stringMap(qualifiedName),
    tls: leaf(bool),
    tlsSecretName: leaf(dns1123Subdomain),
    nginx: object({ allowedSourceRanges: list(leaf(cidr)), grpcHost: leaf(dns1123Subdomain) }),
    traefik: object({ allowedSourceRanges: list(leaf(cidr)), entryPoints: list(leaf(nonEmpty), { crdSince: 'v1.16.3' }) }),
  }, { constant: { enabled: true } }),
};

/** Scheduling and pods: where database pods run, their image, ids, metadata and GPU. */
const SCHEDULING: Area<'image' | 'security' | 'tolerations' | 'nodeSelector' | 'topologySpreadConstraints' | 'podDisruptionBudget' | 'gpu' | 'statefulSet'> = {
  image: object({
    repository: leaf(nonEmpty),
    pullPolicy: leaf(imagePullPolicy),
    pullSecretName: leaf(dns1123Subdomain),
  }),
  security: object({ user: leaf(uid), group: leaf(uid), fsGroup: leaf(uid) }),
  tolerations: custom((scope, prop, v: readonly Toleration[], context) => {
    checkTolerations(scope, prop, v);
    return v.map((t, i) => convertShape(scope, `${prop}[${i}]`, TOLERATION, t, context));
  }),
  nodeSelector: custom((scope, prop, v: Record<string, string>) => {
    checkNodeSelector(scope, prop, v);
    return { ...v };
  }),
  topologySpreadConstraints: custom((scope, prop, v) => {
    checkTopologySpread(scope, prop, v);
    return v.map(topologySpreadToKube);
  }),
  podDisruptionBudget: custom((scope, prop, v: PodDisruptionBudget) => {
    checkPodDisruptionBudget(scope, prop, v);
    return {
      maxUnavailable: intOrString(v.maxUnavailable, QdrantClusterSpecPodDisruptionBudgetMaxUnavailable),
      minAvailable: intOrString(v.minAvailable, QdrantClusterSpecPodDisruptionBudgetMinAvailable),
    };
  }),
  gpu: object({
    gpuType: required(leaf(oneOf(['nvidia', 'amd']))),
    forceHalfPrecision: leaf(bool, { crdSince: 'v1.14.3' }),
    allowIntegrated: leaf(bool, { crdSince: 'v1.14.3' }),
    deviceFilter: list(leaf(nonEmpty), { check: oneToTen, crdSince: 'v1.14.3' }),
    devices: list(leaf(nonEmpty), { check: oneToTen, crdSince: 'v1.14.3' }),
    parallelIndexes: leaf(integerBetween(1, 1024), { crdSince: 'v1.14.3' }),
    groupsCount: leaf(integerBetween(1, 1_000_000), { crdSince: 'v1.14.3' }),
  }, { crdSince: 'v1.14.0', qdrantSince: 'v1.13.0', constant: { forceHalfPrecision: false, allowIntegrated: false } }),
  statefulSet: object({
    annotations: stringMap(qualifiedName),
    podAnnotations: stringMap(qualifiedName, { wire: 'pods.annotations' }),
    podLabels: stringMap(qualifiedName, { values: labelValue, wire: 'pods.labels' }),
    extraEnv: passThrough(toJson_QdrantClusterSpecStatefulSetPodsExtraEnv, { wire: 'pods.extraEnv' }, refuseSecretEnvLiterals),
  }),
};

/** Storage: StorageClasses, volume tuning and extra volumes. */
const STORAGE: Area<'storageClassNames' | 'storage'> = {
  storageClassNames: object({ db: leaf(dns1123Subdomain), snapshots: leaf(dns1123Subdomain) }),
  storage: object({
    volumeAttributesClassName: leaf(dns1123Subdomain, { crdSince: 'v1.21.0' }),
    iops: leaf(integerBetween(1, 10_000_000), { crdSince: 'v1.21.0' }),
    throughput: leaf(integerBetween(1, 1_000_000), { crdSince: 'v1.21.0' }),
    volumeSnapshotClassName: leaf(dns1123Subdomain, { crdSince: 'v1.33.0' }),
    additionalVolumes: passThrough(toJson_QdrantClusterSpecStorageAdditionalVolumes, { crdSince: 'v1.28.0' }),
    additionalVolumeClaimTemplates: passThrough(toJson_QdrantClusterSpecStorageAdditionalVolumeClaimTemplates, { crdSince: 'v1.28.0' }),
    additionalVolumeMounts: passThrough(toJson_QdrantClusterSpecStorageAdditionalVolumeMounts, { crdSince: 'v1.28.0' }),
  }),
};

/** Topology and lifecycle: cluster-manager features, zones, restarts, pauses. */
const TOPOLOGY: Area<'rebalanceStrategy' | 'readClusters' | 'writeCluster' | 'multiAz' | 'onDemandReplication'
| 'restartAllPodsConcurrently' | 'suspend' | 'pauses' | 'servicePerNode' | 'clusterManager' | 'startupDelaySeconds'> = {
  rebalanceStrategy: leaf(oneOf(['by_count', 'by_size', 'by_count_and_size', 'disabled']), { crdSince: 'v1.16.0' }),
  readClusters: list(id, { crdSince: 'v1.19.2' }),
  writeCluster: custom((_s, _p, v: string) => ({ id: v }), { check: uuid, crdSince: 'v1.19.2' }),
  multiAz: leaf(bool, { crdSince: 'v1.34.0' }),
  onDemandReplication: leaf(oneOf(['Off', 'Auto', 'On']), { crdSince: 'v1.36.0' }),
  restartAllPodsConcurrently: leaf(bool, { crdSince: 'v1.6.0' }),
  suspend: leaf(bool),
  pauses: list(object({ owner: required(leaf(nonEmpty)), reason: required(leaf(nonEmpty)), creationTimestamp: leaf(nonEmpty) })),
  servicePerNode: leaf(bool),
  clusterManager: leaf(bool),
  startupDelaySeconds: leaf(integerBetween(0, 86_400), { crdSince: 'v1.8.0' }),
};

/** The whole table, in the order its entries are checked. */
export const CLUSTER_SPEC: Shape<QdrantClusterProps> = object<QdrantClusterProps>({
  ...IDENTITY, ...DATABASE_CONFIG, ...EXPOSURE, ...SCHEDULING, ...STORAGE, ...TOPOLOGY,
}, { what: 'QdrantClusterProps' });
