import { parser } from '@prometheus-io/lezer-promql';
import { Construct } from 'constructs';
import { ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, QdrantApp, QdrantClusterProps, QdrantOperator, SecretSource } from '../src';
import { parse } from 'yaml';
import { qdrantAlertRules } from '../src/monitoring/alert-rules';
import { snapshotAlertRules } from '../src/monitoring/snapshot-metrics';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { CLUSTER_ID as CLUSTER, clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';
import { findObject, testApp } from './support/synth';

const cluster = clusterProps({ size: 3, apiKey: SecretSource.existing('db-keys') });
const MONITORING = { prometheusNamespace: 'monitoring', selectorLabels: { release: 'kube-prometheus-stack' } };

const region = (props: Partial<HybridRegionProps>) => hybridRegion(testApp(), { delivery: new ArgoCdDelivery(), ...props }, 'eu');

/** Every syntax error node of a PromQL expression (Lezer marks them ⚠). */
function promqlErrors(expr: string): number[] {
  const at: number[] = [];
  parser.parse(expr).iterate({ enter: (n) => { if (n.type.isError) at.push(n.from); } });
  return at;
}
const metricNames = (expr: string) => [...expr.matchAll(/\b([a-z_]+)(?=\{)/g)].map((m) => m[1]);

describe('monitoring of a Hybrid region', () => {
  const r = region({ monitoring: { ...MONITORING, databaseApiKey: { secretName: 'qdrant-api-key' } } });
  const objects = r.toJson();

  test('scrapes the agent on 9090, the operator on 9290 and the databases on 6333 with the API key; never 6335', () => {
    // THEN
    const endpoint = (name: string) => findObject(objects, 'PodMonitor', name, 'qdrant').spec.podMetricsEndpoints[0];
    expect(endpoint('qdrant-cloud-agent')).toMatchObject({ portNumber: 9090, path: '/metrics' });
    expect(endpoint('qdrant-operator')).toMatchObject({ portNumber: 9290 });
    expect(endpoint('qdrant-databases')).toEqual({
      portNumber: 6333, path: '/metrics', interval: '30s',
      authorization: { type: 'Bearer', credentials: { name: 'qdrant-api-key', key: 'api-key' } },
    });
    expect(JSON.stringify(objects)).not.toContain('6335');
    expect(findObject(objects, 'PodMonitor', 'qdrant-databases').metadata.labels).toEqual({ release: 'kube-prometheus-stack' });
  });

  test('admits only the Prometheus namespace, only to port 6333 of the databases', () => {
    const policy = findObject(objects, 'NetworkPolicy', 'qdrant-databases-allow-prometheus', 'qdrant');
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { app: 'qdrant' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 6333 }] }],
    });
  });

  test('every object validates strictly and is ordered after the controllers', () => {
    const monitoring = objects.filter((o: any) => ['PodMonitor', 'PrometheusRule', 'NetworkPolicy'].includes(o.kind));
    expect(monitoring).toHaveLength(5);
    expect(schemaErrors(monitoring)).toEqual([]);
    for (const o of monitoring) expect(o.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('3');
  });

  test('the alert pack is scoped to the region namespace, with typed thresholds', () => {
    // GIVEN
    const custom = region({ monitoring: { ...MONITORING, thresholds: { diskUsagePercent: 70, memoryUsagePercent: 90 } } }).toJson();
    // THEN
    const rules = findObject(custom, 'PrometheusRule', 'qdrant-alerts', 'qdrant').spec.groups[0].rules;
    const byName = Object.fromEntries(rules.map((x: any) => [x.alert, x]));
    expect(byName.QdrantDiskUsageHigh.expr).toMatch(/namespace=~"qdrant".* > 70$/);
    expect(byName.QdrantMemoryUsageHigh.expr).toMatch(/ > 90$/);
    expect(rules.every((x: any) => ['warning', 'critical'].includes(x.labels.severity) && x.annotations.summary)).toBe(true);
  });

  test('alertRules: false leaves the PrometheusRule out; a bad threshold is refused', () => {
    expect(region({ monitoring: { ...MONITORING, alertRules: false } }).toJson().some((o: any) => o.kind === 'PrometheusRule')).toBe(false);
    expect(configErrorOf(() => region({ monitoring: { ...MONITORING, thresholds: { diskUsagePercent: 120 } } })).message)
      .toMatch(/monitoring.thresholds.diskUsagePercent: got 120/);
    expect(configErrorOf(() => region({ monitoring: { prometheusNamespace: 'Monitoring' } })).message).toMatch(/monitoring.prometheusNamespace: got "Monitoring"/);
  });
});

describe('monitoring of a Private Cloud operator', () => {
  test('each declared cluster gets its own PodMonitor and NetworkPolicy, authenticated with its own API key, in the clusters folder with the operator\'s monitor and alerts', () => {
    // GIVEN
    const pc = privateCloudOperator(testApp(), { delivery: new FluxDelivery(), monitoring: MONITORING });
    // WHEN
    pc.addCluster('db', cluster);
    // THEN
    const clusters = pc.customResourceScope.toJson();
    const monitor = findObject(clusters, 'PodMonitor', `qdrant-${CLUSTER}-metrics`, 'qdrant');
    expect(monitor.spec.selector.matchLabels).toEqual({ 'app': 'qdrant', 'cluster-id': CLUSTER });
    expect(monitor.spec.podMetricsEndpoints[0].authorization.credentials).toEqual({ name: 'db-keys', key: 'api-key' });
    findObject(clusters, 'NetworkPolicy', `qdrant-${CLUSTER}-metrics-allow-prometheus`, 'qdrant');
    // Under Flux the stack's own monitor and alerts stay in the stack folder (the folder a stack without clusters is
    // applied from); each cluster's scrape goes with the cluster.
    expect(clusters.filter((o: any) => o.kind === 'PodMonitor').map((o: any) => o.metadata.name)).toEqual([`qdrant-${CLUSTER}-metrics`]);
    expect(pc.toJson().filter((o: any) => ['PodMonitor', 'PrometheusRule'].includes(o.kind)).map((o: any) => `${o.kind}/${o.metadata.name}`))
      .toEqual(['PodMonitor/qdrant-operator', 'PrometheusRule/qdrant-alerts']);
    expect(schemaErrors([...pc.toJson(), ...clusters])).toEqual([]);
  });
});

/** Both hosts of a declared cluster: an operator and (acknowledged) a Hybrid region, each monitored. */
const HOSTS = {
  QdrantOperator: (props: QdrantClusterProps) => {
    const pc = privateCloudOperator(testApp(), { monitoring: MONITORING });
    pc.addCluster('db', props);
    return pc;
  },
  HybridRegion: (props: QdrantClusterProps) => {
    const r = region({ monitoring: { ...MONITORING, databaseApiKey: { secretName: 'console-key' } } });
    r.addCluster('db', props, { agentOwnsClustersAcknowledged: true });
    return r;
  },
};
const warningsOf = (chart: Construct) =>
  chart.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'cdk8s-qdrant:warning').map((m) => String(m.data)));

describe.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])('a declared cluster with TLS and an API key, under %s', (host) => {
  test('is scraped the way it serves: HTTPS verified with its CA and the Service name, its own API key', () => {
    // GIVEN a cluster serving TLS with its CA, and an API key
    const chart = HOSTS[host]({ ...cluster, tls: { certificate: SecretSource.existing('db-tls'), ca: SecretSource.existing('db-ca') } });
    // WHEN it is rendered
    const objects = chart.toJson();
    // THEN its own PodMonitor scrapes HTTPS with the CA Secret and the cluster's key
    expect(findObject(objects, 'PodMonitor', `qdrant-${CLUSTER}-metrics`, 'qdrant').spec.podMetricsEndpoints).toEqual([{
      portNumber: 6333, path: '/metrics', interval: '30s', scheme: 'https',
      tlsConfig: { ca: { secret: { name: 'db-ca', key: 'ca.crt' } }, serverName: `qdrant-${CLUSTER}.qdrant.svc` },
      authorization: { type: 'Bearer', credentials: { name: 'db-keys', key: 'api-key' } },
    }]);
    // AND no plain-HTTP monitor selects it (the Hybrid namespace-wide one leaves declared clusters out)
    const others = objects.filter((o: any) => o.kind === 'PodMonitor' && o.metadata.name !== `qdrant-${CLUSTER}-metrics` && o.spec.selector.matchLabels.app === 'qdrant');
    for (const m of others) expect(m.spec.selector.matchExpressions).toEqual([{ key: 'cluster-id', operator: 'NotIn', values: [CLUSTER] }]);
    expect(others).toHaveLength(host === 'HybridRegion' ? 1 : 0);
    expect(warningsOf(chart).join('\n')).not.toContain('not scraped');
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('without its CA it is left out, with the same warning under both hosts', () => {
    // GIVEN a cluster serving TLS without tls.ca
    const chart = HOSTS[host]({ ...cluster, tls: { certificate: SecretSource.existing('db-tls') } });
    // THEN it has no scrape of its own, no plain-HTTP scrape selects it, and the warning says what to give
    const objects = chart.toJson();
    expect(objects.filter((o: any) => o.kind === 'PodMonitor' && o.metadata.name === `qdrant-${CLUSTER}-metrics`)).toEqual([]);
    for (const m of objects.filter((o: any) => o.kind === 'PodMonitor' && o.spec.selector.matchLabels.app === 'qdrant')) {
      expect(m.spec.selector.matchExpressions).toEqual([{ key: 'cluster-id', operator: 'NotIn', values: [CLUSTER] }]);
    }
    expect(warningsOf(chart)).toContain(`cluster ${CLUSTER} serves TLS without tls.ca: it is not scraped (no PodMonitor); give tls.ca, the CA that signed its certificate, and it is scraped over HTTPS [rule tls-scrape-needs-ca]`);
  });
});

test('GIVEN a QdrantOperator WHEN monitoring names a databaseApiKey THEN it is refused: declared clusters bring their own key', () => {
  const build = () => privateCloudOperator(testApp(), { delivery: new FluxDelivery(), monitoring: { ...MONITORING, databaseApiKey: { secretName: 'keys' } } });
  expect(configErrorOf(build).message).toMatch(/monitoring.databaseApiKey: .*each cluster declared with addCluster is scraped with its own apiKey/);
});

describe('the alert pack', () => {
  const rules = qdrantAlertRules({ namespaces: ['a', 'b'], diskUsagePercent: 80, memoryUsagePercent: 80 });

  test.each(rules.map((r) => [r.alert, r.expr]))('%s parses as PromQL', (_alert, expr) => {
    expect(promqlErrors(expr)).toEqual([]);
  });

  test('the parser check catches a broken expression (control)', () => {
    expect(promqlErrors('sum by (pod (up')).not.toEqual([]);
  });

  test('uses only metric names Qdrant, kube-state-metrics, the kubelet or Prometheus export, and never the P2P port', () => {
    const known = new Set([
      'kube_pod_status_ready', 'kube_node_status_condition', 'kube_pod_info', 'kube_pod_container_resource_limits',
      'kube_statefulset_status_replicas_ready', 'kube_statefulset_replicas', // kube-state-metrics
      'kubelet_volume_stats_used_bytes', 'kubelet_volume_stats_capacity_bytes', 'container_memory_working_set_bytes', // kubelet / cAdvisor
      'cluster_pending_operations_total', // Qdrant
      'up', // Prometheus
    ]);
    for (const r of rules) for (const name of metricNames(r.expr)) expect(known).toContain(name);
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining(['QdrantPodNotReady', 'QdrantNodeNotReady', 'QdrantDiskUsageHigh', 'QdrantMemoryUsageHigh', 'QdrantClusterNotReady']));
  });

  test('with a cluster-wide watch the pack matches database pods in every namespace', () => {
    const wide = qdrantAlertRules({ namespaces: 'all', diskUsagePercent: 80, memoryUsagePercent: 80 });
    expect(wide.every((r) => !r.expr.includes('namespace=~'))).toBe(true);
    expect(wide.every((r) => promqlErrors(r.expr).length === 0)).toBe(true);
  });
});

describe('snapshot alerts', () => {
  test('GIVEN snapshotAlerts WHEN synthesised THEN the rule pack has them and the folder carries the kube-state-metrics configuration defining their metrics', () => {
    // GIVEN
    const r = region({ monitoring: { ...MONITORING, snapshotAlerts: { maxAgeHours: 49 } } });
    // WHEN
    const rules = findObject(r.toJson(), 'PrometheusRule', 'qdrant-alerts').spec.groups[0].rules;
    const config = parse(r.sideFiles()['kube-state-metrics-qdrant-snapshots.yaml']);
    // THEN
    const missing = rules.find((x: any) => x.alert === 'QdrantScheduledSnapshotMissing');
    expect(missing.expr).toMatch(/> 176400$/);
    const resource = config.spec.resources[0];
    expect(config.kind).toBe('CustomResourceStateMetrics');
    expect(resource.groupVersionKind).toEqual({ group: 'qdrant.io', version: 'v1', kind: 'QdrantClusterSnapshot' });
    const defined = new Set(resource.metrics.map((m: any) => `${resource.metricNamePrefix}_${m.name}`));
    for (const rule of rules.filter((x: any) => /Snapshot/.test(x.alert))) {
      for (const name of metricNames(rule.expr)) expect(defined).toContain(name);
    }
    expect(r.readmeNotes().join('\n')).toContain('kube-state-metrics-qdrant-snapshots.yaml');
  });

  test('without snapshotAlerts there is no side file and no snapshot rule', () => {
    const r = region({ monitoring: MONITORING });
    expect(Object.keys(r.sideFiles())).not.toContain('kube-state-metrics-qdrant-snapshots.yaml');
    expect(findObject(r.toJson(), 'PrometheusRule', 'qdrant-alerts').spec.groups[0].rules.some((x: any) => /Snapshot/.test(x.alert))).toBe(false);
  });

  test('snapshot alerts with alertRules: false are refused', () => {
    expect(configErrorOf(() => region({ monitoring: { ...MONITORING, alertRules: false, snapshotAlerts: {} } })).message)
      .toMatch(/monitoring.snapshotAlerts: .*no snapshot alerts with alertRules: false/);
  });

  test.each(snapshotAlertRules(['qdrant'], 25).map((r) => [r.alert, r.expr]))('%s parses as PromQL', (_alert, expr) => {
    expect(promqlErrors(expr)).toEqual([]);
  });
});

test('a Flux region with monitoring keeps one folder: no -entry or -clusters folder appears', () => {
  // GIVEN a Flux region (no clusters of its own) with monitoring
  const r = region({ delivery: new FluxDelivery(), monitoring: MONITORING });
  // WHEN / THEN its monitoring objects are in its own folder, and it has no other
  const folders = (r.node.root as QdrantApp).render();
  expect(folders.map((f) => f.folder)).toEqual(['eu']);
  expect(folders[0].objects.filter((o: any) => o.kind === 'PrometheusRule').map((o: any) => o.metadata.name)).toEqual(['qdrant-alerts']);
});

describe('monitoring delivered by Argo CD to a remote destination', () => {
  const MONITORED = ['PodMonitor', 'PrometheusRule', 'NetworkPolicy'];
  const remote = () => new ArgoCdDelivery({ destinationName: 'e1', gitRepository: { url: 'https://git.example.com/x.git' } });
  const kindsByFolder = (stack: HybridRegion | QdrantOperator) => Object.fromEntries((stack.node.root as QdrantApp).render()
    .map((f) => [f.folder, f.objects.filter((o: any) => MONITORED.includes(o.kind)).map((o: any) => `${o.kind}/${o.metadata.name}`)]));

  test('GIVEN a region WHEN delivered to e1 THEN its monitoring objects are in <id>-clusters (the wave-3 Application), none in <id>-prerequisites', () => {
    // GIVEN
    const r = region({ delivery: remote(), monitoring: MONITORING });
    // WHEN
    const byFolder = kindsByFolder(r);
    // THEN
    expect(byFolder['eu-prerequisites']).toEqual([]);
    expect(byFolder.eu).toEqual([]);
    expect(byFolder['eu-clusters']).toEqual([
      'PodMonitor/qdrant-operator', 'PodMonitor/qdrant-cloud-agent', 'PodMonitor/qdrant-databases',
      'NetworkPolicy/qdrant-databases-allow-prometheus', 'PrometheusRule/qdrant-alerts',
    ]);
    // The Application applying eu-clusters to e1 is in wave 3, after the controllers; the prerequisites one in wave 0.
    const apps = r.toJson().filter((o: any) => o.kind === 'Application');
    const wave = (path: string) => apps.find((a: any) => a.spec.source.path === path).metadata.annotations['argocd.argoproj.io/sync-wave'];
    expect(wave('dist/eu-clusters')).toBe('3');
    expect(wave('dist/eu-prerequisites')).toBe('0');
    expect(r.readmeNotes().join('\n')).toContain('Its objects are in the folder `eu-clusters`, with the custom resources.');
  });

  test('GIVEN an operator with a declared cluster WHEN delivered to e1 THEN every monitoring object is in <id>-clusters with the QdrantCluster', () => {
    const pc = privateCloudOperator(testApp(), { delivery: remote(), monitoring: MONITORING });
    pc.addCluster('db', cluster);
    const byFolder = kindsByFolder(pc);
    expect(byFolder['pc-prerequisites']).toEqual([]);
    expect(byFolder['pc-clusters']).toEqual(expect.arrayContaining(['PodMonitor/qdrant-operator', 'PrometheusRule/qdrant-alerts', `PodMonitor/qdrant-${CLUSTER}-metrics`]));
  });
});
