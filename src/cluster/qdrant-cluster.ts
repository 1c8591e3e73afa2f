import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  QdrantCluster as QdrantClusterL1, QdrantClusterSpec, QdrantClusterSpecConfigAuditRotation, QdrantClusterSpecGpuGpuType,
  QdrantClusterSpecOnDemandReplication, QdrantClusterSpecPodDisruptionBudgetMaxUnavailable, QdrantClusterSpecPodDisruptionBudgetMinAvailable,
  QdrantClusterSpecRebalanceStrategy, toJson_QdrantClusterSpecStatefulSetPodsExtraEnv, toJson_QdrantClusterSpecStorageAdditionalVolumeClaimTemplates,
  toJson_QdrantClusterSpecStorageAdditionalVolumeMounts, toJson_QdrantClusterSpecStorageAdditionalVolumes,
} from '../../imports/qdrant.io';
import { fail } from '../core/errors';
import { checkResources } from '../core/resources';
import {
  cidr, dns1123Label, dns1123Subdomain, integerBetween, labelValue, maxItems, oneOf, qdrantVersion, qualifiedName, quantity, uuid,
} from '../core/rules';
import { checkNodeSelector, checkTolerations, checkTopologySpread, topologySpreadToKube } from '../core/scheduling';
import { check, checkEach, checkList, checkObject, checkOptional, checkStringMap } from '../core/validate';
import { DeliveryStage } from '../delivery/delivery';
import { checkPodDisruptionBudget } from '../operator/operator-settings';
import { bindPullSecret } from '../mirror/registry-target';
import { opaqueSecretRequest, SecretRequest } from '../secrets/secret-request';
import { SecretSource } from '../secrets/secret-source';
import {
  addRestore, addScheduledSnapshot, addSnapshot, ClusterRestoreOptions, ClusterScheduledSnapshotOptions, ClusterSnapshotOptions,
} from './backups';
import { ClusterHost, hostWatches } from './cluster-host';
import { QdrantClusterProps } from './cluster-props';
import {
  checkClusterManagerFeatures, checkExposureHasApiKey, checkFieldsExistInCrd, checkStorageTuning, checkVersionGatedSettings,
} from './cluster-rules';
import {
  allowFromNamespaces, AllowFromNamespacesOptions, exposeWithIngress, exposeWithService, ExtraIngressOptions, ExtraServiceOptions,
} from './exposure';
import { checkNoDroppedKeys } from './passthrough';
import { CLUSTER_PROPS_KEYS, TOLERATION_KEYS } from './cluster-keys';
import { checkKnownKeys } from '../core/known-keys';

/** Load balancer source ranges the Cloud API allows per cluster. */
const MAX_SOURCE_RANGES = 40;

/**
 * One Qdrant cluster (`qdrant.io/v1` QdrantCluster named `qdrant-<id>`), with its API
 * key and TLS secrets, backups, restores and exposure. Create it with
 * `QdrantOperator.addCluster`, `HybridRegion.addCluster`, or directly with
 * `existingOperator` for an operator installed out of band.
 */
export class QdrantCluster extends Construct {
  /** Cluster id. */
  public readonly clusterId: string;
  /** Kubernetes name, `qdrant-<id>`. */
  public readonly name: string;
  /** Namespace. */
  public readonly namespace: string;
  /** Labels every object of this cluster carries (`cluster-id`, `customer-id`). */
  public readonly labels: Readonly<Record<string, string>>;
  /** The operator-made Service, `qdrant-<id>`. */
  public readonly serviceName: string;
  /** Whether the cluster has an API key. */
  public readonly hasApiKey: boolean;
  /** Who runs the cluster. */
  public readonly host: ClusterHost;

  constructor(scope: Construct, id: string, props: QdrantClusterProps, host?: ClusterHost) {
    super(scope, id);
    const resolvedHost = host ?? hostFromProps(this, props);
    this.host = resolvedHost;
    checkProps(this, props, resolvedHost);
    const namespace = props.namespace ?? resolvedHost.defaultNamespace!;
    this.clusterId = props.id;
    this.name = `qdrant-${props.id}`;
    this.namespace = namespace;
    this.serviceName = this.name;
    this.labels = { 'cluster-id': props.id, 'customer-id': props.customerId };
    this.hasApiKey = props.apiKey !== undefined;

    const ref = (source: SecretSource | undefined, prop: string, request: SecretRequest, key: string) => {
      if (!source) return undefined;
      const bound = source._bind(this, prop, prop, request);
      bound.objects.forEach((o) => this.stage(o, DeliveryStage.PREREQUISITES));
      return { secretKeyRef: { name: bound.name, key } };
    };
    const secret = (suffix: string, key: string, purpose: string): SecretRequest => opaqueSecretRequest({
      name: `${this.name}-${suffix}`, namespace, purpose: `${purpose} of cluster ${props.id}`, keys: [key], fixedName: false,
    });
    const apiKey = ref(props.apiKey, 'apiKey', secret('api-key', 'api-key', 'API key'), 'api-key');
    const readOnlyApiKey = ref(props.readOnlyApiKey, 'readOnlyApiKey', secret('read-only-api-key', 'read-only-api-key', 'read-only API key'), 'read-only-api-key');
    const tlsRequest: SecretRequest = {
      name: `${this.name}-tls`, namespace, type: 'kubernetes.io/tls', purpose: `TLS certificate of cluster ${props.id}`, fixedName: false,
      inputs: [{ key: 'tls.crt' }, { key: 'tls.key' }],
      render: (s) => ({ 'tls.crt': s.value('tls.crt'), 'tls.key': s.value('tls.key') }),
    };
    const tlsCert = ref(props.tls?.certificate, 'tls.certificate', tlsRequest, 'tls.crt');
    const tlsKey = tlsCert ? { secretKeyRef: { name: tlsCert.secretKeyRef.name, key: 'tls.key' } } : undefined;
    const tlsCa = ref(props.tls?.ca, 'tls.ca', secret('ca', 'ca.crt', 'TLS CA'), 'ca.crt');
    this.addPullSecret(props, resolvedHost, namespace);

    const image = this.mirroredImage(props, resolvedHost);
    const cr = new QdrantClusterL1(this, 'Resource', {
      metadata: { name: this.name, namespace, labels: { ...this.labels } },
      spec: toSpec({ ...props, image }, { apiKey, readOnlyApiKey, tlsCert, tlsKey, tlsCa }),
    });
    this.stage(cr, DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** A one-off snapshot (`QdrantClusterSnapshot`) with the cluster's labels. */
  public addSnapshot(id: string, options: ClusterSnapshotOptions): void {
    this.stage(addSnapshot(this, id, options), DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** A snapshot schedule (`QdrantClusterScheduledSnapshot`) with the cluster's labels. */
  public addScheduledSnapshot(id: string, options: ClusterScheduledSnapshotOptions): void {
    this.stage(addScheduledSnapshot(this, id, options), DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** A restore (`QdrantClusterRestore`) of a snapshot into this cluster (or a new one). */
  public addRestore(id: string, options: ClusterRestoreOptions): void {
    this.stage(addRestore(this, id, options), DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** An extra Service for ports 6333/6334 only, e.g. an internal load balancer. */
  public exposeWithService(id: string, options: ExtraServiceOptions): void {
    this.stage(exposeWithService(this, id, options), DeliveryStage.CUSTOM_RESOURCES);
  }

  /** An extra Ingress to the REST port 6333. Needs an API key. */
  public exposeWithIngress(id: string, options: ExtraIngressOptions): void {
    this.stage(exposeWithIngress(this, id, options), DeliveryStage.CUSTOM_RESOURCES);
  }

  /** A NetworkPolicy letting the named namespaces reach ports 6333/6334. */
  public allowFromNamespaces(id: string, options: AllowFromNamespacesOptions): void {
    this.stage(allowFromNamespaces(this, id, options), DeliveryStage.CUSTOM_RESOURCES);
  }

  private stage(obj: import('cdk8s').ApiObject, stage: DeliveryStage, customResource = false): void {
    this.host.delivery._stage(obj, stage, customResource ? { crdInSameSync: true, preventPrune: true } : {});
  }

  /**
   * With a mirror, a cluster's own image repository moves to the mirror, and its
   * version is recorded for mirror.yaml.
   */
  private mirroredImage(props: QdrantClusterProps, host: ClusterHost): QdrantClusterProps['image'] {
    const mirror = host.mirror;
    if (!mirror) return props.image;
    const repository = props.image?.repository ? mirror._rewriteRepository(this, 'image.repository', props.image.repository) : undefined;
    const name = repository ? repository.slice(mirror.containerRegistry.length + 1) : host.databaseImageName ?? 'qdrant';
    host.manifest?.addImage(name, props.version, 'Qdrant version of a declared cluster');
    return repository ? { ...props.image, repository } : props.image;
  }

  /** The database image is pulled with the operator's pull secret, which must exist in the cluster's namespace. */
  private addPullSecret(props: QdrantClusterProps, host: ClusterHost, namespace: string): void {
    const registry = host.registry;
    if (!registry || registry.namespace === namespace) return;
    const chart = Chart.of(this);
    const marker = `pull-secret-${namespace}`;
    if (chart.node.tryFindChild(marker)) return;
    const source = props.registryCredentials ?? registry.source;
    if (source.origin === 'sealed-secret' && !props.registryCredentials) {
      fail(this, 'registryCredentials', undefined,
        `the operator's registry credentials are sealed for its own namespace; the database image needs Secret ${namespace}/${registry.secretName}: give a SecretSource sealed for it`);
    }
    bindPullSecret(new Construct(chart, marker), 'secret', props.registryCredentials ? 'registryCredentials' : `${host.description} registryCredentials`, source, {
      name: registry.secretName, namespace, server: registry.server, defaultUsername: registry.defaultUsername, fixedName: true,
    }, host.delivery);
  }
}

function hostFromProps(scope: Construct, props: QdrantClusterProps): ClusterHost {
  const existing = props.existingOperator;
  if (!existing) {
    fail(scope, 'existingOperator', undefined,
      'a QdrantCluster needs an operator: create it with QdrantOperator.addCluster or HybridRegion.addCluster, or declare existingOperator');
  }
  if (existing.watchedNamespaces !== 'all') checkEach(scope, 'existingOperator.watchedNamespaces', existing.watchedNamespaces, dns1123Label);
  return { description: 'the existing operator', delivery: existing.delivery, watchedNamespaces: existing.watchedNamespaces };
}

/** Every rule of qdrant-facts.md §8 that applies to one cluster. */
function checkProps(scope: Construct, p: QdrantClusterProps, host: ClusterHost): void {
  checkObject(scope, 'props', p, 'QdrantClusterProps');
  checkKnownKeys(scope, '', p, CLUSTER_PROPS_KEYS);
  checkTolerations(scope, 'tolerations', p.tolerations);
  (p.tolerations ?? []).forEach((t, i) => checkKnownKeys(scope, `tolerations[${i}]`, t, TOLERATION_KEYS));
  check(scope, 'id', p.id, uuid);
  check(scope, 'customerId', p.customerId, (v) => (v && labelValue(v) === undefined ? undefined : 'expected a non-empty label value (the customer-id label)'));
  check(scope, 'version', p.version, qdrantVersion);
  check(scope, 'size', p.size, integerBetween(1, 100));
  checkObject(scope, 'resources', p.resources, 'cpu, memory and storage per node');
  check(scope, 'resources.cpu', p.resources.cpu, quantity);
  check(scope, 'resources.memory', p.resources.memory, quantity);
  check(scope, 'resources.storage', p.resources.storage, quantity);
  checkResources(scope, 'resources', { limits: { cpu: p.resources.cpu, memory: p.resources.memory }, requests: p.resources.requests });

  const namespace = p.namespace ?? host.defaultNamespace;
  if (namespace === undefined) fail(scope, 'namespace', undefined, 'expected the namespace of the cluster');
  check(scope, 'namespace', namespace, dns1123Label);
  if (!hostWatches(host, namespace)) {
    fail(scope, 'namespace', namespace, `no operator watches it: ${host.description} watches ${(host.watchedNamespaces as string[]).map((n) => `"${n}"`).join(', ')}`);
  }

  checkNodeSelector(scope, 'nodeSelector', p.nodeSelector);
  checkTopologySpread(scope, 'topologySpreadConstraints', p.topologySpreadConstraints);
  if (p.podDisruptionBudget) checkPodDisruptionBudget(scope, 'podDisruptionBudget', p.podDisruptionBudget);
  checkOptional(scope, 'image.pullPolicy', p.image?.pullPolicy, oneOf(['Always', 'IfNotPresent', 'Never']));
  checkOptional(scope, 'image.pullSecretName', p.image?.pullSecretName, dns1123Subdomain);
  for (const k of ['user', 'group', 'fsGroup'] as const) checkOptional(scope, `security.${k}`, p.security?.[k], integerBetween(0, 2 ** 31 - 1));

  const c = p.config;
  checkOptional(scope, 'config.collection.replicationFactor', c?.collection?.replicationFactor, integerBetween(1, 100));
  checkOptional(scope, 'config.collection.writeConsistencyFactor', c?.collection?.writeConsistencyFactor, integerBetween(1, 100));
  if (c?.collection?.replicationFactor !== undefined && c.collection.replicationFactor > p.size) {
    fail(scope, 'config.collection.replicationFactor', c.collection.replicationFactor, `at most size (${p.size}): each replica needs its own node`);
  }
  checkOptional(scope, 'config.collection.strictMode.maxPayloadIndexCount', c?.collection?.strictMode?.maxPayloadIndexCount, integerBetween(1, 1_000_000));
  checkOptional(scope, 'config.logLevel', c?.logLevel, oneOf(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']));
  checkOptional(scope, 'config.service.maxRequestSizeMb', c?.service?.maxRequestSizeMb, integerBetween(1, 1_000_000));
  checkOptional(scope, 'config.storage.maxCollections', c?.storage?.maxCollections, integerBetween(1, 1_000_000));
  checkOptional(scope, 'config.storage.optimizerCpuBudget', c?.storage?.optimizerCpuBudget, integerBetween(-1024, 1024));
  checkOptional(scope, 'config.audit.rotation', c?.audit?.rotation, oneOf(['daily', 'hourly']));
  checkOptional(scope, 'config.audit.maxLogFiles', c?.audit?.maxLogFiles, integerBetween(1, 100_000));
  checkVersionGatedSettings(scope, p);

  const type = p.service?.type ?? 'ClusterIP';
  check(scope, 'service.type', type, oneOf(['ClusterIP', 'NodePort', 'LoadBalancer']));
  if (type !== 'ClusterIP') checkExposureHasApiKey(scope, 'service.type', type, p.apiKey !== undefined);
  if (p.ingress) checkExposureHasApiKey(scope, 'ingress', `host ${p.ingress.host}`, p.apiKey !== undefined);
  checkStringMap(scope, 'service.annotations', p.service?.annotations, qualifiedName);
  if (p.service?.annotations) check(scope, 'service.annotations', p.service.annotations, maxItems(64));
  if (p.service?.loadBalancerSourceRanges) {
    if (type !== 'LoadBalancer') fail(scope, 'service.loadBalancerSourceRanges', p.service.loadBalancerSourceRanges, 'applies only to service.type "LoadBalancer"');
    check(scope, 'service.loadBalancerSourceRanges', p.service.loadBalancerSourceRanges, maxItems(MAX_SOURCE_RANGES));
    checkEach(scope, 'service.loadBalancerSourceRanges', p.service.loadBalancerSourceRanges, cidr);
  }
  if (p.ingress) {
    check(scope, 'ingress.host', p.ingress.host, dns1123Subdomain);
    checkOptional(scope, 'ingress.ingressClassName', p.ingress.ingressClassName, dns1123Subdomain);
    checkOptional(scope, 'ingress.tlsSecretName', p.ingress.tlsSecretName, dns1123Subdomain);
    checkEach(scope, 'ingress.nginx.allowedSourceRanges', p.ingress.nginx?.allowedSourceRanges, cidr);
    checkEach(scope, 'ingress.traefik.allowedSourceRanges', p.ingress.traefik?.allowedSourceRanges, cidr);
    checkStringMap(scope, 'ingress.annotations', p.ingress.annotations, qualifiedName);
  }
  if (p.gpu) {
    check(scope, 'gpu.gpuType', p.gpu.gpuType, oneOf(['nvidia', 'amd']));
    checkOptional(scope, 'gpu.parallelIndexes', p.gpu.parallelIndexes, integerBetween(1, 1024));
    checkOptional(scope, 'gpu.groupsCount', p.gpu.groupsCount, integerBetween(1, 1_000_000));
    for (const k of ['deviceFilter', 'devices'] as const) {
      if (p.gpu[k] && (p.gpu[k]!.length < 1 || p.gpu[k]!.length > 10)) fail(scope, `gpu.${k}`, p.gpu[k], 'expected 1 to 10 entries');
    }
  }
  checkStringMap(scope, 'statefulSet.annotations', p.statefulSet?.annotations, qualifiedName);
  checkStringMap(scope, 'statefulSet.podAnnotations', p.statefulSet?.podAnnotations, qualifiedName);
  checkStringMap(scope, 'statefulSet.podLabels', p.statefulSet?.podLabels, qualifiedName, labelValue);
  for (const reserved of ['app', 'cluster-id', 'customer-id']) {
    if (p.statefulSet?.podLabels?.[reserved] !== undefined) fail(scope, `statefulSet.podLabels.${reserved}`, p.statefulSet.podLabels[reserved], 'is set by the operator and selects the cluster\'s pods; choose another label');
  }
  checkOptional(scope, 'storageClassNames.db', p.storageClassNames?.db, dns1123Subdomain);
  checkOptional(scope, 'storageClassNames.snapshots', p.storageClassNames?.snapshots, dns1123Subdomain);
  checkOptional(scope, 'storage.volumeAttributesClassName', p.storage?.volumeAttributesClassName, dns1123Subdomain);
  checkOptional(scope, 'storage.volumeSnapshotClassName', p.storage?.volumeSnapshotClassName, dns1123Subdomain);
  checkOptional(scope, 'storage.iops', p.storage?.iops, integerBetween(1, 10_000_000));
  checkOptional(scope, 'storage.throughput', p.storage?.throughput, integerBetween(1, 1_000_000));
  checkStorageTuning(scope, p);
  checkNoDroppedKeys(scope, 'storage.additionalVolumes', p.storage?.additionalVolumes, toJson_QdrantClusterSpecStorageAdditionalVolumes);
  checkNoDroppedKeys(scope, 'storage.additionalVolumeClaimTemplates', p.storage?.additionalVolumeClaimTemplates, toJson_QdrantClusterSpecStorageAdditionalVolumeClaimTemplates);
  checkNoDroppedKeys(scope, 'storage.additionalVolumeMounts', p.storage?.additionalVolumeMounts, toJson_QdrantClusterSpecStorageAdditionalVolumeMounts);
  checkNoDroppedKeys(scope, 'statefulSet.extraEnv', p.statefulSet?.extraEnv, toJson_QdrantClusterSpecStatefulSetPodsExtraEnv);

  checkOptional(scope, 'rebalanceStrategy', p.rebalanceStrategy, oneOf(['by_count', 'by_size', 'by_count_and_size', 'disabled']));
  checkEach(scope, 'readClusters', p.readClusters, uuid);
  checkOptional(scope, 'writeCluster', p.writeCluster, uuid);
  checkClusterManagerFeatures(scope, p, host);
  checkOptional(scope, 'onDemandReplication', p.onDemandReplication, oneOf(['Off', 'Auto', 'On']));
  checkOptional(scope, 'startupDelaySeconds', p.startupDelaySeconds, integerBetween(0, 86_400));
  checkList(scope, 'pauses', p.pauses);
  (p.pauses ?? []).forEach((pause, i) => {
    if (!pause.owner || !pause.reason) fail(scope, `pauses[${i}]`, pause, 'expected an owner and a reason');
  });
  checkFieldsExistInCrd(scope, p, host);
}

type SecretRefs = Record<'apiKey' | 'readOnlyApiKey' | 'tlsCert' | 'tlsKey' | 'tlsCa', { secretKeyRef: { name: string; key: string } } | undefined>;

/** Maps the props to the CRD's spec (wire names are the L1's job). */
function toSpec(p: QdrantClusterProps, refs: SecretRefs): QdrantClusterSpec {
  const c = p.config;
  const intOrString = <T>(v: number | string | undefined, cls: { fromNumber(n: number): T; fromString(s: string): T }) =>
    v === undefined ? undefined : typeof v === 'number' ? cls.fromNumber(v) : cls.fromString(v);
  return {
    id: p.id,
    version: p.version,
    size: p.size,
    resources: {
      cpu: p.resources.cpu,
      memory: p.resources.memory,
      storage: p.resources.storage,
      requests: p.resources.requests ? { ...p.resources.requests } : undefined,
    },
    image: p.image ? { ...p.image } : undefined,
    security: p.security ? { ...p.security } : undefined,
    tolerations: p.tolerations?.map((t) => ({ ...t, operator: t.operator })),
    nodeSelector: p.nodeSelector ? { ...p.nodeSelector } : undefined,
    config: c || refs.apiKey || refs.readOnlyApiKey || refs.tlsCert ? {
      collection: c?.collection ? {
        replicationFactor: c.collection.replicationFactor,
        writeConsistencyFactor: c.collection.writeConsistencyFactor,
        vectors: c.collection.vectorsOnDisk === undefined ? undefined : { onDisk: c.collection.vectorsOnDisk },
        strictMode: c.collection.strictMode ? { maxPayloadIndexCount: c.collection.strictMode.maxPayloadIndexCount } : undefined,
      } : undefined,
      logLevel: c?.logLevel,
      service: {
        apiKey: refs.apiKey,
        readOnlyApiKey: refs.readOnlyApiKey,
        jwtRbac: c?.service?.jwtRbac,
        hideJwtDashboard: c?.service?.hideJwtDashboard,
        enableTls: refs.tlsCert ? true : undefined,
        maxRequestSizeMb: c?.service?.maxRequestSizeMb,
      },
      tls: refs.tlsCert ? { cert: refs.tlsCert, key: refs.tlsKey, caCert: refs.tlsCa } : undefined,
      storage: c?.storage ? {
        maxCollections: c.storage.maxCollections,
        performance: c.storage.optimizerCpuBudget !== undefined || c.storage.asyncScorer !== undefined
          ? { optimizerCpuBudget: c.storage.optimizerCpuBudget, asyncScorer: c.storage.asyncScorer } : undefined,
      } : undefined,
      audit: c?.audit ? {
        ...c.audit,
        rotation: c.audit.rotation as QdrantClusterSpecConfigAuditRotation | undefined,
      } : undefined,
    } : undefined,
    service: p.service ? {
      type: p.service.type,
      annotations: p.service.annotations ? { ...p.service.annotations } : undefined,
      loadBalancerSourceRanges: p.service.loadBalancerSourceRanges ? [...p.service.loadBalancerSourceRanges] : undefined,
    } : undefined,
    ingress: p.ingress ? {
      enabled: true,
      host: p.ingress.host,
      ingressClassName: p.ingress.ingressClassName,
      annotations: p.ingress.annotations ? { ...p.ingress.annotations } : undefined,
      tls: p.ingress.tls,
      tlsSecretName: p.ingress.tlsSecretName,
      nginx: p.ingress.nginx ? { allowedSourceRanges: p.ingress.nginx.allowedSourceRanges && [...p.ingress.nginx.allowedSourceRanges], grpcHost: p.ingress.nginx.grpcHost } : undefined,
      traefik: p.ingress.traefik ? { allowedSourceRanges: p.ingress.traefik.allowedSourceRanges && [...p.ingress.traefik.allowedSourceRanges], entryPoints: p.ingress.traefik.entryPoints && [...p.ingress.traefik.entryPoints] } : undefined,
    } : undefined,
    gpu: p.gpu ? {
      gpuType: p.gpu.gpuType as QdrantClusterSpecGpuGpuType,
      forceHalfPrecision: p.gpu.forceHalfPrecision ?? false,
      allowIntegrated: p.gpu.allowIntegrated ?? false,
      deviceFilter: p.gpu.deviceFilter && [...p.gpu.deviceFilter],
      devices: p.gpu.devices && [...p.gpu.devices],
      parallelIndexes: p.gpu.parallelIndexes,
      groupsCount: p.gpu.groupsCount,
    } : undefined,
    statefulSet: p.statefulSet ? {
      annotations: p.statefulSet.annotations,
      pods: p.statefulSet.podAnnotations || p.statefulSet.podLabels || p.statefulSet.extraEnv ? {
        annotations: p.statefulSet.podAnnotations,
        labels: p.statefulSet.podLabels,
        extraEnv: p.statefulSet.extraEnv && [...p.statefulSet.extraEnv],
      } : undefined,
    } : undefined,
    storageClassNames: p.storageClassNames ? { ...p.storageClassNames } : undefined,
    storage: p.storage ? {
      volumeAttributesClassName: p.storage.volumeAttributesClassName,
      iops: p.storage.iops,
      throughput: p.storage.throughput,
      volumeSnapshotClassName: p.storage.volumeSnapshotClassName,
      additionalVolumes: p.storage.additionalVolumes && [...p.storage.additionalVolumes],
      additionalVolumeClaimTemplates: p.storage.additionalVolumeClaimTemplates && [...p.storage.additionalVolumeClaimTemplates],
      additionalVolumeMounts: p.storage.additionalVolumeMounts && [...p.storage.additionalVolumeMounts],
    } : undefined,
    topologySpreadConstraints: p.topologySpreadConstraints?.map(topologySpreadToKube),
    podDisruptionBudget: p.podDisruptionBudget ? {
      maxUnavailable: intOrString(p.podDisruptionBudget.maxUnavailable, QdrantClusterSpecPodDisruptionBudgetMaxUnavailable),
      minAvailable: intOrString(p.podDisruptionBudget.minAvailable, QdrantClusterSpecPodDisruptionBudgetMinAvailable),
    } : undefined,
    rebalanceStrategy: p.rebalanceStrategy as QdrantClusterSpecRebalanceStrategy | undefined,
    readClusters: p.readClusters?.map((id) => ({ id })),
    writeCluster: p.writeCluster ? { id: p.writeCluster } : undefined,
    multiAz: p.multiAz,
    onDemandReplication: p.onDemandReplication as QdrantClusterSpecOnDemandReplication | undefined,
    restartAllPodsConcurrently: p.restartAllPodsConcurrently,
    suspend: p.suspend,
    pauses: p.pauses?.map((x) => ({ ...x })),
    servicePerNode: p.servicePerNode,
    clusterManager: p.clusterManager,
    startupDelaySeconds: p.startupDelaySeconds,
  };
}
