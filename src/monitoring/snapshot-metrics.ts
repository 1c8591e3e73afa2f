import { stringify } from 'yaml';
import { AlertRule } from './alert-rules';

/** File the stack folder carries: the kube-state-metrics configuration that makes snapshot status visible. */
export const SNAPSHOT_METRICS_FILE = 'kube-state-metrics-qdrant-snapshots.yaml';
const PREFIX = 'qdrant_snapshot';

/**
 * kube-state-metrics does not export QdrantClusterSnapshot objects by itself; its
 * custom-resource-state configuration (`--custom-resource-state-config-file`, KSM >= 2.9)
 * does. The operator keeps Failed snapshots for `retainUnsuccessful` (72h) and sets
 * `status.phase` to Running, Skipped, Failed or Succeeded (qdrant-facts.md §7.3, §5.3).
 */
export function snapshotMetricsConfig(): string {
  const resource = {
    groupVersionKind: { group: 'qdrant.io', version: 'v1', kind: 'QdrantClusterSnapshot' },
    metricNamePrefix: PREFIX,
    labelsFromPath: {
      name: ['metadata', 'name'],
      namespace: ['metadata', 'namespace'],
      cluster_id: ['spec', 'cluster-id'],
      schedule: ['spec', 'scheduleShortId'],
    },
    metrics: [
      {
        name: 'status_phase',
        help: 'Phase of a QdrantClusterSnapshot',
        each: { type: 'StateSet', stateSet: { labelName: 'phase', path: ['status', 'phase'], list: ['Running', 'Skipped', 'Failed', 'Succeeded'] } },
      },
      {
        name: 'created_timestamp_seconds',
        help: 'spec.creation-timestamp of a QdrantClusterSnapshot (Unix epoch, as the operator writes it)',
        each: { type: 'Gauge', gauge: { path: ['spec', 'creation-timestamp'] } },
      },
    ],
  };
  return [
    '# kube-state-metrics custom-resource-state configuration for QdrantClusterSnapshot; not applied by GitOps.',
    '# Give it to kube-state-metrics (--custom-resource-state-config-file, or the kube-prometheus-stack value',
    '# kube-state-metrics.customResourceState) and let it list and watch qdrantclustersnapshots.qdrant.io.',
    stringify({ kind: 'CustomResourceStateMetrics', spec: { resources: [resource] } }).trimEnd(),
    '',
  ].join('\n');
}

/**
 * `spec.creation-timestamp` is an int64 "expressed in Unix epoch format" (the CRD and
 * `qdrant/kubernetes-api` api/v1/qdrantclustersnapshot_types.go); no source says whether in
 * seconds or milliseconds. The alert takes either: a value above 1e11 (year 5138 in
 * seconds, 1973 in milliseconds) is milliseconds.
 */
const MILLISECONDS_ABOVE = '1e11';

/** The snapshot alerts, on the metrics the configuration above defines. */
export function snapshotAlertRules(namespaces: readonly string[] | 'all', maxAgeHours: number): AlertRule[] {
  const ns = namespaces === 'all' ? '' : `namespace=~"${namespaces.join('|')}", `;
  const source = `kube-state-metrics custom-resource-state (${SNAPSHOT_METRICS_FILE})`;
  const created = `${PREFIX}_created_timestamp_seconds{${ns}schedule!=""}`;
  return [
    {
      alert: 'QdrantSnapshotFailed',
      expr: `${PREFIX}_status_phase{${ns}phase="Failed"} == 1`,
      for: '1m', severity: 'warning', source,
      summary: 'A Qdrant snapshot failed (it stays listed for retainUnsuccessful, 72h by default): check the operator log and the VolumeSnapshotClass.',
    },
    {
      alert: 'QdrantScheduledSnapshotMissing',
      expr: `time() - max by (namespace, cluster_id, schedule) ((${created} < ${MILLISECONDS_ABOVE} or ${created} / 1000) and on (namespace, name) (${PREFIX}_status_phase{phase="Succeeded"} == 1)) > ${maxAgeHours * 3600}`,
      for: '10m', severity: 'warning', source,
      summary: `A snapshot schedule has had no successful snapshot for ${maxAgeHours} hours.`,
    },
  ];
}
