/** Where an API key for scraping lives: a Secret in the namespace of the databases. */
export interface ScrapeKeyReference {
  /** Secret name. */
  readonly secretName: string;
  /** Key in the Secret. @default 'api-key' */
  readonly key?: string;
}

/** Alert thresholds of the PrometheusRule pack. */
export interface AlertThresholds {
  /** Alert when a database volume is fuller than this percentage. @default 80 */
  readonly diskUsagePercent?: number;
  /** Alert when a database pod uses more than this percentage of its memory limit. @default 80 */
  readonly memoryUsagePercent?: number;
}

/** Alerts on snapshots, from kube-state-metrics' custom-resource-state metrics. */
export interface SnapshotAlerts {
  /** Hours a snapshot schedule may go without a successful snapshot. @default 25 (a daily schedule and an hour's slack) */
  readonly maxAgeHours?: number;
}

/**
 * Monitoring as code for one stack: PodMonitors for the databases (`/metrics` on 6333),
 * the operator (9290) and, in Hybrid, the agent (9090), a NetworkPolicy that admits the
 * Prometheus namespace to port 6333 of the databases, and a PrometheusRule pack. Needs
 * the prometheus-operator CRDs (PodMonitor, PrometheusRule) in the cluster.
 */
export interface MonitoringProps {
  /** Namespace Prometheus runs in; admitted to the databases' port 6333. */
  readonly prometheusNamespace: string;
  /** Labels Prometheus selects PodMonitors and PrometheusRules by (its podMonitorSelector and ruleSelector), e.g. `{ release: 'kube-prometheus-stack' }`. @default - none */
  readonly selectorLabels?: Record<string, string>;
  /** Scrape interval. @default '30s' */
  readonly scrapeInterval?: string;
  /**
   * API key for scraping databases the library does not declare (Hybrid clusters created
   * in Qdrant Cloud). Clusters declared with `addCluster` are scraped with their own key.
   * @default - scraped without a key
   */
  readonly databaseApiKey?: ScrapeKeyReference;
  /** Labels of the operator pods. @default { 'app.kubernetes.io/name': 'operator' } */
  readonly operatorPodLabels?: Record<string, string>;
  /** Labels of the agent pod (Hybrid). @default { 'app.kubernetes.io/name': 'qdrant-cloud-agent' } */
  readonly agentPodLabels?: Record<string, string>;
  /** Emit the PrometheusRule pack. @default true */
  readonly alertRules?: boolean;
  /** Thresholds of the alerts. @default - 80 % disk, 80 % memory */
  readonly thresholds?: AlertThresholds;
  /**
   * Alert on failed and overdue scheduled snapshots. kube-state-metrics sees snapshots only
   * with the custom-resource-state configuration the folder then carries
   * (`kube-state-metrics-qdrant-snapshots.yaml`). @default - no snapshot alerts
   */
  readonly snapshotAlerts?: SnapshotAlerts;
}
