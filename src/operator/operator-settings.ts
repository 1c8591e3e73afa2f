import { IConstruct } from 'constructs';
import { checkPodDisruptionBudget, PodDisruptionBudget } from '../core/disruption';
import { NetworkPolicyRule, networkRulesToKube } from '../core/network';
import { dns1123Subdomain, duration, httpUrl, integerBetween, oneOf, port, registryHostPath } from '../core/rules';
import { checkTopologySpread, TopologySpreadConstraint, topologySpreadToKube } from '../core/scheduling';
import { bool, convertShape, custom, Fields, leaf, object, Shape } from '../core/shape';
import { ImagePullPolicy, imagePullPolicy, LogLevel, logLevel } from '../core/vocabulary';

/** The Qdrant operator's `settings:` tree (operator v2), key by key (qdrant-facts.md §5.3). */
export interface OperatorSettings {
  /** Where the operator runs (Private Cloud only). @default 'kubernetes' */
  readonly appEnvironment?: 'kubernetes' | 'local';
  /** Operator log level. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Metrics endpoint. @default - port 9290 */
  readonly metrics?: EndpointSettings;
  /** Health probe endpoint. @default - port 8285 */
  readonly healthz?: EndpointSettings;
  /** Reconcile loop settings. @default - operator defaults */
  readonly controller?: ControllerSettings;
  /** Feature switches and their settings. @default - operator defaults */
  readonly features?: FeatureSettings;
}

/** An HTTP endpoint of the operator. */
export interface EndpointSettings {
  /** Port. @default - 9290 for metrics, 8285 for health probes */
  readonly port?: number;
}

/** The operator's reconcile loop. */
export interface ControllerSettings {
  /** Forced resync period. @default '10h' */
  readonly forceResyncPeriod?: string;
  /** Kubernetes client QPS. @default 200 */
  readonly qps?: number;
  /** Kubernetes client burst. @default 500 */
  readonly burst?: number;
  /** Reconcile all CRs, ignoring the operator version annotation. @default true */
  readonly disableOperatorVersionCheck?: boolean;
}

/** The operator's feature switches. */
export interface FeatureSettings {
  /** Qdrant cluster management. @default - enabled */
  readonly clusterManagement?: ClusterManagementSettings;
  /** Snapshots, scheduled snapshots and restores. @default - enabled */
  readonly backupManagement?: BackupManagementSettings;
}

/** Cluster management: defaults for every Qdrant database and how the operator manages them. */
export interface ClusterManagementSettings {
  /** Enable cluster management. @default true */
  readonly enable?: boolean;
  /** Default StorageClasses. @default - the cluster's default StorageClass */
  readonly storageClass?: StorageClassDefaults;
  /** Defaults for every Qdrant database. @default - operator defaults */
  readonly qdrant?: DatabaseDefaults;
  /** Default scheduling of databases. @default - none */
  readonly scheduling?: SchedulingDefaults;
  /** Cluster-manager integration. @default - operator defaults */
  readonly clusterManager?: ClusterManagerSettings;
  /** Ingress for databases. @default - disabled */
  readonly ingress?: IngressDefaults;
  /** Timeout of telemetry calls. @default '3s' */
  readonly telemetryTimeout?: string;
  /** Parallel reconciles. @default 20 */
  readonly maxConcurrentReconciles?: number;
  /** Volume expansion mode (`Offline` e.g. on Azure). @default 'Online' */
  readonly volumeExpansionMode?: 'Online' | 'Offline';
}

/** Default StorageClasses of database volumes. */
export interface StorageClassDefaults {
  /** Database volumes. @default - the cluster's default StorageClass */
  readonly database?: string;
  /** Snapshot volumes. @default - the cluster's default StorageClass */
  readonly snapshot?: string;
}

/** Defaults for every Qdrant database the operator runs. */
export interface DatabaseDefaults {
  /** Database image. @default - Qdrant's image */
  readonly image?: DatabaseImageDefaults;
  /** Storage performance. @default - operator defaults */
  readonly storage?: DatabaseStorageDefaults;
  /** Default database log level. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Default pod security context. @default - disabled */
  readonly securityContext?: SecurityContextDefaults;
  /** NetworkPolicies the operator manages for each database. @default - enabled; ingress TCP 6333/6334, egress UDP 53 */
  readonly networkPolicies?: NetworkPolicySettings;
}

/** The default database image. */
export interface DatabaseImageDefaults {
  /** Image repository. @default 'registry.cloud.qdrant.io/qdrant/qdrant' (Private Cloud) */
  readonly repository?: string;
  /** Pull policy. @default 'IfNotPresent' */
  readonly pullPolicy?: ImagePullPolicy;
  /** Pull secret, which must exist in each cluster's namespace. @default - none */
  readonly pullSecretName?: string;
}

/** Default storage settings of databases. */
export interface DatabaseStorageDefaults {
  /** Storage performance. @default - operator defaults */
  readonly performance?: StoragePerformanceDefaults;
}

/** Default storage performance of databases. */
export interface StoragePerformanceDefaults {
  /** CPU budget of optimizers: 0 auto, <0 subtract, >0 exact. @default 0 */
  readonly optimizerCpuBudget?: number;
  /** io_uring rescoring (Linux only). @default false */
  readonly asyncScorer?: boolean;
}

/** Default pod security context of databases. */
export interface SecurityContextDefaults {
  /** Apply it. @default false */
  readonly enabled?: boolean;
  /** User id. @default - none */
  readonly user?: number;
  /** fsGroup (the docs name this key `fsUser`). @default - none */
  readonly fsUser?: number;
  /** Group id. @default - none */
  readonly group?: number;
}

/** NetworkPolicies the operator manages for each database. */
export interface NetworkPolicySettings {
  /** Manage NetworkPolicies (Private Cloud >= 1.6.2). @default true */
  readonly enable?: boolean;
  /** Ingress rules. @default - TCP 6333 and 6334 */
  readonly ingress?: readonly NetworkPolicyRule[];
  /** Egress rules. @default - UDP 53 */
  readonly egress?: readonly NetworkPolicyRule[];
}

/** Default scheduling of databases. */
export interface SchedulingDefaults {
  /** Topology spread. @default - none */
  readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[];
  /** PodDisruptionBudget. @default - none */
  readonly podDisruptionBudget?: PodDisruptionBudget;
}

/** The operator's cluster-manager integration. */
export interface ClusterManagerSettings {
  /** Use the cluster-manager. @default true (as the docs show) */
  readonly enable?: boolean;
  /** URL of the cluster-manager Service. @default 'http://qdrant-cluster-manager' */
  readonly endpointAddress?: string;
  /** How often it runs. @default '10s' */
  readonly invocationInterval?: string;
  /** Call timeout. @default '30s' */
  readonly timeout?: string;
  /** Overrides of the manager's rules. @default - none */
  readonly manageRulesOverrides?: ManageRulesOverrides;
}

/** Overrides of the cluster-manager's rules. */
export interface ManageRulesOverrides {
  /** Plan without acting. @default - manager default */
  readonly dryRun?: boolean;
  /** Concurrent shard transfers. @default - manager default */
  readonly maxTransfers?: number;
  /** Concurrent transfers per collection. @default - manager default */
  readonly maxTransfersPerCollection?: number;
}

/** Ingress the operator creates for databases. */
export interface IngressDefaults {
  /** Enable. @default false */
  readonly enable?: boolean;
  /** Provider. @default 'KubernetesIngress' */
  readonly provider?: 'KubernetesIngress' | 'NginxIngress' | 'QdrantCloudTraefik';
  /** Settings of the KubernetesIngress provider. @default - none */
  readonly kubernetesIngress?: KubernetesIngressSettings;
}

/** Settings of the KubernetesIngress provider. */
export interface KubernetesIngressSettings {
  /** IngressClass. @default - the cluster's default IngressClass */
  readonly ingressClassName?: string;
}

/** A reconciler that can be switched off and run in parallel. */
export interface ReconcilerSwitch {
  /** Enable. @default true */
  readonly enable?: boolean;
  /** Parallel reconciles. @default 1 */
  readonly maxConcurrentReconciles?: number;
}

/** Snapshots, scheduled snapshots and restores. */
export interface BackupManagementSettings {
  /** Enable backup management. @default true */
  readonly enable?: boolean;
  /** Snapshots. @default - enabled */
  readonly snapshots?: SnapshotSettings;
  /** Scheduled snapshots. @default - enabled */
  readonly scheduledSnapshots?: ScheduledSnapshotSettings;
  /** Restores. @default - enabled */
  readonly restores?: ReconcilerSwitch;
}

/** The snapshot reconciler. */
export interface SnapshotSettings extends ReconcilerSwitch {
  /** VolumeSnapshotClass. @default 'csi-snapclass' */
  readonly volumeSnapshotClass?: string;
  /** How long failed or skipped snapshots are kept. @default '72h' */
  readonly retainUnsuccessful?: string;
}

/** The scheduled snapshot reconciler. */
export interface ScheduledSnapshotSettings extends ReconcilerSwitch {
  /** Remove CronJobs of the Python operator. @default true */
  readonly removeCronJobs?: boolean;
}

const positiveInt = integerBetween(1, 1_000_000);
const anyInt = integerBetween(-1_000_000, 1_000_000);
const imageRepository = (v: string) => registryHostPath(v) === undefined && !/:[^/]*$/.test(v.split('/').pop() ?? '') ? undefined
  : 'expected an image repository without tag or scheme, such as "registry.example.com/qdrant/qdrant"';

const pdb = custom((scope: IConstruct, prop: string, v: PodDisruptionBudget) => {
  checkPodDisruptionBudget(scope, prop, v);
  return { ...v };
});

const switchFields: Fields<ReconcilerSwitch> = { enable: leaf(bool), maxConcurrentReconciles: leaf(positiveInt) };

/** OperatorSettings as a table: checks, refuses unknown keys, maps to wire names; the compiler holds it to the interface. */
export const OPERATOR_SETTINGS_SHAPE: Shape<OperatorSettings> = object<OperatorSettings>({
  appEnvironment: leaf(oneOf(['kubernetes', 'local'])),
  logLevel: leaf(logLevel),
  metrics: object({ port: leaf(port) }),
  healthz: object({ port: leaf(port) }),
  controller: object({
    forceResyncPeriod: leaf(duration), qps: leaf(positiveInt), burst: leaf(positiveInt), disableOperatorVersionCheck: leaf(bool),
  }),
  features: object({
    clusterManagement: object({
      enable: leaf(bool),
      storageClass: object({ database: leaf(dns1123Subdomain), snapshot: leaf(dns1123Subdomain) }),
      qdrant: object({
        image: object({
          repository: leaf(imageRepository),
          pullPolicy: leaf(imagePullPolicy),
          pullSecretName: leaf(dns1123Subdomain),
        }),
        storage: object({ performance: object({ optimizerCpuBudget: leaf(anyInt), asyncScorer: leaf(bool) }) }),
        logLevel: leaf(logLevel),
        securityContext: object({ enabled: leaf(bool), user: leaf(integerBetween(0, 2 ** 31 - 1)), fsUser: leaf(integerBetween(0, 2 ** 31 - 1)), group: leaf(integerBetween(0, 2 ** 31 - 1)) }),
        networkPolicies: object({
          enable: leaf(bool),
          ingress: custom((s, p, v: readonly NetworkPolicyRule[]) => networkRulesToKube(s, p, v, 'ingress')),
          egress: custom((s, p, v: readonly NetworkPolicyRule[]) => networkRulesToKube(s, p, v, 'egress')),
        }),
      }),
      scheduling: object({
        topologySpreadConstraints: custom((s, p, v: readonly TopologySpreadConstraint[]) => { checkTopologySpread(s, p, v); return v.map(topologySpreadToKube); }),
        podDisruptionBudget: pdb,
      }),
      clusterManager: object({
        enable: leaf(bool),
        endpointAddress: leaf(httpUrl),
        invocationInterval: leaf(duration),
        timeout: leaf(duration),
        manageRulesOverrides: object({
          dryRun: leaf(bool, { wire: 'dry_run' }),
          maxTransfers: leaf(positiveInt, { wire: 'max_transfers' }),
          maxTransfersPerCollection: leaf(positiveInt, { wire: 'max_transfers_per_collection' }),
        }),
      }),
      ingress: object({
        enable: leaf(bool),
        provider: leaf(oneOf(['KubernetesIngress', 'NginxIngress', 'QdrantCloudTraefik'])),
        kubernetesIngress: object({ ingressClassName: leaf(dns1123Subdomain) }),
      }),
      telemetryTimeout: leaf(duration),
      maxConcurrentReconciles: leaf(positiveInt),
      volumeExpansionMode: leaf(oneOf(['Online', 'Offline'])),
    }),
    backupManagement: object({
      enable: leaf(bool),
      snapshots: object({ ...switchFields, volumeSnapshotClass: leaf(dns1123Subdomain), retainUnsuccessful: leaf(duration) }),
      scheduledSnapshots: object({ ...switchFields, removeCronJobs: leaf(bool) }),
      restores: object(switchFields),
    }),
  }),
});

/**
 * Checks operator settings and returns the `settings:` tree in wire form. The same
 * function serves QdrantOperator's chart values and HybridRegion's advanced operator
 * settings in environment.json.
 */
export function operatorSettingsToWire(scope: IConstruct, prop: string, settings: OperatorSettings | undefined): Record<string, unknown> {
  return (convertShape(scope, prop, OPERATOR_SETTINGS_SHAPE, settings) as Record<string, unknown>) ?? {};
}

