import { IConstruct } from 'constructs';
import { checkPodDisruptionBudget, PodDisruptionBudget } from '../core/disruption';
import { NetworkPolicyRule, networkRulesToKube } from '../core/network';
import { dns1123Subdomain, duration, httpUrl, integerBetween, oneOf, port, registryHostPath } from '../core/rules';
import { checkTopologySpread, TopologySpreadConstraint, topologySpreadToKube } from '../core/scheduling';
import { bool, convertShape, custom, leaf, object, Shape } from '../core/shape';

export const OPERATOR_LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/** The Qdrant operator's `settings:` tree (operator v2), key by key. */
export interface OperatorSettings {
  /** Where the operator runs (Private Cloud only). @default 'kubernetes' */
  readonly appEnvironment?: 'kubernetes' | 'local';
  /** Operator log level. @default 'INFO' */
  readonly logLevel?: typeof OPERATOR_LOG_LEVELS[number];
  /** Metrics endpoint. @default - port 9290 */
  readonly metrics?: { /** Port. @default 9290 */ readonly port?: number };
  /** Health probe endpoint. @default - port 8285 */
  readonly healthz?: { /** Port. @default 8285 */ readonly port?: number };
  /** Reconcile loop settings. @default - operator defaults */
  readonly controller?: {
    /** Forced resync period. @default '10h' */
    readonly forceResyncPeriod?: string;
    /** Kubernetes client QPS. @default 200 */
    readonly qps?: number;
    /** Kubernetes client burst. @default 500 */
    readonly burst?: number;
    /** Reconcile all CRs, ignoring the operator version annotation. @default true */
    readonly disableOperatorVersionCheck?: boolean;
  };
  /** Feature switches and their settings. @default - operator defaults */
  readonly features?: {
    /** Qdrant cluster management. @default - enabled */
    readonly clusterManagement?: ClusterManagementSettings;
    /** Snapshots, scheduled snapshots and restores. @default - enabled */
    readonly backupManagement?: BackupManagementSettings;
  };
}

export interface ClusterManagementSettings {
  /** Enable cluster management. @default true */
  readonly enable?: boolean;
  /** Default StorageClasses. @default - the cluster's default StorageClass */
  readonly storageClass?: { /** Database volumes. @default - cluster default */ readonly database?: string; /** Snapshot volumes. @default - cluster default */ readonly snapshot?: string };
  /** Defaults for every Qdrant database. @default - operator defaults */
  readonly qdrant?: {
    /** Database image. @default - Qdrant's image */
    readonly image?: {
      /** Image repository. @default 'registry.cloud.qdrant.io/qdrant/qdrant' (Private Cloud) */
      readonly repository?: string;
      /** Pull policy. @default 'IfNotPresent' */
      readonly pullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
      /** Pull secret, which must exist in each cluster's namespace. @default - none */
      readonly pullSecretName?: string;
    };
    /** Storage performance. @default - operator defaults */
    readonly storage?: { readonly performance?: {
      /** CPU budget of optimizers: 0 auto, <0 subtract, >0 exact. @default 0 */
      readonly optimizerCpuBudget?: number;
      /** io_uring rescoring (Linux only). @default false */
      readonly asyncScorer?: boolean;
    }; };
    /** Default database log level. @default 'INFO' */
    readonly logLevel?: typeof OPERATOR_LOG_LEVELS[number];
    /** Default pod security context. @default - disabled */
    readonly securityContext?: {
      /** Apply it. @default false */ readonly enabled?: boolean;
      /** User id. @default - none */ readonly user?: number;
      /** fsGroup (the docs name this key `fsUser`). @default - none */ readonly fsUser?: number;
      /** Group id. @default - none */ readonly group?: number;
    };
    /** NetworkPolicies the operator manages for each database. @default - enabled; ingress TCP 6333/6334, egress UDP 53 */
    readonly networkPolicies?: {
      /** Manage NetworkPolicies (Private Cloud >= 1.6.2). @default true */ readonly enable?: boolean;
      /** Ingress rules. @default - TCP 6333 and 6334 */ readonly ingress?: readonly NetworkPolicyRule[];
      /** Egress rules. @default - UDP 53 */ readonly egress?: readonly NetworkPolicyRule[];
    };
  };
  /** Default scheduling of databases. @default - none */
  readonly scheduling?: {
    /** Topology spread. @default - none */ readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[];
    /** PodDisruptionBudget. @default - none */ readonly podDisruptionBudget?: PodDisruptionBudget;
  };
  /** Cluster-manager integration. @default - operator defaults */
  readonly clusterManager?: {
    /** Use the cluster-manager. @default true (as the docs show) */ readonly enable?: boolean;
    /** URL of the cluster-manager Service. @default 'http://qdrant-cluster-manager' */ readonly endpointAddress?: string;
    /** How often it runs. @default '10s' */ readonly invocationInterval?: string;
    /** Call timeout. @default '30s' */ readonly timeout?: string;
    /** Overrides of the manager's rules. @default - none */
    readonly manageRulesOverrides?: {
      /** Plan without acting. @default - manager default */ readonly dryRun?: boolean;
      /** Concurrent shard transfers. @default - manager default */ readonly maxTransfers?: number;
      /** Concurrent transfers per collection. @default - manager default */ readonly maxTransfersPerCollection?: number;
    };
  };
  /** Ingress for databases. @default - disabled */
  readonly ingress?: {
    /** Enable. @default false */ readonly enable?: boolean;
    /** Provider. @default 'KubernetesIngress' */ readonly provider?: 'KubernetesIngress' | 'NginxIngress' | 'QdrantCloudTraefik';
    /** Settings of the KubernetesIngress provider. @default - none */
    readonly kubernetesIngress?: { /** IngressClass. @default - cluster default */ readonly ingressClassName?: string };
  };
  /** Timeout of telemetry calls. @default '3s' */
  readonly telemetryTimeout?: string;
  /** Parallel reconciles. @default 20 */
  readonly maxConcurrentReconciles?: number;
  /** Volume expansion mode (`Offline` e.g. on Azure). @default 'Online' */
  readonly volumeExpansionMode?: 'Online' | 'Offline';
}

interface Switch { /** Enable. @default true */ readonly enable?: boolean; /** Parallel reconciles. @default 1 */ readonly maxConcurrentReconciles?: number }

export interface BackupManagementSettings {
  /** Enable backup management. @default true */
  readonly enable?: boolean;
  /** Snapshots. @default - enabled */
  readonly snapshots?: Switch & {
    /** VolumeSnapshotClass. @default 'csi-snapclass' */ readonly volumeSnapshotClass?: string;
    /** How long failed or skipped snapshots are kept. @default '72h' */ readonly retainUnsuccessful?: string;
  };
  /** Scheduled snapshots. @default - enabled */
  readonly scheduledSnapshots?: Switch & { /** Remove CronJobs of the Python operator. @default true */ readonly removeCronJobs?: boolean };
  /** Restores. @default - enabled */
  readonly restores?: Switch;
}

const positiveInt = integerBetween(1, 1_000_000);
const anyInt = integerBetween(-1_000_000, 1_000_000);
const level = oneOf(OPERATOR_LOG_LEVELS);
const imageRepository = (v: string) => registryHostPath(v) === undefined && !/:[^/]*$/.test(v.split('/').pop() ?? '') ? undefined
  : 'expected an image repository without tag or scheme, such as "registry.example.com/qdrant/qdrant"';

const pdb = custom((scope: IConstruct, prop: string, v: PodDisruptionBudget) => {
  checkPodDisruptionBudget(scope, prop, v);
  return { ...v };
});

const switchFields = { enable: leaf(bool), maxConcurrentReconciles: leaf(positiveInt) };

/** Runtime description of OperatorSettings: checks, refuses unknown keys, maps to wire names. */
export const OPERATOR_SETTINGS_SHAPE: Shape = object({
  appEnvironment: leaf(oneOf(['kubernetes', 'local'])),
  logLevel: leaf(level),
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
          pullPolicy: leaf(oneOf(['Always', 'IfNotPresent', 'Never'])),
          pullSecretName: leaf(dns1123Subdomain),
        }),
        storage: object({ performance: object({ optimizerCpuBudget: leaf(anyInt), asyncScorer: leaf(bool) }) }),
        logLevel: leaf(level),
        securityContext: object({ enabled: leaf(bool), user: leaf(integerBetween(0, 2 ** 31 - 1)), fsUser: leaf(integerBetween(0, 2 ** 31 - 1)), group: leaf(integerBetween(0, 2 ** 31 - 1)) }),
        networkPolicies: object({
          enable: leaf(bool),
          ingress: custom((s, p, v) => networkRulesToKube(s, p, v, 'ingress')),
          egress: custom((s, p, v) => networkRulesToKube(s, p, v, 'egress')),
        }),
      }),
      scheduling: object({
        topologySpreadConstraints: custom((s, p, v) => { checkTopologySpread(s, p, v); return v.map(topologySpreadToKube); }),
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

