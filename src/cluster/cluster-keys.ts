import { KnownKeys } from '../core/known-keys';

const str = true as const;
const toleration = { key: str, operator: str, value: str, effect: str, tolerationSeconds: str };

/** Every key of QdrantClusterProps (see cluster-props.ts), for JavaScript callers. */
export const CLUSTER_PROPS_KEYS: KnownKeys = {
  id: str, customerId: str, version: str, size: str, namespace: str,
  resources: { cpu: str, memory: str, storage: str, requests: { cpu: str, memory: str } },
  apiKey: str, readOnlyApiKey: str, registryCredentials: str, existingOperator: str,
  tls: { certificate: str, ca: str },
  config: {
    collection: { replicationFactor: str, writeConsistencyFactor: str, vectorsOnDisk: str, strictMode: { maxPayloadIndexCount: str } },
    logLevel: str,
    service: { jwtRbac: str, hideJwtDashboard: str, maxRequestSizeMb: str },
    storage: { maxCollections: str, optimizerCpuBudget: str, asyncScorer: str },
    audit: { enabled: str, dir: str, rotation: str, maxLogFiles: str, trustForwardedHeaders: str },
  },
  service: { type: str, annotations: str, loadBalancerSourceRanges: str },
  ingress: {
    host: str, ingressClassName: str, annotations: str, tls: str, tlsSecretName: str,
    nginx: { allowedSourceRanges: str, grpcHost: str }, traefik: { allowedSourceRanges: str, entryPoints: str },
  },
  image: { repository: str, pullPolicy: str, pullSecretName: str },
  security: { user: str, group: str, fsGroup: str },
  tolerations: str, nodeSelector: str, topologySpreadConstraints: str,
  podDisruptionBudget: { maxUnavailable: str, minAvailable: str },
  gpu: { gpuType: str, forceHalfPrecision: str, allowIntegrated: str, deviceFilter: str, devices: str, parallelIndexes: str, groupsCount: str },
  statefulSet: { annotations: str, podAnnotations: str, podLabels: str, extraEnv: str },
  storageClassNames: { db: str, snapshots: str },
  storage: {
    volumeAttributesClassName: str, iops: str, throughput: str, volumeSnapshotClassName: str,
    additionalVolumes: str, additionalVolumeClaimTemplates: str, additionalVolumeMounts: str,
  },
  rebalanceStrategy: str, readClusters: str, writeCluster: str, multiAz: str, onDemandReplication: str,
  restartAllPodsConcurrently: str, suspend: str, pauses: str, servicePerNode: str, clusterManager: str, startupDelaySeconds: str,
};

/** Keys of one toleration, checked per list entry. */
export const TOLERATION_KEYS: KnownKeys = toleration;
