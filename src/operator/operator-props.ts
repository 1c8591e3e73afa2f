import { k8s } from 'cdk8s-plus-28';
import { ResourceRequirements } from '../core/resources';
import { Toleration } from '../core/scheduling';
import { propKeys } from '../core/shape';
import { Values } from '../core/values';
import { ImagePullPolicy } from '../core/vocabulary';
import { Delivery } from '../delivery/delivery';
import { ImageMirror } from '../mirror/image-mirror';
import { MonitoringProps } from '../monitoring/monitoring-props';
import { SecretSource } from '../secrets/secret-source';
import { StorageProps } from '../storage/storage-props';
import { OperatorSettings } from './operator-settings';

/** Scheduling and sizing of one component's pods. */
export interface ComponentProps {
  /** Replicas. @default 1 */
  readonly replicaCount?: number;
  /** Container resources. @default - none */
  readonly resources?: ResourceRequirements;
  /** Node selector. @default - none */
  readonly nodeSelector?: Record<string, string>;
  /** Tolerations. @default - none */
  readonly tolerations?: readonly Toleration[];
  /** Affinity. @default - none */
  readonly affinity?: k8s.Affinity;
  /** Pod annotations. @default - none */
  readonly podAnnotations?: Record<string, string>;
  /** Image pull policy (the tag follows the chart's appVersion and is not set). @default 'IfNotPresent' */
  readonly imagePullPolicy?: ImagePullPolicy;
}

/** The operator's own chart values besides `settings`. */
export interface OperatorComponentProps extends ComponentProps {
  /** Labels added to all the operator's resources (newer charts). @default - none */
  readonly customLabels?: Record<string, string>;
  /** Create a Prometheus-operator ServiceMonitor. @default false */
  readonly serviceMonitor?: boolean;
  /** Watch only the release namespace. @default true */
  readonly watchOnlyReleaseNamespace?: boolean;
  /** Namespaces to watch when not only the release namespace; empty means all. @default [] */
  readonly watchNamespaces?: readonly string[];
  /** Namespace-scoped RBAC; set false for a cluster-wide watch. @default true */
  readonly limitRbac?: boolean;
}

/** A Qdrant Private Cloud operator stack: its charts, registry, components and settings. */
export interface QdrantOperatorProps {
  /** Namespace of the operator (and, by default, of the clusters it watches). */
  readonly namespace: string;
  /** Version of the `qdrant-private-cloud` chart, e.g. `1.9.6`. */
  readonly chartVersion: string;
  /** Version of the `qdrant-kubernetes-api` CRD chart. @default - from the Private Cloud compatibility table */
  readonly crdChartVersion?: string;
  /** How the charts reach the cluster. */
  readonly delivery: Delivery;
  /** Credentials for `registry.cloud.qdrant.io` (`username` and `password`, as Qdrant hands them out); becomes `qdrant-registry-creds`. @default - required unless a mirror is set */
  readonly registryCredentials?: SecretSource;
  /** Pull every image and chart from this mirror. @default - the QdrantApp's mirror, else none */
  readonly mirror?: ImageMirror;
  /** Emit the Namespace object. @default true */
  readonly createNamespace?: boolean;
  /** Operator pod settings and watch scope. @default - chart defaults */
  readonly operator?: OperatorComponentProps;
  /** qdrant-cluster-manager pod settings. @default - chart defaults */
  readonly clusterManager?: ComponentProps;
  /** qdrant-cluster-exporter pod settings. @default - chart defaults */
  readonly clusterExporter?: ComponentProps;
  /** The operator's `settings:` tree, typed. @default - operator defaults */
  readonly settings?: OperatorSettings;
  /** Settings keys the library does not know yet, added to `settings:` with a warning; keys set by typed props are refused. @default - none */
  readonly extraSettings?: Values;
  /** Further chart values, added with a warning; keys set by typed props are refused. @default - none */
  readonly extraValues?: Values;
  /** StorageClass and VolumeSnapshotClass of the clusters: emitted first, or checked; the settings point at them. @default - cluster defaults, unchecked */
  readonly storage?: StorageProps;
  /** PodMonitors, a NetworkPolicy for Prometheus and the alert pack (needs prometheus-operator). @default - no monitoring objects */
  readonly monitoring?: MonitoringProps;
}

/** Every key of QdrantOperatorProps, for refusing unknown ones at run time. */
export const OPERATOR_PROP_KEYS = propKeys<QdrantOperatorProps>({
  namespace: true, chartVersion: true, crdChartVersion: true, delivery: true, registryCredentials: true, mirror: true,
  createNamespace: true, operator: true, clusterManager: true, clusterExporter: true, settings: true, extraSettings: true,
  extraValues: true, storage: true, monitoring: true,
});

const COMPONENT_KEYS = {
  replicaCount: true, resources: true, nodeSelector: true, tolerations: true, affinity: true, podAnnotations: true, imagePullPolicy: true,
} as const;

/** Every key of ComponentProps. */
export const COMPONENT_PROP_KEYS = propKeys<ComponentProps>(COMPONENT_KEYS);

/** Every key of OperatorComponentProps. */
export const OPERATOR_COMPONENT_PROP_KEYS = propKeys<OperatorComponentProps>({
  ...COMPONENT_KEYS, customLabels: true, serviceMonitor: true, watchOnlyReleaseNamespace: true, watchNamespaces: true, limitRbac: true,
});
