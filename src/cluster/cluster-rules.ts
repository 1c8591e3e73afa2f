import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { compareVersions } from '../operator/compatibility';
import { ClusterHost } from './cluster-host';
import { QdrantClusterProps } from './cluster-props';

/** First qdrant-kubernetes-api version whose QdrantCluster CRD has each field (qdrant-facts.md §7.1, "Since"). */
const FIELD_SINCE: ReadonlyArray<[string, (p: QdrantClusterProps) => unknown, string]> = [
  ['service.loadBalancerSourceRanges', (p) => p.service?.loadBalancerSourceRanges, 'v1.37.0'],
  ['onDemandReplication', (p) => p.onDemandReplication, 'v1.36.0'],
  ['multiAz', (p) => p.multiAz, 'v1.34.0'],
  ['storage.volumeSnapshotClassName', (p) => p.storage?.volumeSnapshotClassName, 'v1.33.0'],
  ['storage.additionalVolumes', (p) => p.storage?.additionalVolumes, 'v1.28.0'],
  ['storage.additionalVolumeClaimTemplates', (p) => p.storage?.additionalVolumeClaimTemplates, 'v1.28.0'],
  ['storage.additionalVolumeMounts', (p) => p.storage?.additionalVolumeMounts, 'v1.28.0'],
  ['config.audit', (p) => p.config?.audit, 'v1.25.0'],
  ['storage.volumeAttributesClassName', (p) => p.storage?.volumeAttributesClassName, 'v1.21.0'],
  ['storage.iops', (p) => p.storage?.iops, 'v1.21.0'],
  ['readClusters', (p) => p.readClusters, 'v1.19.2'],
  ['writeCluster', (p) => p.writeCluster, 'v1.19.2'],
  ['config.collection.strictMode', (p) => p.config?.collection?.strictMode, 'v1.19.0'],
  ['config.service.maxRequestSizeMb', (p) => p.config?.service?.maxRequestSizeMb, 'v1.17.2'],
  ['config.storage.maxCollections', (p) => p.config?.storage?.maxCollections, 'v1.17.0'],
  ['config.storage.optimizerCpuBudget', (p) => p.config?.storage?.optimizerCpuBudget, 'v1.16.1'],
  ['config.storage.asyncScorer', (p) => p.config?.storage?.asyncScorer, 'v1.16.1'],
  ['rebalanceStrategy', (p) => p.rebalanceStrategy, 'v1.16.0'],
  ['gpu', (p) => p.gpu, 'v1.14.0'],
  ['tls.ca', (p) => p.tls?.ca, 'v1.11.0'],
  ['startupDelaySeconds', (p) => p.startupDelaySeconds, 'v1.8.0'],
  ['restartAllPodsConcurrently', (p) => p.restartAllPodsConcurrently, 'v1.6.0'],
  ['config.service.hideJwtDashboard', (p) => p.config?.service?.hideJwtDashboard, 'v1.5.0'],
];

/** A field must exist in the CRD version the operator installs. */
export function checkFieldsExistInCrd(scope: IConstruct, p: QdrantClusterProps, host: ClusterHost): void {
  const crd = host.crdChartVersion;
  if (!crd) return;
  for (const [prop, get, since] of FIELD_SINCE) {
    if (get(p) !== undefined && compareVersions(crd, since) < 0) {
      fail(scope, prop, get(p), `needs qdrant-kubernetes-api ${since} or later; ${host.description} installs ${crd}`);
    }
  }
  if (p.size > 30 && compareVersions(crd, 'v1.19.0') < 0) {
    fail(scope, 'size', p.size, `at most 30 nodes with qdrant-kubernetes-api before v1.19.0; ${host.description} installs ${crd}`);
  }
}

/** Qdrant versions from which a database setting is accepted (qdrant-facts.md §8, rule 9). */
export function checkVersionGatedSettings(scope: IConstruct, p: QdrantClusterProps): void {
  const gate = (prop: string, value: unknown, min: string) => {
    if (value !== undefined && compareVersions(p.version, min) < 0) {
      fail(scope, prop, value, `needs Qdrant ${min} or later; version is ${p.version}`);
    }
  };
  gate('config.collection.strictMode.maxPayloadIndexCount', p.config?.collection?.strictMode?.maxPayloadIndexCount, 'v1.16.0');
  gate('config.storage.maxCollections', p.config?.storage?.maxCollections, 'v1.14.1');
  gate('gpu', p.gpu, 'v1.13.0');
}

/** Reaching the database from outside the cluster needs an API key (qdrant-facts.md §8, rule 16). */
export function checkExposureHasApiKey(scope: IConstruct, prop: string, exposure: string, hasApiKey: boolean): void {
  if (!hasApiKey) {
    fail(scope, prop, exposure, 'exposing a cluster through NodePort, LoadBalancer or Ingress needs an API key: set apiKey');
  }
}

/** Rebalancing and read/write clusters are cluster-manager features. */
export function checkClusterManagerFeatures(scope: IConstruct, p: QdrantClusterProps, host: ClusterHost): void {
  const used = ([['rebalanceStrategy', p.rebalanceStrategy], ['readClusters', p.readClusters], ['writeCluster', p.writeCluster]] as const)
    .filter(([, v]) => v !== undefined);
  if (!used.length) return;
  const enabled = p.clusterManager ?? host.clusterManagerEnabled ?? true;
  if (!enabled) {
    const [prop, value] = used[0];
    fail(scope, prop, value, p.clusterManager === false
      ? 'needs the cluster-manager; remove clusterManager: false'
      : `needs the cluster-manager, which ${host.description} has switched off; set clusterManager: true or enable it in the operator settings`);
  }
}

/** iops and throughput come together, and never with a VolumeAttributesClass. */
export function checkStorageTuning(scope: IConstruct, p: QdrantClusterProps): void {
  const s = p.storage;
  if (!s) return;
  if ((s.iops === undefined) !== (s.throughput === undefined)) {
    fail(scope, s.iops === undefined ? 'storage.iops' : 'storage.throughput', undefined, 'set iops and throughput together, or neither');
  }
  if (s.volumeAttributesClassName !== undefined && s.iops !== undefined) {
    fail(scope, 'storage.volumeAttributesClassName', s.volumeAttributesClassName, 'a VolumeAttributesClass excludes iops and throughput');
  }
}
