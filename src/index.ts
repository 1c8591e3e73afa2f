// The public API: what users import. Internal helpers (rules, tables, conversions) stay
// in their rooms; add a name here only when users need it.

// Errors
export { QdrantConfigError } from './core/errors';
export { QdrantOutputError } from './output/writer/output-error';
export type { ConfigProblem } from './core/errors';

// The app and its output
export { QdrantApp } from './output/qdrant-app';
export type { QdrantAppProps } from './output/qdrant-app';
export type { RenderedFolder } from './output/rendered-folder';
export type { ISideFileProvider } from './stack/side-files';
export { Allow } from './output/guards/allow';
export type { AllowedChange, GuardedChange } from './output/guards/allow';
export { ALLOWED_CHANGE_ANNOTATION_PREFIX } from './output/guards/guards';

// Secrets
export { PLAINTEXT_ANNOTATION, SecretSource } from './secrets/secret-source';
export type { ExternalSecretRef, ExternalSecretSourceProps, SealedSecretSourceProps, SecretOrigin } from './secrets/secret-source';

// Deliveries
export { Delivery, DeliveryStage } from './delivery/delivery';
export type { ChartRelease } from './delivery/delivery';
export { QDRANT_CHART_REPOSITORY, QDRANT_REGISTRY, REGISTRY_SECRET_NAME } from './delivery/chart-reference';
export type { ChartReference } from './delivery/chart-reference';
export { ArgoCdDelivery, SYNC_OPTIONS_ANNOTATION, SYNC_WAVE_ANNOTATION } from './delivery/argocd-delivery';
export type { ArgoCdDeliveryProps, ArgoCdGitRepository, ArgoCdSyncRetry } from './delivery/argocd-delivery';
export { FLUX_PRUNE_ANNOTATION, FluxDelivery } from './delivery/flux-delivery';
export type { FluxDeliveryProps, FluxGitRepositoryReference } from './delivery/flux-delivery';

// Image mirror
export { ImageMirror, QDRANT_IMAGE_PREFIX } from './mirror/image-mirror';
export type { ImageMirrorProps } from './mirror/image-mirror';
export type { MirrorManifest, UnpinnedTag } from './mirror/mirror-manifest';
export type { IMirrorDefault, RegistryTarget } from './mirror/registry-target';

// Hybrid Cloud region
export { AGENT_RELEASE_NAME, CLOUD_SECRET_KEY, CLOUD_SECRET_NAME, HybridRegion } from './region/hybrid-region';
export type { HybridRegionProps } from './region/hybrid-region';
export type { HybridEnvironmentSettings } from './region/environment';

// Private Cloud operator
export { CRD_CHART, CRD_RELEASE_NAME, PRIVATE_CLOUD_CHART, PRIVATE_CLOUD_RELEASE_NAME, QdrantOperator } from './operator/qdrant-operator';
export type { ComponentProps, OperatorComponentProps, QdrantOperatorProps } from './operator/operator-props';
export type {
  BackupManagementSettings, ClusterManagementSettings, ClusterManagerSettings, ControllerSettings, DatabaseDefaults, DatabaseImageDefaults,
  DatabaseStorageDefaults, EndpointSettings, FeatureSettings, IngressDefaults, KubernetesIngressSettings, ManageRulesOverrides,
  NetworkPolicySettings, OperatorSettings, ReconcilerSwitch, ScheduledSnapshotSettings, SchedulingDefaults, SecurityContextDefaults,
  SnapshotSettings, StorageClassDefaults, StoragePerformanceDefaults,
} from './operator/operator-settings';
export { PRIVATE_CLOUD_RELEASES } from './operator/compatibility';
export type { PrivateCloudRelease } from './operator/compatibility';

// Qdrant clusters
export { QdrantCluster } from './cluster/qdrant-cluster';
export type { ClusterIdentity } from './cluster/cluster-reference';
export type {
  AuditLogConfig, ClusterDatabaseConfig, ClusterGpu, ClusterImage, ClusterIngress, ClusterPause, ClusterResourceRequests, ClusterResources,
  ClusterSecurity, ClusterService, ClusterStatefulSet, ClusterStorage, ClusterStorageClassNames, ClusterTls, CollectionDefaults,
  DatabaseServiceConfig, DatabaseStorageConfig, ExistingOperator, ExtraEnvVar, ExtraVolume, ExtraVolumeClaimTemplate, ExtraVolumeMount, IngressNginxSettings, IngressTraefikSettings, QdrantClusterProps,
  PlainKubernetes, StrictModeDefaults,
} from './cluster/cluster-props';
export type { ClusterRestoreOptions, ClusterScheduledSnapshotOptions, ClusterSnapshotOptions } from './cluster/backups';
export type { AllowFromNamespacesOptions, ExtraIngressOptions, ExtraServiceOptions, QdrantPort } from './cluster/exposure';

// Storage and monitoring of a stack
export { DEFAULT_SNAPSHOT_CLASS } from './storage/storage-props';
export type { StorageClassDeclaration, StorageProps, VolumeSnapshotClassDeclaration } from './storage/storage-props';
export type { AlertThresholds, MonitoringProps, ScrapeKeyReference, SnapshotAlerts } from './monitoring/monitoring-props';

// Shared Kubernetes vocabulary of the props
export type { PodDisruptionBudget } from './core/disruption';
export { QDRANT_GRPC_PORT, QDRANT_HTTP_PORT, QDRANT_P2P_PORT } from './core/network';
export type { LabelSelector, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule } from './core/network';
export type { ComputeAmounts, ResourceRequirements } from './core/resources';
export type { Toleration, TopologySpreadConstraint } from './core/scheduling';
export type { Values } from './core/values';
// The operator's log levels are the environment's; OPERATOR_LOG_LEVELS stays for existing callers.
export { DATABASE_LOG_LEVELS, IMAGE_PULL_POLICIES, LOG_LEVELS, LOG_LEVELS as OPERATOR_LOG_LEVELS } from './core/vocabulary';
export type { DatabaseLogLevel, ImagePullPolicy, LogLevel } from './core/vocabulary';
