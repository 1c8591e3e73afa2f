import {
  QdrantClusterSpecStatefulSetPodsExtraEnv, QdrantClusterSpecStorageAdditionalVolumeClaimTemplates,
  QdrantClusterSpecStorageAdditionalVolumeMounts, QdrantClusterSpecStorageAdditionalVolumes,
} from '../../imports/qdrant.io';
import { TopologySpreadConstraint, Toleration } from '../core/scheduling';
import { DatabaseLogLevel, ImagePullPolicy } from '../core/vocabulary';
import { Delivery } from '../delivery/delivery';
import { PodDisruptionBudget } from '../core/disruption';
import { SecretSource } from '../secrets/secret-source';

/**
 * A generated L1 type with what YAML users write where it wants an int-or-string class
 * (`Quantity`, `IntOrString`): `'100Gi'`, `8080`, `'50%'`.
 */
export type PlainKubernetes<T> = T extends { readonly value: number | string }
  ? string | number
  : T extends readonly (infer U)[] ? readonly PlainKubernetes<U>[]
    : T extends object ? { readonly [K in keyof T]: PlainKubernetes<T[K]> } : T;

/** An extra environment variable of the database container (Kubernetes `EnvVar`). */
export type ExtraEnvVar = PlainKubernetes<QdrantClusterSpecStatefulSetPodsExtraEnv>;
/** An extra pod volume (Kubernetes `Volume`; sizes as in YAML: `sizeLimit: '1Gi'`). */
export type ExtraVolume = PlainKubernetes<QdrantClusterSpecStorageAdditionalVolumes>;
/** An extra volume claim template (Kubernetes `PersistentVolumeClaim`; `requests: { storage: '100Gi' }` as in YAML). */
export type ExtraVolumeClaimTemplate = PlainKubernetes<QdrantClusterSpecStorageAdditionalVolumeClaimTemplates>;
/** An extra volume mount of the database container (Kubernetes `VolumeMount`). */
export type ExtraVolumeMount = PlainKubernetes<QdrantClusterSpecStorageAdditionalVolumeMounts>;

/** CPU and memory limits and storage per node. Requests default to the limits. */
export interface ClusterResources {
  /** CPU limit per node, e.g. "2". */
  readonly cpu: string;
  /** Memory limit per node, e.g. "8Gi". */
  readonly memory: string;
  /** Volume size per node, e.g. "64Gi"; it can grow but never shrink. */
  readonly storage: string;
  /** Requests, when lower than the limits. @default - equal to the limits */
  readonly requests?: ClusterResourceRequests;
}

/** Requests per node, when lower than the limits. */
export interface ClusterResourceRequests {
  /** CPU request. @default - the limit */
  readonly cpu?: string;
  /** Memory request. @default - the limit */
  readonly memory?: string;
}

/** Qdrant's own configuration (the CRD's `config`). */
export interface ClusterDatabaseConfig {
  /** Collection defaults. @default - Qdrant defaults */
  readonly collection?: CollectionDefaults;
  /** Database log level. @default - operator default */
  readonly logLevel?: DatabaseLogLevel;
  /** Service settings besides the API keys. @default - Qdrant defaults */
  readonly service?: DatabaseServiceConfig;
  /** Storage settings. @default - Qdrant defaults */
  readonly storage?: DatabaseStorageConfig;
  /** Audit log (CRD >= v1.25.0). @default - disabled */
  readonly audit?: AuditLogConfig;
}

/** Defaults of new collections. */
export interface CollectionDefaults {
  /** Default replicas per shard. @default - Qdrant default (1) */
  readonly replicationFactor?: number;
  /** Default write consistency factor. @default - Qdrant default (1) */
  readonly writeConsistencyFactor?: number;
  /**
   * Store vectors on disk by default (`vectors.on_disk`). Legacy from Qdrant 1.19, whose
   * memory tiers (`memory: pinned|cached|cold`, set per collection) replace `on_disk`,
   * `always_ram` and `on_disk_payload` (qdrant-facts.md §13).
   * @default - Qdrant default
   */
  readonly vectorsOnDisk?: boolean;
  /** Strict mode defaults (CRD >= v1.19.0). @default - operator default */
  readonly strictMode?: StrictModeDefaults;
}

/** Strict mode defaults of new collections. */
export interface StrictModeDefaults {
  /** Max payload indexes per collection, at least 1 (Qdrant >= v1.16.0). @default 100 */
  readonly maxPayloadIndexCount?: number;
}

/** The database's service settings besides the API keys. */
export interface DatabaseServiceConfig {
  /** JWT RBAC. @default false */
  readonly jwtRbac?: boolean;
  /** Hide the JWT dashboard (CRD >= v1.5.0). @default false */
  readonly hideJwtDashboard?: boolean;
  /** Maximum request size in MB (CRD >= v1.17.2). @default 32 */
  readonly maxRequestSizeMb?: number;
}

/** The database's storage settings. */
export interface DatabaseStorageConfig {
  /** Max collections (CRD >= v1.17.0, Qdrant >= v1.14.1). @default 1000 from Qdrant v1.15.0 */
  readonly maxCollections?: number;
  /** Optimizer CPU budget: 0 auto, <0 subtract, >0 exact (CRD >= v1.16.1). @default - auto */
  readonly optimizerCpuBudget?: number;
  /** io_uring rescoring, Linux only (CRD >= v1.16.1). @default false */
  readonly asyncScorer?: boolean;
}

/** The database's audit log. */
export interface AuditLogConfig {
  /** Enable. @default false */
  readonly enabled?: boolean;
  /** Directory. @default './storage/audit' */
  readonly dir?: string;
  /** Rotation. @default 'daily' */
  readonly rotation?: 'daily' | 'hourly';
  /** Files kept (>= 1). @default 7 */
  readonly maxLogFiles?: number;
  /** Trust X-Forwarded-For (only behind a trusted proxy). @default false */
  readonly trustForwardedHeaders?: boolean;
}

/** TLS of the database's REST and gRPC endpoints. */
export interface ClusterTls {
  /** Certificate and key: a `kubernetes.io/tls` Secret with `tls.crt` and `tls.key`. */
  readonly certificate: SecretSource;
  /** CA certificate (`ca.crt`), e.g. for peer-to-peer TLS (CRD >= v1.11.0). @default - none */
  readonly ca?: SecretSource;
}

/** The Service the operator creates for the cluster (`qdrant-<id>`). */
export interface ClusterService {
  /** Service type; NodePort and LoadBalancer need an API key. @default 'ClusterIP' */
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** Service annotations (e.g. load balancer settings). @default - none */
  readonly annotations?: Record<string, string>;
  /** CIDRs allowed to reach a LoadBalancer (CRD >= v1.37.0). @default - no restriction */
  readonly loadBalancerSourceRanges?: readonly string[];
}

/** The Ingress the operator creates for the cluster; needs an API key. */
export interface ClusterIngress {
  /** Host name. */
  readonly host: string;
  /** IngressClass. @default - operator default */
  readonly ingressClassName?: string;
  /** Annotations. @default - none */
  readonly annotations?: Record<string, string>;
  /** Terminate TLS at the ingress. @default false */
  readonly tls?: boolean;
  /** Secret with the ingress certificate. @default - provider default */
  readonly tlsSecretName?: string;
  /** NGINX settings. @default - none */
  readonly nginx?: IngressNginxSettings;
  /** Traefik settings. @default - none */
  readonly traefik?: IngressTraefikSettings;
}

/** NGINX settings of the operator-managed Ingress. */
export interface IngressNginxSettings {
  /** Allowed CIDRs. @default - all */
  readonly allowedSourceRanges?: readonly string[];
  /** Host for gRPC. @default - none */
  readonly grpcHost?: string;
}

/** Traefik settings of the operator-managed Ingress. */
export interface IngressTraefikSettings {
  /** Allowed CIDRs. @default - all */
  readonly allowedSourceRanges?: readonly string[];
  /** Entry points (CRD >= v1.16.3). @default - operator default */
  readonly entryPoints?: readonly string[];
}

/** The database image. */
export interface ClusterImage {
  /** Repository. @default - operator setting */
  readonly repository?: string;
  /** Pull policy. @default 'IfNotPresent' */
  readonly pullPolicy?: ImagePullPolicy;
  /** Pull secret. @default - operator setting */
  readonly pullSecretName?: string;
}

/** Process ids of the database pods. */
export interface ClusterSecurity {
  /** uid. @default - image default */
  readonly user?: number;
  /** gid. @default - image default */
  readonly group?: number;
  /** fsGroup. @default - none */
  readonly fsGroup?: number;
}

/** StatefulSet and pod metadata and extra environment. */
export interface ClusterStatefulSet {
  /** StatefulSet annotations. @default - none */
  readonly annotations?: Record<string, string>;
  /** Pod annotations. @default - none */
  readonly podAnnotations?: Record<string, string>;
  /** Pod labels; `app`, `cluster-id` and `customer-id` are the operator's. @default - none */
  readonly podLabels?: Record<string, string>;
  /** Extra environment variables. @default - none */
  readonly extraEnv?: readonly ExtraEnvVar[];
}

/** StorageClasses of the cluster's volumes. */
export interface ClusterStorageClassNames {
  /** Database volume. @default - operator setting */
  readonly db?: string;
  /** Snapshot volume. @default - operator setting */
  readonly snapshots?: string;
}

/** A pause that stops reconciliation of the cluster. */
export interface ClusterPause {
  /** Who paused it. */
  readonly owner: string;
  /** Why. */
  readonly reason: string;
  /** When (RFC 3339). @default - not recorded */
  readonly creationTimestamp?: string;
}

/** GPU indexing. */
export interface ClusterGpu {
  /** GPU vendor. */
  readonly gpuType: 'nvidia' | 'amd';
  /** Force half precision (CRD >= v1.14.3). @default false */
  readonly forceHalfPrecision?: boolean;
  /** Allow integrated GPUs (CRD >= v1.14.3). @default false */
  readonly allowIntegrated?: boolean;
  /** Device name filters (CRD >= v1.14.3). @default - all devices */
  readonly deviceFilter?: readonly string[];
  /** Device indexes (CRD >= v1.14.3). @default - all devices */
  readonly devices?: readonly string[];
  /** Parallel indexes, at least 1 (CRD >= v1.14.3). @default 1 */
  readonly parallelIndexes?: number;
  /** Groups count, at least 1 (CRD >= v1.14.3). @default - Qdrant default */
  readonly groupsCount?: number;
}

/** Volumes of the cluster beyond the database and snapshot volumes. */
export interface ClusterStorage {
  /** VolumeAttributesClass of the database volume, not with iops/throughput (CRD >= v1.21.0). @default - none */
  readonly volumeAttributesClassName?: string;
  /** Provisioned IOPS, with throughput (CRD >= v1.21.0). @default - StorageClass default */
  readonly iops?: number;
  /** Provisioned throughput in MB/s, with iops (CRD >= v1.21.0). @default - StorageClass default */
  readonly throughput?: number;
  /** VolumeSnapshotClass of this cluster's backups (CRD >= v1.33.0). @default - operator setting */
  readonly volumeSnapshotClassName?: string;
  /** Extra pod volumes (CRD >= v1.28.0). @default - none */
  readonly additionalVolumes?: readonly ExtraVolume[];
  /** Extra volume claim templates (CRD >= v1.28.0). @default - none */
  readonly additionalVolumeClaimTemplates?: readonly ExtraVolumeClaimTemplate[];
  /** Extra volume mounts of the database container (CRD >= v1.28.0). @default - none */
  readonly additionalVolumeMounts?: readonly ExtraVolumeMount[];
}

/** An operator installed out of band, declared so a cluster can be placed. */
export interface ExistingOperator {
  /** Namespaces it reconciles QdrantClusters in, or 'all'. */
  readonly watchedNamespaces: readonly string[] | 'all';
  /** The delivery applying this folder (for ordering and prune protection). */
  readonly delivery: Delivery;
}

/** A Qdrant cluster: the QdrantCluster CRD's spec, with idiomatic names. */
export interface QdrantClusterProps {
  /** Cluster id (UUID); the object is named `qdrant-<id>`. */
  readonly id: string;
  /** Value of the mandatory `customer-id` label (a label value). */
  readonly customerId: string;
  /** Qdrant version `vX.Y.Z`. */
  readonly version: string;
  /** Number of nodes, 1 to 100. */
  readonly size: number;
  /** Limits and storage per node. */
  readonly resources: ClusterResources;
  /** Namespace of the cluster. @default - the operator's (or region's) namespace */
  readonly namespace?: string;
  /** The API key (`api-key`); required to expose the cluster. @default - no API key */
  readonly apiKey?: SecretSource;
  /** The read-only API key (`read-only-api-key`). @default - none */
  readonly readOnlyApiKey?: SecretSource;
  /** TLS for REST and gRPC. @default - plain text (terminate TLS elsewhere) */
  readonly tls?: ClusterTls;
  /** Qdrant configuration. @default - Qdrant and operator defaults */
  readonly config?: ClusterDatabaseConfig;
  /** Service settings. @default - ClusterIP */
  readonly service?: ClusterService;
  /** Operator-managed Ingress. @default - none */
  readonly ingress?: ClusterIngress;
  /** Database image. @default - operator setting */
  readonly image?: ClusterImage;
  /** Process ids. @default - image defaults */
  readonly security?: ClusterSecurity;
  /** Tolerations of database pods (at most 10). @default - none */
  readonly tolerations?: readonly Toleration[];
  /** Node selector of database pods (at most 10 entries). @default - none */
  readonly nodeSelector?: Record<string, string>;
  /** Topology spread of database pods (at most 10). @default - operator setting */
  readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[];
  /** PodDisruptionBudget. @default - operator setting */
  readonly podDisruptionBudget?: PodDisruptionBudget;
  /** GPU indexing (CRD >= v1.14.0, Qdrant >= v1.13.0). @default - none */
  readonly gpu?: ClusterGpu;
  /** StatefulSet and pod metadata and extra environment. @default - none */
  readonly statefulSet?: ClusterStatefulSet;
  /** StorageClasses. @default - operator setting */
  readonly storageClassNames?: ClusterStorageClassNames;
  /** Storage details. @default - none */
  readonly storage?: ClusterStorage;
  /** Shard rebalancing; needs the cluster-manager (CRD >= v1.16.0). @default - operator default */
  readonly rebalanceStrategy?: 'by_count' | 'by_size' | 'by_count_and_size' | 'disabled';
  /** Ids of clusters this one reads from; needs the cluster-manager (CRD >= v1.19.2). @default - none */
  readonly readClusters?: readonly string[];
  /** Id of the cluster this one writes to; needs the cluster-manager (CRD >= v1.19.2). @default - none */
  readonly writeCluster?: string;
  /** Zone-aware routing (CRD >= v1.34.0). @default false */
  readonly multiAz?: boolean;
  /** On-demand replication on restart (CRD >= v1.36.0). @default 'Off' */
  readonly onDemandReplication?: 'Off' | 'Auto' | 'On';
  /** Restart all pods at once (CRD >= v1.6.0). @default - automatic */
  readonly restartAllPodsConcurrently?: boolean;
  /** Suspend: remove everything but the volumes. @default false */
  readonly suspend?: boolean;
  /** Pauses that stop reconciliation. @default - none */
  readonly pauses?: readonly ClusterPause[];
  /** One Service per node. @default true */
  readonly servicePerNode?: boolean;
  /** Use the cluster-manager. @default - operator setting */
  readonly clusterManager?: boolean;
  /** Debugging: seconds to sleep before start (CRD >= v1.8.0). @default - none */
  readonly startupDelaySeconds?: number;
  /** Pull credentials for a namespace other than the operator's. @default - the operator's registry credentials */
  readonly registryCredentials?: SecretSource;
  /** An operator installed out of band that watches the cluster's namespace. @default - none (use QdrantOperator.addCluster) */
  readonly existingOperator?: ExistingOperator;
}
