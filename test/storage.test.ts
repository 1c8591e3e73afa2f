import { Chart } from 'cdk8s';
import { ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, QdrantApp, QdrantOperatorProps } from '../src';
import { BACKUP_OBJECT_RULES } from '../src/storage/storage-rules';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { CLUSTER_ID, clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';
import { findObject, testApp } from './support/synth';

const EBS = { name: 'qdrant-ebs', provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' } };

const region = (props: Partial<HybridRegionProps>) => hybridRegion(testApp(), { delivery: new ArgoCdDelivery(), ...props }, 'eu');
const operator = (props: Partial<QdrantOperatorProps>) => privateCloudOperator(testApp(), { delivery: new FluxDelivery(), ...props });
const warningsOf = (chart: Chart) => chart.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'cdk8s-qdrant:warning').map((m) => String(m.data)));
const environmentOf = (r: HybridRegion) => JSON.parse(r.sideFiles()['environment.json']).configuration;

describe('storage declared on a Hybrid region', () => {
  test('emits the StorageClass and VolumeSnapshotClass in the first wave, protected from pruning, and names them in environment.json', () => {
    // GIVEN
    const r = region({ storage: { storageClass: EBS, volumeSnapshotClass: { driver: 'ebs.csi.aws.com' } } });
    // WHEN
    const objects = r.toJson();
    // THEN
    const sc = findObject(objects, 'StorageClass', 'qdrant-ebs');
    expect(sc).toMatchObject({ provisioner: 'ebs.csi.aws.com', allowVolumeExpansion: true, volumeBindingMode: 'WaitForFirstConsumer', parameters: { type: 'gp3' } });
    const vsc = findObject(objects, 'VolumeSnapshotClass', 'csi-snapclass');
    expect(vsc).toMatchObject({ apiVersion: 'snapshot.storage.k8s.io/v1', driver: 'ebs.csi.aws.com', deletionPolicy: 'Delete' });
    for (const o of [sc, vsc]) {
      expect(o.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
      expect(o.metadata.annotations['argocd.argoproj.io/sync-options']).toContain('Prune=false');
    }
    expect(schemaErrors(objects)).toEqual([]);
    expect(environmentOf(r)).toMatchObject({
      database_storage_class: 'qdrant-ebs', snapshot_storage_class: 'qdrant-ebs', volume_snapshot_storage_class: 'csi-snapclass',
    });
    expect(r.readmeNotes().join('\n')).toMatch(/StorageClass `qdrant-ebs`.*emitted here[\s\S]*VolumeSnapshotClass `csi-snapclass`/);
  });

  test('an existing class is named and checked but not emitted', () => {
    // GIVEN
    const r = region({ storage: { storageClass: { ...EBS, existing: true }, volumeSnapshotClass: { name: 'snaps', driver: 'pd.csi.storage.gke.io', existing: true } } });
    // THEN
    expect(r.toJson().filter((o: any) => ['StorageClass', 'VolumeSnapshotClass'].includes(o.kind))).toEqual([]);
    expect(environmentOf(r)).toMatchObject({ database_storage_class: 'qdrant-ebs', volume_snapshot_storage_class: 'snaps' });
    expect(r.readmeNotes().join('\n')).toContain('exists in the cluster (checked, not emitted)');
  });

  test.each([
    ['nfs.csi.k8s.io', 'a network filesystem'],
    ['efs.csi.aws.com', 'a network filesystem'],
    ['filestore.csi.storage.gke.io', 'a network filesystem'],
    ['cephfs.csi.ceph.com', 'a network filesystem'],
    ['fsx.csi.aws.com', 'a parallel network filesystem'],
    ['smb.csi.k8s.io', 'a network file share'],
    ['file.csi.azure.com', 'a network file share'],
    ['s3.csi.aws.com', 'object storage mounted as a filesystem'],
    ['blob.csi.azure.com', 'object storage mounted as a filesystem'],
    ['gcsfuse.csi.storage.gke.io', 'object storage mounted as a filesystem'],
    ['csi.juicefs.com', 'a filesystem kept in object storage'],
  ])('GIVEN provisioner %s WHEN declared THEN it is refused as %s, citing the facts', (provisioner, kind) => {
    // WHEN
    const error = configErrorOf(() => region({ storage: { storageClass: { name: 'shared', provisioner } } }));
    // THEN the error names the construct, the prop, the value, what it provisions and what is allowed
    expect(error.constructPath).toBe('eu');
    expect(error.prop).toBe('storage.storageClass.provisioner');
    expect(error.value).toBe(provisioner);
    expect(error.message).toContain(`provisions ${kind}`);
    expect(error.message).toMatch(/a block-storage CSI provisioner .*Qdrant supports block storage only: "Network storage systems like NFS or object storage systems such as S3 are not supported" \(qdrant-facts.md §8.1\) \[rule block-storage-only\]/);
  });

  test.each(['ebs.csi.aws.com', 'pd.csi.storage.gke.io', 'disk.csi.azure.com', 'rbd.csi.ceph.com', 'rancher.io/local-path', 'openebs.io/local',
    'local.csi.openebs.io', 'driver.longhorn.io', 'cinder.csi.openstack.org', 'blockvolume.csi.oraclecloud.com', 'csi.vsphere.vmware.com'])(
    'GIVEN block-storage provisioner %s WHEN declared THEN the StorageClass is emitted with it', (provisioner) => {
      const r = region({ storage: { storageClass: { name: 'block', provisioner } } });
      expect(findObject(r.toJson(), 'StorageClass', 'block').provisioner).toBe(provisioner);
    });

  test('a class without volume expansion is warned about', () => {
    const r = region({ storage: { storageClass: { ...EBS, allowVolumeExpansion: false } } });
    expect(warningsOf(r).join('\n')).toMatch(/does not allow volume expansion.*\[rule storage-class-no-expansion\]/);
    expect(findObject(r.toJson(), 'StorageClass', 'qdrant-ebs').allowVolumeExpansion).toBe(false);
  });

  test('an unknown key and a wrong value are refused by the table', () => {
    expect(configErrorOf(() => region({ storage: { storageClass: { ...EBS, expand: true } as any } })).message).toMatch(/storage.storageClass.expand: .*unknown key/);
    expect(configErrorOf(() => region({ storage: { volumeSnapshotClass: { driver: 'x', deletionPolicy: 'Keep' as any } } })).message)
      .toMatch(/storage.volumeSnapshotClass.deletionPolicy: got "Keep"/);
  });
});

describe('storage declared on a Private Cloud operator', () => {
  test('the operator settings point at the declared classes, emitted in the stack folder', () => {
    // GIVEN
    const pc = operator({ storage: { storageClass: EBS, volumeSnapshotClass: { name: 'ebs-snaps', driver: 'ebs.csi.aws.com' } } });
    // THEN
    const features = pc.settings.features as any;
    expect(features.clusterManagement.storageClass).toEqual({ database: 'qdrant-ebs', snapshot: 'qdrant-ebs' });
    expect(features.backupManagement.snapshots.volumeSnapshotClass).toBe('ebs-snaps');
    const objects = pc.toJson();
    expect(schemaErrors(objects)).toEqual([]);
    // Flux applies the stack folder before the clusters folder; the classes are in the stack folder and never pruned.
    for (const o of [findObject(objects, 'StorageClass', 'qdrant-ebs'), findObject(objects, 'VolumeSnapshotClass', 'ebs-snaps')]) {
      expect(o.metadata.annotations['kustomize.toolkit.fluxcd.io/prune']).toBe('disabled');
    }
  });

  test('a region whose snapshot class is "none" warns that its backups are disabled', () => {
    // GIVEN a Hybrid region that names no VolumeSnapshotClass (the operator settings cannot say whether backups are on)
    const r = region({ storage: { volumeSnapshotClass: 'none' } });
    // THEN one warning says backups are off, and the README says so too
    expect(warningsOf(r)).toEqual([expect.stringMatching(/storage.volumeSnapshotClass is "none": backups of this stack's clusters are disabled \[rule backups-disabled\]$/)]);
    expect(r.readmeNotes().join('\n')).toContain('backups disabled');
  });

  test('no snapshot class while backups are on is refused; with backups off it is accepted', () => {
    const error = configErrorOf(() => operator({ storage: { volumeSnapshotClass: 'none' } }));
    expect(error.message).toMatch(/storage.volumeSnapshotClass: got "none"; .*set settings.features.backupManagement.snapshots.enable: false \[rule backups-need-snapshot-class\]/);
    const pc = operator({ storage: { volumeSnapshotClass: 'none' }, settings: { features: { backupManagement: { snapshots: { enable: false } } } } });
    expect(pc.readmeNotes().join('\n')).toContain('backups disabled');
  });

  test('a declared storage class without a snapshot class warns that the default class must exist', () => {
    const pc = operator({ storage: { storageClass: EBS } });
    expect(warningsOf(pc).join('\n')).toMatch(/backups use VolumeSnapshotClass csi-snapclass, which storage.volumeSnapshotClass does not declare.*\[rule snapshot-class-undeclared\]/);
  });
});

const CLUSTER = clusterProps();
const SNAPSHOTS_OFF = { features: { backupManagement: { snapshots: { enable: false } } } };
const renderOf = (stack: Chart) => () => (stack.node.root as QdrantApp).render();
const assumedClassWarnings = (stack: Chart) => warningsOf(stack).filter((w) => w.includes('the operator\'s default, which this stack assumes exists'));

describe('backups of a stack without a VolumeSnapshotClass', () => {
  test('GIVEN a region with volumeSnapshotClass "none" WHEN a declared cluster adds a snapshot schedule THEN rendering refuses it, naming the cluster and the schedule', () => {
    // GIVEN
    const r = region({ storage: { volumeSnapshotClass: 'none' } });
    const db = r.addCluster('db', CLUSTER, { agentOwnsClustersAcknowledged: true });
    // WHEN
    db.addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    // THEN
    const error = configErrorOf(renderOf(r));
    expect(error.constructPath).toBe('eu/db');
    expect(error.prop).toBe('addScheduledSnapshot(nightly)');
    expect(error.value).toBe('db-nightly');
    expect(error.allowed).toMatch(new RegExp(`^no snapshot of cluster ${CLUSTER_ID} while storage.volumeSnapshotClass is "none": .*could never take this one; remove it, or give the stack a VolumeSnapshotClass`));
    expect(error.allowed).toContain('[rule snapshots-need-snapshot-class]');
  });

  test('GIVEN two backups that can never run WHEN rendering THEN one error names both', () => {
    const pc = operator({ storage: { volumeSnapshotClass: 'none' }, settings: SNAPSHOTS_OFF });
    const db = pc.addCluster('db', CLUSTER);
    db.addSnapshot('before-upgrade', { name: 'db-before-upgrade' });
    db.addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    expect(configErrorOf(renderOf(pc)).problems.map((p) => p.prop).sort()).toEqual(['addScheduledSnapshot(nightly)', 'addSnapshot(before-upgrade)']);
  });

  test('GIVEN an operator with volumeSnapshotClass "none" and snapshots off WHEN a cluster adds a one-off snapshot THEN rendering refuses it', () => {
    const pc = operator({ storage: { volumeSnapshotClass: 'none' }, settings: SNAPSHOTS_OFF });
    pc.addCluster('db', CLUSTER).addSnapshot('before-upgrade', { name: 'db-before-upgrade' });
    const error = configErrorOf(renderOf(pc));
    expect(error.message).toMatch(/\[pc\/pc-clusters\/db\] addSnapshot\(before-upgrade\): got "db-before-upgrade"; no snapshot of cluster .* while storage.volumeSnapshotClass is "none"/);
  });

  test('GIVEN an operator with snapshots switched off and no storage WHEN a cluster adds a schedule THEN rendering refuses it', () => {
    const pc = operator({ settings: SNAPSHOTS_OFF });
    pc.addCluster('db', CLUSTER).addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    expect(configErrorOf(renderOf(pc)).allowed).toMatch(/while the operator's snapshots are switched off \(settings.features.backupManagement\)/);
  });

  test('GIVEN the same stacks without backup objects WHEN rendered THEN they render', () => {
    const r = region({ storage: { volumeSnapshotClass: 'none' } });
    r.addCluster('db', CLUSTER, { agentOwnsClustersAcknowledged: true });
    expect(renderOf(r)()).toBeDefined();
    expect(renderOf(operator({ storage: { volumeSnapshotClass: 'none' }, settings: SNAPSHOTS_OFF }))()).toBeDefined();
  });

  test('GIVEN the operator settings name the class "none" WHEN snapshots are on THEN it is refused like a declared "none"', () => {
    const error = configErrorOf(() => operator({ settings: { features: { backupManagement: { snapshots: { volumeSnapshotClass: 'none' } } } } }));
    expect(error.constructPath).toBe('pc');
    expect(error.prop).toBe('settings.features.backupManagement.snapshots.volumeSnapshotClass');
    expect(error.value).toBe('none');
    expect(error.allowed).toMatch(/a VolumeSnapshotClass while backups are on: .*snapshots.enable: false \[rule backups-need-snapshot-class\]/);
  });

  test('GIVEN a region whose operatorSettings name the class "none" WHEN a declared cluster adds a schedule THEN rendering refuses it; without one the region warns that backups are disabled', () => {
    // GIVEN
    const operatorSettings = { features: { backupManagement: { snapshots: { volumeSnapshotClass: 'none' } } } };
    const quiet = region({ operatorSettings });
    expect(warningsOf(quiet).join('\n')).toContain('operatorSettings.features.backupManagement.snapshots.volumeSnapshotClass is "none": backups of this stack\'s clusters are disabled');
    const r = region({ operatorSettings });
    // WHEN
    r.addCluster('db', CLUSTER, { agentOwnsClustersAcknowledged: true }).addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    // THEN
    expect(configErrorOf(renderOf(r)).allowed).toMatch(/while operatorSettings.features.backupManagement.snapshots.volumeSnapshotClass is "none"/);
  });

  test('GIVEN a region whose environment names the class "none" WHEN a declared cluster adds a snapshot THEN rendering refuses it', () => {
    const r = region({ environment: { volumeSnapshotClass: 'none' } });
    r.addCluster('db', CLUSTER, { agentOwnsClustersAcknowledged: true }).addSnapshot('once', { name: 'db-once' });
    expect(configErrorOf(renderOf(r)).allowed).toMatch(/while environment.volumeSnapshotClass is "none"/);
  });
});

describe('backups relying on the default VolumeSnapshotClass', () => {
  test('GIVEN an operator with no storage prop WHEN two clusters add snapshots THEN rendering warns once, naming csi-snapclass and the first schedule', () => {
    // GIVEN
    const pc = operator({});
    pc.addCluster('db', CLUSTER).addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    pc.addCluster('other', { ...CLUSTER, id: '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819' }).addSnapshot('once', { name: 'other-once' });
    expect(assumedClassWarnings(pc)).toEqual([]);
    // WHEN rendered twice
    const folders = (pc.node.root as QdrantApp).render();
    (pc.node.root as QdrantApp).render();
    // THEN one warning on the stack, in its folder README
    expect(assumedClassWarnings(pc)).toEqual([
      `backups (addScheduledSnapshot(nightly) of cluster ${CLUSTER_ID} and 1 more) use VolumeSnapshotClass csi-snapclass, the operator's default, which this stack assumes exists: ` +
        'nothing declares or names a VolumeSnapshotClass; check that it exists in the cluster, or declare it with storage.volumeSnapshotClass [rule default-snapshot-class-assumed]',
    ]);
    expect(folders.find((f) => f.folder === 'pc')!.files['README.md']).toContain('use VolumeSnapshotClass csi-snapclass, the operator\'s default');
  });

  test('GIVEN a class named in the settings, or no backup objects WHEN rendered THEN there is no such warning', () => {
    const named = operator({ settings: { features: { backupManagement: { snapshots: { volumeSnapshotClass: 'ebs-snaps' } } } } });
    named.addCluster('db', CLUSTER).addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    renderOf(named)();
    expect(assumedClassWarnings(named)).toEqual([]);
    const none = operator({});
    none.addCluster('db', CLUSTER);
    renderOf(none)();
    expect(assumedClassWarnings(none)).toEqual([]);
  });

  test('GIVEN a region with no storage prop WHEN a declared cluster adds a schedule THEN rendering warns about csi-snapclass', () => {
    const r = region({});
    r.addCluster('db', CLUSTER, { agentOwnsClustersAcknowledged: true }).addScheduledSnapshot('nightly', { name: 'db-nightly', schedule: '@daily', retention: '72h' });
    renderOf(r)();
    expect(assumedClassWarnings(r)).toHaveLength(1);
  });
});

test('every backup-object rule cites qdrant-facts.md and is exercised above', () => {
  expect(BACKUP_OBJECT_RULES.map((r) => r.id)).toEqual(['snapshots-need-snapshot-class']);
  for (const rule of BACKUP_OBJECT_RULES) expect(rule.doc).toMatch(/\(qdrant-facts\.md §\d+/);
});

describe('storage delivered by Argo CD to a remote destination', () => {
  test('GIVEN a remote destination WHEN classes are declared THEN they land in <id>-prerequisites and the README note names that folder', () => {
    // GIVEN
    const r = region({
      delivery: new ArgoCdDelivery({ destinationName: 'e1', gitRepository: { url: 'https://git.example.com/x.git' } }),
      storage: { storageClass: EBS, volumeSnapshotClass: { driver: 'ebs.csi.aws.com' } },
    });
    // WHEN
    const folders = (r.node.root as QdrantApp).render();
    // THEN the classes are in the prerequisites folder only
    const kindsIn = (folder: string) => folders.find((f) => f.folder === folder)!.objects.map((o: any) => o.kind);
    expect(kindsIn('eu-prerequisites')).toEqual(expect.arrayContaining(['StorageClass', 'VolumeSnapshotClass']));
    expect(kindsIn('eu')).not.toContain('StorageClass');
    // and the stack README says where they are
    const notes = r.readmeNotes().join('\n');
    expect(notes).toContain('StorageClass `qdrant-ebs` (ebs.csi.aws.com, volume expansion on), emitted in the folder `eu-prerequisites`, which the stack applies to its Kubernetes cluster in the first wave.');
    expect(notes).toContain('VolumeSnapshotClass `csi-snapclass` (ebs.csi.aws.com), emitted in the folder `eu-prerequisites`');
    expect(notes).not.toContain('emitted here');
  });
});
