import { ApiObject, Chart, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { QDRANT_HTTP_PORT } from '../core/network';
import { DeliveredStack, Delivery, DeliveryStage } from '../delivery/delivery';
import {
  PodMonitor, PodMonitorSpecPodMetricsEndpoints, PodMonitorSpecPodMetricsEndpointsScheme, PodMonitorSpecSelector, PrometheusRule, PrometheusRuleSpecGroupsRulesExpr,
} from '../../imports/monitoring.coreos.com';
import { fail } from '../core/errors';
import { NamedRule, warnRule } from '../core/policy';
import { qdrantAlertRules } from './alert-rules';
import { MonitoringProps, ScrapeKeyReference } from './monitoring-props';
import { checkMonitoring } from './monitoring-shape';
import { SNAPSHOT_METRICS_FILE, snapshotAlertRules, snapshotMetricsConfig } from './snapshot-metrics';

/** Metrics ports (qdrant-facts.md §9): databases on their REST port, operator 9290, agent 9090. Never the P2P port. */
const DATABASE_METRICS_PORT = QDRANT_HTTP_PORT;
const OPERATOR_METRICS_PORT = 9290;
const AGENT_METRICS_PORT = 9090;

/** The monitoring warning rules. */
export const MONITORING_WARNINGS = {
  tlsScrapeNeedsCa: {
    id: 'tls-scrape-needs-ca',
    doc: 'A cluster serving TLS is scraped over HTTPS only with the CA that signed its certificate; without tls.ca it is left out rather than failing forever.',
  },
} as const satisfies Record<string, NamedRule>;

/** What kind of stack is monitored, and where its databases run. */
export interface MonitoredStack {
  readonly kind: 'hybrid' | 'operator';
  readonly namespace: string;
  /** Namespaces of its databases, or 'all'. */
  readonly databaseNamespaces: readonly string[] | 'all';
}

/** A declared cluster a scrape config is made for (a QdrantCluster is one). */
export interface MonitoredCluster {
  readonly clusterId: string;
  readonly name: string;
  readonly namespace: string;
  /** The Secret and key of its API key. */
  readonly _apiKeyRef?: ScrapeKeyReference;
  /** The database serves TLS. */
  readonly hasTls: boolean;
  /** The Secret and key of the CA that signed its certificate. */
  readonly _tlsCaRef?: ScrapeKeyReference;
}

/** How Prometheus reaches a database that serves TLS: the CA that signed its certificate, and the name it verifies. */
interface ScrapeTls {
  readonly ca: ScrapeKeyReference;
  readonly serverName: string;
}

/**
 * The monitoring objects of one stack. In Hybrid, the agent creates the clusters, so one
 * PodMonitor covers every database in the namespace; with an operator, each declared
 * cluster gets its own, authenticated with its own API key.
 *
 * The stack's objects go where its delivery puts monitoring: under Argo CD with the custom
 * resources (wave 3, or the `<id>-clusters` folder of a remote destination, where a missing
 * prometheus-operator CRD blocks that folder and not the stack's Namespace, Secrets or
 * charts); under Flux in the stack folder, as before. A declared cluster's scrape objects go
 * with that cluster.
 */
export class StackMonitoring {
  private readonly props: MonitoringProps;
  /** The chart the monitoring objects go to. */
  private readonly scope: Chart;
  /** Ids of the clusters declared in code, which the Hybrid namespace-wide scrape leaves out. */
  private readonly declared: string[] = [];

  /** `chart`: the stack's own chart (errors name it); the objects go where its delivery puts monitoring (`_monitoringScope`). */
  constructor(private readonly chart: DeliveredStack, private readonly delivery: Delivery, props: MonitoringProps, private readonly stack: MonitoredStack) {
    checkMonitoring(chart, 'monitoring', props);
    if (props.snapshotAlerts && props.alertRules === false) {
      fail(chart, 'monitoring.snapshotAlerts', props.snapshotAlerts, 'no snapshot alerts with alertRules: false (they are part of the PrometheusRule)');
    }
    if (props.databaseApiKey && stack.kind === 'operator') {
      fail(chart, 'monitoring.databaseApiKey', props.databaseApiKey, 'leave it unset for a QdrantOperator: each cluster declared with addCluster is scraped with its own apiKey');
    }
    this.props = props;
    this.scope = delivery._monitoringScope(chart, stack.namespace);
    const scope = this.scope;
    const ns = stack.namespace;
    this.podMonitor(scope, 'operator-monitor', 'qdrant-operator', ns,
      { matchLabels: { ...props.operatorPodLabels ?? { 'app.kubernetes.io/name': 'operator' } } }, OPERATOR_METRICS_PORT);
    if (stack.kind === 'hybrid') {
      this.podMonitor(scope, 'agent-monitor', 'qdrant-cloud-agent', ns,
        { matchLabels: { ...props.agentPodLabels ?? { 'app.kubernetes.io/name': 'qdrant-cloud-agent' } } }, AGENT_METRICS_PORT);
      this.databaseScrape(scope, 'databases', 'qdrant-databases', ns, { app: 'qdrant' }, props.databaseApiKey, undefined, this.declared);
    }
    if (props.alertRules ?? true) this.alertRules();
  }

  /**
   * The scrape objects of a declared cluster, in the chart its custom resources go to,
   * scraped the way it serves: its own API key, and over TLS with its CA. In Hybrid the
   * namespace-wide scrape leaves it out (it would use plain HTTP and the Console's key).
   */
  public addCluster(scope: Chart, cluster: MonitoredCluster): void {
    this.declared.push(cluster.clusterId);
    if (cluster.hasTls && !cluster._tlsCaRef) {
      // Without the CA, Prometheus cannot verify the certificate; a scrape would fail forever and fire QdrantMetricsDown.
      warnRule(scope, MONITORING_WARNINGS.tlsScrapeNeedsCa, `cluster ${cluster.clusterId} serves TLS without tls.ca: it is not scraped (no PodMonitor); ` +
        'give tls.ca, the CA that signed its certificate, and it is scraped over HTTPS');
      return;
    }
    const tls = cluster._tlsCaRef ? { ca: cluster._tlsCaRef, serverName: `${cluster.name}.${cluster.namespace}.svc` } : undefined;
    this.databaseScrape(scope, `${cluster.clusterId}-metrics`, `${cluster.name}-metrics`, cluster.namespace,
      { 'app': 'qdrant', 'cluster-id': cluster.clusterId }, cluster._apiKeyRef, tls);
  }

  /** The kube-state-metrics configuration the snapshot alerts need. */
  public sideFiles(): Record<string, string> {
    return this.props.snapshotAlerts ? { [SNAPSHOT_METRICS_FILE]: snapshotMetricsConfig() } : {};
  }

  public readmeNotes(): string[] {
    const p = this.props;
    const where = this.scope === this.chart ? '' : ` Its objects are in the folder \`${this.scope.node.id}\`, with the custom resources.`;
    return [
      `Monitoring (needs prometheus-operator): PodMonitors for the operator (${OPERATOR_METRICS_PORT})${this.stack.kind === 'hybrid' ? `, the agent (${AGENT_METRICS_PORT}) and every database in the namespace` : ', and each declared cluster'} (/metrics on ${DATABASE_METRICS_PORT}; a cluster declared in code with its own API key, and over HTTPS with its CA when it serves TLS); Prometheus in \`${p.prometheusNamespace}\` is admitted to port ${DATABASE_METRICS_PORT}.${where}`,
      ...(p.alertRules ?? true ? ['Alerts: PrometheusRule `qdrant-alerts` (the README of the library explains each alert).'] : []),
      ...(p.snapshotAlerts ? [`Snapshot alerts need kube-state-metrics configured with \`${SNAPSHOT_METRICS_FILE}\` (not applied by GitOps).`] : []),
    ];
  }

  /**
   * A PodMonitor for the databases, and the NetworkPolicy admitting Prometheus to their
   * port 6333 only. `except`: ids of clusters scraped by monitors of their own, read when
   * the app renders (clusters are declared after the stack).
   */
  private databaseScrape(scope: Chart, id: string, name: string, namespace: string, podLabels: Record<string, string>,
    apiKey?: ScrapeKeyReference, tls?: ScrapeTls, except?: readonly string[]): void {
    const matchExpressions = except && Lazy.any({
      produce: () => (except.length ? [{ key: 'cluster-id', operator: 'NotIn', values: [...except].sort() }] : undefined),
    });
    this.podMonitor(scope, id, name, namespace, { matchLabels: { ...podLabels }, matchExpressions }, DATABASE_METRICS_PORT, apiKey, tls);
    const policy = new k8s.KubeNetworkPolicy(scope, `${id}-allow-prometheus`, {
      metadata: { name: `${name}-allow-prometheus`, namespace },
      spec: {
        podSelector: { matchLabels: { ...podLabels } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': this.props.prometheusNamespace } } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(DATABASE_METRICS_PORT) }],
        }],
      },
    });
    this.stage(policy);
  }

  private podMonitor(scope: Chart, id: string, name: string, namespace: string, selector: PodMonitorSpecSelector, port: number,
    apiKey?: ScrapeKeyReference, tls?: ScrapeTls): void {
    const endpoint: PodMonitorSpecPodMetricsEndpoints = {
      portNumber: port,
      path: '/metrics',
      interval: this.props.scrapeInterval ?? '30s',
      // A database with TLS serves HTTPS only, on the same port.
      scheme: tls ? PodMonitorSpecPodMetricsEndpointsScheme.HTTPS : undefined,
      tlsConfig: tls ? { ca: { secret: { name: tls.ca.secretName, key: tls.ca.key ?? 'ca.crt' } }, serverName: tls.serverName } : undefined,
      // Qdrant reads the key from `api-key` or `Authorization: Bearer` (qdrant/qdrant src/common/auth/mod.rs, AuthKeys::extract_key).
      authorization: apiKey ? { type: 'Bearer', credentials: { name: apiKey.secretName, key: apiKey.key ?? 'api-key' } } : undefined,
    };
    this.stage(new PodMonitor(scope, id, {
      metadata: { name, namespace, labels: this.selectorLabels() },
      spec: { selector, podMetricsEndpoints: [endpoint] },
    }));
  }

  private alertRules(): void {
    const t = this.props.thresholds ?? {};
    const snapshots = this.props.snapshotAlerts;
    const rules = [
      ...qdrantAlertRules({
        namespaces: this.stack.databaseNamespaces,
        diskUsagePercent: t.diskUsagePercent ?? 80,
        memoryUsagePercent: t.memoryUsagePercent ?? 80,
      }),
      ...snapshots ? snapshotAlertRules(this.stack.databaseNamespaces, snapshots.maxAgeHours ?? 25) : [],
    ];
    this.stage(new PrometheusRule(this.scope, 'alerts', {
      metadata: { name: 'qdrant-alerts', namespace: this.stack.namespace, labels: this.selectorLabels() },
      spec: {
        groups: [{
          name: 'qdrant',
          rules: rules.map((r) => ({
            alert: r.alert,
            expr: PrometheusRuleSpecGroupsRulesExpr.fromString(r.expr),
            for: r.for,
            labels: { severity: r.severity },
            annotations: { summary: r.summary },
          })),
        }],
      },
    }));
  }

  private selectorLabels(): Record<string, string> | undefined {
    return this.props.selectorLabels ? { ...this.props.selectorLabels } : undefined;
  }

  /** Monitoring objects go with the stack's custom resources; losing one loses no data, so they prune normally. */
  private stage(obj: ApiObject): void {
    this.delivery._stage(obj, DeliveryStage.CUSTOM_RESOURCES);
  }
}
