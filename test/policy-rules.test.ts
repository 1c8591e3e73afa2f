import { QdrantClusterProps, QdrantOperatorProps, SecretSource } from '../src';
import { CLUSTER_RULES } from '../src/cluster/cluster-rules';
import { PolicyRule } from '../src/core/policy';
import { OPERATOR_RULES } from '../src/operator/operator-rules';
import { REGION_RULES } from '../src/region/region-rules';
import { BACKUP_OBJECT_RULES, STORAGE_RULES } from '../src/storage/storage-rules';
import { configErrorOf } from './support/errors';
import { CLUSTER_ID as ID, clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';
import { testApp } from './support/synth';

const clusterOf = (props: Partial<QdrantClusterProps>, operator: Partial<QdrantOperatorProps> = {}) => privateCloudOperator(testApp(), operator).addCluster('db', clusterProps(props));

// One row per rule: GIVEN props that break exactly that rule, THEN the error names the prop and the rule id.
const rows: Array<[string, Partial<QdrantClusterProps>, RegExp, Partial<QdrantOperatorProps>?]> = [
  ['namespace-watched', { namespace: 'elsewhere' }, /namespace: got "elsewhere"; no operator watches it/],
  ['requests-within-limits', { resources: { cpu: '1', memory: '1Gi', storage: '2Gi', requests: { cpu: '2' } } }, /resources.requests.cpu: got "2"; a request may not exceed its limit \(1\)/],
  ['size-within-crd', { size: 31 }, /size: got 31; at most 30 nodes with qdrant-kubernetes-api before v1.19.0; QdrantOperator "pc" installs v1.14.2/, { chartVersion: '1.6.1' }],
  ['replication-within-size', { size: 2, config: { collection: { replicationFactor: 3 } } }, /config.collection.replicationFactor: got 3; at most size \(2\)/],
  ['expose-needs-api-key', { service: { type: 'NodePort' } }, /service.type: got "NodePort"; exposing a cluster .* needs an API key/],
  ['source-ranges-need-load-balancer', { service: { type: 'NodePort', loadBalancerSourceRanges: ['10.0.0.0/8'] }, apiKey: SecretSource.existing('k') }, /service.loadBalancerSourceRanges: .*applies only to service.type "LoadBalancer"/, { crdChartVersion: 'v1.37.6' }],
  ['reserved-pod-labels', { statefulSet: { podLabels: { 'customer-id': 'other' } } }, /statefulSet.podLabels.customer-id: got "other"; is set by the operator/],
  ['storage-tuning-pair', { storage: { throughput: 125 } }, /storage.iops: got nothing; set iops and throughput together/],
  ['attributes-class-excludes-tuning', { storage: { volumeAttributesClassName: 'fast', iops: 1, throughput: 1 } }, /storage.volumeAttributesClassName: got "fast"; a VolumeAttributesClass excludes/],
  ['cluster-manager-features', { writeCluster: ID, clusterManager: false }, /writeCluster: got ".*"; needs the cluster-manager; remove clusterManager: false/],
];

describe('QdrantCluster policy rules', () => {
  test.each(rows)('%s', (...row) => {
    const [id, props, message, operator] = row;
    const error = configErrorOf(() => clusterOf(props, operator));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`[rule ${id}]`);
  });

  test('every rule has a test row and a doc line citing qdrant-facts.md', () => {
    expect(rows.map(([id]) => id).sort()).toEqual(CLUSTER_RULES.map((r) => r.id).sort());
    for (const rule of CLUSTER_RULES) expect(rule.doc).toMatch(/\(qdrant-facts\.md §\d+/);
  });
});

const operatorOf = (props: Partial<QdrantOperatorProps>) => privateCloudOperator(testApp(), props);
const operatorRows: Array<[string, Partial<QdrantOperatorProps>, RegExp]> = [
  ['watch-namespaces-need-wide-watch', { operator: { watchNamespaces: ['team-a'] } }, /operator.watchNamespaces: got \["team-a"\]; takes effect only with watchOnlyReleaseNamespace: false/],
  ['cluster-wide-watch-needs-cluster-rbac', { operator: { watchOnlyReleaseNamespace: false, limitRbac: true } }, /operator.limitRbac: got true; a cluster-wide watch/],
  ['crd-chart-not-older-than-release', { crdChartVersion: 'v1.22.1' }, /crdChartVersion: got "v1.22.1"; Private Cloud 1.9.6 needs qdrant-kubernetes-api v1.23.0 or later/],
  ['unknown-release-names-crd-chart', { chartVersion: '1.99.0' }, /crdChartVersion: got nothing; Private Cloud 1.99.0 is not in the library's compatibility table/],
];

const regionRows: Array<[string, () => unknown, RegExp]> = [
  ['access-key-hash-from-plaintext', () => hybridRegion(testApp(), {
    cloudAccessKey: SecretSource.plaintextCommittedToGit({ 'access-key': 'a|b' }), accessKeyHash: 'c'.repeat(64),
  }), /accessKeyHash: got "c{64}"; leave it unset when the access key is given in plaintext/],
];

const ebs = { name: 'ebs', provisioner: 'ebs.csi.aws.com' };
const storageRows: Array<[string, Partial<QdrantOperatorProps>, RegExp]> = [
  ['block-storage-only', { storage: { storageClass: { name: 'files', provisioner: 'efs.csi.aws.com' } } }, /storage.storageClass.provisioner: got "efs.csi.aws.com"; a block-storage CSI provisioner/],
  ['storage-class-matches-settings', { storage: { storageClass: ebs }, settings: { features: { clusterManagement: { storageClass: { database: 'other' } } } } },
    /settings.features.clusterManagement.storageClass.database: got "other"; leave it unset or "ebs"/],
  ['snapshot-class-matches-settings', { storage: { volumeSnapshotClass: { driver: 'ebs.csi.aws.com' } }, settings: { features: { backupManagement: { snapshots: { volumeSnapshotClass: 'other' } } } } },
    /settings.features.backupManagement.snapshots.volumeSnapshotClass: got "other"; leave it unset or "csi-snapclass"/],
  ['backups-need-snapshot-class', { storage: { volumeSnapshotClass: 'none' } }, /storage.volumeSnapshotClass: got "none"; a VolumeSnapshotClass while backups are on/],
];

/** Rules on objects added to a stack's clusters after the stack, checked when the app renders. */
const backupObjectRows: Array<[string, () => unknown, RegExp]> = [
  ['snapshots-need-snapshot-class', () => {
    const app = testApp();
    const op = privateCloudOperator(app, {
      storage: { volumeSnapshotClass: 'none' }, settings: { features: { backupManagement: { enable: false } } },
    });
    op.addCluster('db', clusterProps()).addScheduledSnapshot('nightly', { name: 'nightly', schedule: '0 2 * * *', retention: '72h' });
    return app.render();
  }, /addScheduledSnapshot\(nightly\): got "nightly"; no snapshot of cluster .* could never take this one/],
];

describe('QdrantOperator and HybridRegion policy rules', () => {
  test.each(storageRows)('%s', (id, props, message) => {
    const error = configErrorOf(() => operatorOf(props));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`[rule ${id}]`);
  });

  test.each(operatorRows)('%s', (id, props, message) => {
    const error = configErrorOf(() => operatorOf(props));
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`[rule ${id}]`);
  });

  test.each(backupObjectRows)('%s', (id, build, message) => {
    const error = configErrorOf(build);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`[rule ${id}]`);
  });

  test.each(regionRows)('%s', (id, build, message) => {
    const error = configErrorOf(build);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`[rule ${id}]`);
  });

  test.each([
    ['operator', OPERATOR_RULES, operatorRows],
    ['region', REGION_RULES, regionRows],
    ['storage', STORAGE_RULES, storageRows],
    ['backup object', BACKUP_OBJECT_RULES, backupObjectRows],
  ] as Array<[string, readonly PolicyRule<any>[], Array<[string, ...unknown[]]>]>)('every %s rule has a test row and a doc line citing qdrant-facts.md', (_name, rules, tested) => {
    expect(tested.map(([id]) => id).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const rule of rules) expect(rule.doc).toMatch(/\(qdrant-facts\.md §\d+/);
  });
});

describe('a construct reports every broken rule at once', () => {
  test('a cluster that breaks two rules gets one error naming both', () => {
    // GIVEN a cluster in a namespace no operator watches, exposed without an API key
    const error = configErrorOf(() => clusterOf({ namespace: 'elsewhere', service: { type: 'NodePort' } }));
    // THEN one QdrantConfigError lists both problems, each with its rule id
    expect(error.problems.map((p) => [p.prop, p.allowed])).toEqual([
      ['namespace', expect.stringMatching(/no operator watches it.*\[rule namespace-watched\]$/)],
      ['service.type', expect.stringMatching(/needs an API key.*\[rule expose-needs-api-key\]$/)],
    ]);
  });
});
