import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { describeObject, useShowcaseOutput } from './support/output';
import { command, toolsAvailable } from './support/tools';

/** promtool's verdict on files: its exit code and what it printed. */
function promtool(args: readonly string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('promtool', [...args], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e: any) {
    if (typeof e.status !== 'number') throw e;
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  }
}

const describeIfPromtool = toolsAvailable('promtool on the alert rules', [command('promtool', 'apt-get install prometheus')]) ? describe : describe.skip;

const UUID = '3f6d0a52-8c1e-4b7a-9d2f-61e0c5b4a387';
const POD = `qdrant-${UUID}-0`;
const OTHER_POD = `qdrant-${UUID}-1`;

/** One alert's input series and the alerts it must raise (the rule's labels and annotations added). */
interface AlertCase {
  readonly series: Record<string, string>;
  /** Labels of each alert that must fire, besides the rule's own. */
  readonly fires: Record<string, string>[];
}

/**
 * Series that make each alert fire for one object and stay quiet for another (healthy,
 * or not a database pod). `ns` is the namespace the rules watch; thresholds come from the rules.
 */
function alertCases(ns: string, threshold: (alert: string) => number): Record<string, AlertCase> {
  const at = (labels: Record<string, string>) => `{${Object.entries({ namespace: ns, ...labels }).map(([k, v]) => `${k}="${v}"`).join(', ')}}`;
  const claim = (pod: string) => `qdrant-storage-${pod}`;
  return {
    QdrantPodNotReady: {
      series: {
        [`kube_pod_status_ready${at({ pod: POD, condition: 'true' })}`]: '0x30',
        [`kube_pod_status_ready${at({ pod: OTHER_POD, condition: 'true' })}`]: '1x30',
        // The operator's pod is no database: never matched.
        [`kube_pod_status_ready${at({ pod: 'qdrant-operator-7d9f8-abcde', condition: 'true' })}`]: '0x30',
      },
      fires: [{ namespace: ns, pod: POD, condition: 'true' }],
    },
    QdrantNodeNotReady: {
      series: {
        'kube_node_status_condition{node="n1", condition="Ready", status="true"}': '0x30',
        'kube_node_status_condition{node="n2", condition="Ready", status="true"}': '1x30',
        'kube_node_status_condition{node="n3", condition="Ready", status="true"}': '0x30',
        [`kube_pod_info${at({ pod: POD, node: 'n1' })}`]: '1x30',
        [`kube_pod_info${at({ pod: OTHER_POD, node: 'n2' })}`]: '1x30',
      },
      // n3 is down, but runs no Qdrant pod.
      fires: [{ node: 'n1', condition: 'Ready', status: 'true' }],
    },
    QdrantMetricsDown: {
      series: { [`up${at({ pod: POD, job: 'qdrant' })}`]: '0x30', [`up${at({ pod: OTHER_POD, job: 'qdrant' })}`]: '1x30' },
      fires: [{ namespace: ns, pod: POD, job: 'qdrant' }],
    },
    QdrantDiskUsageHigh: {
      series: {
        [`kubelet_volume_stats_used_bytes${at({ persistentvolumeclaim: claim(POD) })}`]: `${threshold('QdrantDiskUsageHigh') + 5}x30`,
        [`kubelet_volume_stats_capacity_bytes${at({ persistentvolumeclaim: claim(POD) })}`]: '100x30',
        [`kubelet_volume_stats_used_bytes${at({ persistentvolumeclaim: claim(OTHER_POD) })}`]: `${threshold('QdrantDiskUsageHigh') - 5}x30`,
        [`kubelet_volume_stats_capacity_bytes${at({ persistentvolumeclaim: claim(OTHER_POD) })}`]: '100x30',
      },
      fires: [{ namespace: ns, persistentvolumeclaim: claim(POD) }],
    },
    QdrantMemoryUsageHigh: {
      series: {
        [`container_memory_working_set_bytes${at({ pod: POD, container: 'qdrant' })}`]: `${threshold('QdrantMemoryUsageHigh') + 5}x30`,
        [`kube_pod_container_resource_limits${at({ pod: POD, container: 'qdrant', resource: 'memory' })}`]: '100x30',
        [`container_memory_working_set_bytes${at({ pod: OTHER_POD, container: 'qdrant' })}`]: `${threshold('QdrantMemoryUsageHigh') - 5}x30`,
        [`kube_pod_container_resource_limits${at({ pod: OTHER_POD, container: 'qdrant', resource: 'memory' })}`]: '100x30',
      },
      fires: [{ namespace: ns, pod: POD }],
    },
    QdrantClusterNotReady: {
      series: {
        [`kube_statefulset_status_replicas_ready${at({ statefulset: `qdrant-${UUID}` })}`]: '2x30',
        [`kube_statefulset_replicas${at({ statefulset: `qdrant-${UUID}` })}`]: '3x30',
        [`kube_statefulset_status_replicas_ready${at({ statefulset: 'qdrant-operator' })}`]: '0x30',
        [`kube_statefulset_replicas${at({ statefulset: 'qdrant-operator' })}`]: '1x30',
      },
      fires: [{ namespace: ns, statefulset: `qdrant-${UUID}` }],
    },
    QdrantConsensusPending: {
      series: { [`cluster_pending_operations_total${at({ pod: POD })}`]: '3x30', [`cluster_pending_operations_total${at({ pod: OTHER_POD })}`]: '0x30' },
      fires: [{ namespace: ns, pod: POD }],
    },
    QdrantSnapshotFailed: {
      series: {
        [`qdrant_snapshot_status_phase${at({ name: 'snap-a', phase: 'Failed' })}`]: '1x30',
        [`qdrant_snapshot_status_phase${at({ name: 'snap-b', phase: 'Failed' })}`]: '0x30',
      },
      fires: [{ namespace: ns, name: 'snap-a', phase: 'Failed' }],
    },
  };
}

/** The snapshot-age test steps 100 days at a time up to day 20000 (in 2024), so both units look like real timestamps. */
const STEP_DAYS = 100;
const DAYS = 20000;
const NOW = DAYS * 86400;

/**
 * Four schedules: an old and a fresh last snapshot, each with `spec.creation-timestamp` in
 * seconds and in milliseconds (the unit is not documented). The old ones must fire.
 */
function snapshotAgeCase(ns: string, maxAgeSeconds: number): AlertCase {
  // Old enough one step before the end too, so that the alert's `for` has passed.
  const old = NOW - maxAgeSeconds - 2 * STEP_DAYS * 86400;
  const fresh = NOW - 3600;
  const schedules: [string, number][] = [['old-s', old], ['fresh-s', fresh], ['old-ms', old * 1000], ['fresh-ms', fresh * 1000]];
  const series: Record<string, string> = {};
  for (const [schedule, created] of schedules) {
    const labels = `namespace="${ns}", name="snap-${schedule}", cluster_id="${UUID}", schedule="${schedule}"`;
    series[`qdrant_snapshot_created_timestamp_seconds{${labels}}`] = `${created}+0x${DAYS / STEP_DAYS}`;
    series[`qdrant_snapshot_status_phase{${labels}, phase="Succeeded"}`] = `1+0x${DAYS / STEP_DAYS}`;
  }
  return { series, fires: ['old-s', 'old-ms'].map((schedule) => ({ namespace: ns, cluster_id: UUID, schedule })) };
}

/** A `promtool test rules` file: per alert, the series and the exact alerts expected at `evalTime`. */
function unitTestFile(ruleFile: string, rules: any[], cases: Record<string, AlertCase>, interval: string, evalTime: string): string {
  return stringify({
    rule_files: [ruleFile],
    evaluation_interval: interval,
    tests: Object.entries(cases).map(([alert, c]) => {
      const rule = rules.find((r) => r.alert === alert);
      return {
        interval,
        input_series: Object.entries(c.series).map(([series, values]) => ({ series, values })),
        alert_rule_test: [
          // Before `for` has passed nothing fires; at the end exactly the expected alerts do.
          { eval_time: '0m', alertname: alert, exp_alerts: [] },
          { eval_time: evalTime, alertname: alert, exp_alerts: c.fires.map((labels) => ({ exp_labels: { ...labels, ...rule.labels }, exp_annotations: rule.annotations })) },
        ],
      };
    }),
  }, { lineWidth: 0 });
}

describeIfPromtool('promtool on every PrometheusRule of the showcase', () => {
  const showcase = useShowcaseOutput();
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-promtool-'));
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));
  const prometheusRules = () => showcase().objects.filter((o) => o.object.kind === 'PrometheusRule');
  const writeRules = (name: string, spec: any) => {
    const file = path.join(workdir, name);
    fs.writeFileSync(file, stringify({ groups: spec.groups }, { lineWidth: 0 }));
    return file;
  };

  test('promtool check rules passes on each', () => {
    expect(prometheusRules().length).toBeGreaterThan(0);
    for (const o of prometheusRules()) {
      const result = promtool(['check', 'rules', writeRules(`${o.object.metadata.name}.yaml`, o.object.spec)]);
      expect([describeObject(o), result.ok, result.ok ? '' : result.output]).toEqual([describeObject(o), true, '']);
    }
  });

  test('mutation: a PromQL syntax error fails promtool check rules', () => {
    // GIVEN a copy of a rule pack with one expression cut short
    const spec = structuredClone(prometheusRules()[0].object.spec);
    spec.groups[0].rules[0].expr = `${spec.groups[0].rules[0].expr} and (`;
    // THEN promtool refuses it and names the parse error
    const result = promtool(['check', 'rules', writeRules('broken.yaml', spec)]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/unclosed left parenthesis|parse error/);
  });

  test('promtool test rules: each alert fires for what it watches and stays quiet otherwise', () => {
    // GIVEN the pack of the showcase stack that has every alert, snapshot alerts included
    const o = prometheusRules().find((x) => x.object.spec.groups[0].rules.some((r: any) => r.alert === 'QdrantScheduledSnapshotMissing'))!;
    expect(o).toBeDefined();
    const rules = o.object.spec.groups.flatMap((g: any) => g.rules);
    const ruleFile = writeRules('pack.yaml', o.object.spec);
    const threshold = (alert: string) => Number(/> (\d+)$/.exec(rules.find((r: any) => r.alert === alert).expr)![1]);
    const cases = alertCases(o.object.metadata.namespace, threshold);
    // every alert of the pack has a case
    expect(Object.keys(cases).sort()).toEqual(rules.map((r: any) => r.alert).filter((a: string) => a !== 'QdrantScheduledSnapshotMissing').sort());
    // WHEN promtool replays the series / THEN every expectation holds
    const minuteTests = path.join(workdir, 'pack.test.yaml');
    fs.writeFileSync(minuteTests, unitTestFile(ruleFile, rules, cases, '1m', '25m'));
    const result = promtool(['test', 'rules', minuteTests]);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  test('promtool test rules: the missing-snapshot alert reads spec.creation-timestamp in seconds or milliseconds', () => {
    const o = prometheusRules().find((x) => x.object.spec.groups[0].rules.some((r: any) => r.alert === 'QdrantScheduledSnapshotMissing'))!;
    const rules = o.object.spec.groups.flatMap((g: any) => g.rules);
    const maxAge = Number(/> (\d+)$/.exec(rules.find((r: any) => r.alert === 'QdrantScheduledSnapshotMissing').expr)![1]);
    const ruleFile = writeRules('pack-age.yaml', o.object.spec);
    const dayTests = path.join(workdir, 'age.test.yaml');
    fs.writeFileSync(dayTests, unitTestFile(ruleFile, rules, { QdrantScheduledSnapshotMissing: snapshotAgeCase(o.object.metadata.namespace, maxAge) }, `${STEP_DAYS}d`, `${DAYS}d`));
    const result = promtool(['test', 'rules', dayTests]);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  test('mutation: an expectation the rules do not meet fails promtool test rules', () => {
    const o = prometheusRules()[0];
    const rules = o.object.spec.groups.flatMap((g: any) => g.rules);
    const ruleFile = writeRules('pack-wrong.yaml', o.object.spec);
    // A healthy pod (ready = 1) expected to alert.
    const wrong = { QdrantPodNotReady: { series: { [`kube_pod_status_ready{namespace="${o.object.metadata.namespace}", pod="${POD}", condition="true"}`]: '1x30' }, fires: [{ pod: POD }] } };
    const file = path.join(workdir, 'wrong.test.yaml');
    fs.writeFileSync(file, unitTestFile(ruleFile, rules, wrong, '1m', '25m'));
    expect(promtool(['test', 'rules', file]).ok).toBe(false);
  });
});
