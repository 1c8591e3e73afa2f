/** One alert of the pack, with where its metrics come from. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: 'warning' | 'critical';
  /** What it means, for the annotation and the README. */
  readonly summary: string;
  /** Which exporter provides the metrics, and where that is documented. */
  readonly source: string;
}

/** What the pack is scoped to. */
export interface AlertScope {
  /** Namespaces of the databases, or 'all'. */
  readonly namespaces: readonly string[] | 'all';
  readonly diskUsagePercent: number;
  readonly memoryUsagePercent: number;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Database pods are `qdrant-<cluster id>-<ordinal>` (StatefulSet `qdrant-<id>`, qdrant-facts.md §7.1): agent, operator and cluster-manager pods never match. */
const DATABASE_POD = `qdrant-${UUID}-[0-9]+`;
const DATABASE_STATEFULSET = `qdrant-${UUID}`;
/** Volume claims of a StatefulSet are `<template>-<pod>`. */
const DATABASE_CLAIM = `.+-${DATABASE_POD}`;

const KSM = 'kube-state-metrics (https://github.com/kubernetes/kube-state-metrics/tree/main/docs/metrics)';
const KUBELET = 'kubelet volume stats (https://kubernetes.io/docs/reference/instrumentation/metrics/)';
const CADVISOR = 'cAdvisor via the kubelet, container_memory_working_set_bytes (https://kubernetes.io/docs/reference/instrumentation/metrics/)';
const QDRANT = 'Qdrant /metrics (https://qdrant.tech/documentation/guides/monitoring/)';

/**
 * The alert pack. Each expression uses only metric names that Qdrant, kube-state-metrics
 * or the kubelet export (the `source` of each rule names the list it comes from).
 */
export function qdrantAlertRules(scope: AlertScope): AlertRule[] {
  const ns = scope.namespaces === 'all' ? '' : `namespace=~"${scope.namespaces.join('|')}", `;
  const pods = `${ns}pod=~"${DATABASE_POD}"`;
  return [
    {
      alert: 'QdrantPodNotReady',
      expr: `kube_pod_status_ready{${pods}, condition="true"} == 0`,
      for: '5m', severity: 'warning', source: KSM,
      summary: 'A Qdrant database pod has not been Ready for 5 minutes: the node it runs on is down, or the pod crashes or cannot start.',
    },
    {
      alert: 'QdrantNodeNotReady',
      expr: `(kube_node_status_condition{condition="Ready", status="true"} == 0) and on (node) kube_pod_info{${pods}}`,
      for: '5m', severity: 'critical', source: KSM,
      summary: 'A Kubernetes node that runs a Qdrant database pod is not Ready: its replicas are unavailable until it returns.',
    },
    {
      alert: 'QdrantMetricsDown',
      expr: `up{${pods}} == 0`,
      for: '5m', severity: 'warning', source: 'Prometheus itself (the up series of every scrape target)',
      summary: 'Prometheus cannot scrape a Qdrant database: the pod is down, the API key is wrong, or a NetworkPolicy blocks port 6333.',
    },
    {
      alert: 'QdrantDiskUsageHigh',
      expr: `100 * kubelet_volume_stats_used_bytes{${ns}persistentvolumeclaim=~"${DATABASE_CLAIM}"} / kubelet_volume_stats_capacity_bytes{${ns}persistentvolumeclaim=~"${DATABASE_CLAIM}"} > ${scope.diskUsagePercent}`,
      for: '10m', severity: 'warning', source: KUBELET,
      summary: `A Qdrant volume is more than ${scope.diskUsagePercent} % full: grow spec.resources.storage (the StorageClass must allow volume expansion) before writes fail.`,
    },
    {
      alert: 'QdrantMemoryUsageHigh',
      expr: `100 * sum by (namespace, pod) (container_memory_working_set_bytes{${pods}, container!=""}) / sum by (namespace, pod) (kube_pod_container_resource_limits{${pods}, resource="memory"}) > ${scope.memoryUsagePercent}`,
      for: '10m', severity: 'warning', source: `${CADVISOR}; ${KSM}`,
      summary: `A Qdrant pod uses more than ${scope.memoryUsagePercent} % of its memory limit: it will be OOM-killed when it reaches the limit; add memory or move vectors on disk.`,
    },
    {
      alert: 'QdrantClusterNotReady',
      expr: `kube_statefulset_status_replicas_ready{${ns}statefulset=~"${DATABASE_STATEFULSET}"} < kube_statefulset_replicas{${ns}statefulset=~"${DATABASE_STATEFULSET}"}`,
      for: '15m', severity: 'critical', source: KSM,
      summary: 'A Qdrant cluster has had fewer Ready nodes than its size for 15 minutes (a failed upgrade, a pod that cannot be scheduled, or a lost volume).',
    },
    {
      alert: 'QdrantConsensusPending',
      expr: `cluster_pending_operations_total{${pods}} > 0`,
      for: '15m', severity: 'warning', source: QDRANT,
      summary: 'A Qdrant peer has had pending consensus operations for 15 minutes: the cluster cannot agree on changes (a peer is unreachable).',
    },
  ];
}
