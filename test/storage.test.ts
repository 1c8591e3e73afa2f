import { Chart } from 'cdk8s';
import { ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, QdrantOperator, QdrantOperatorProps, SecretSource } from '../src';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { findObject, testApp } from './support/synth';

const ENV = '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f';
const ACCOUNT = '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8';
const EBS = { name: 'qdrant-ebs', provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' } };

const region = (props: Partial<HybridRegionProps>) => new HybridRegion(testApp(), 'eu', {
  environmentId: ENV, accountId: ACCOUNT, namespace: 'qdrant', agentChartVersion: '1.33.0', delivery: new ArgoCdDelivery(),
  registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(), ...props,
});
const operator = (props: Partial<QdrantOperatorProps>) => new QdrantOperator(testApp(), 'pc', {
  namespace: 'qdrant', chartVersion: '1.9.6', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), ...props,
});
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

  test('a network filesystem is refused with the reason from the facts', () => {
    const error = configErrorOf(() => region({ storage: { storageClass: { name: 'shared', provisioner: 'nfs.csi.k8s.io' } } }));
    expect(error.message).toMatch(/storage.storageClass.provisioner: got "nfs.csi.k8s.io"; .*does not support network filesystems such as NFS/);
  });

  test('a class without volume expansion is warned about', () => {
    const r = region({ storage: { storageClass: { ...EBS, allowVolumeExpansion: false } } });
    expect(warningsOf(r).join('\n')).toMatch(/does not allow volume expansion/);
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

  test('no snapshot class while backups are on is refused; with backups off it is accepted', () => {
    const error = configErrorOf(() => operator({ storage: { volumeSnapshotClass: 'none' } }));
    expect(error.message).toMatch(/storage.volumeSnapshotClass: got "none"; .*set settings.features.backupManagement.snapshots.enable: false \[rule backups-need-snapshot-class\]/);
    const pc = operator({ storage: { volumeSnapshotClass: 'none' }, settings: { features: { backupManagement: { snapshots: { enable: false } } } } });
    expect(pc.readmeNotes().join('\n')).toContain('backups disabled');
  });

  test('a declared storage class without a snapshot class warns that the default class must exist', () => {
    const pc = operator({ storage: { storageClass: EBS } });
    expect(warningsOf(pc).join('\n')).toMatch(/backups use VolumeSnapshotClass csi-snapclass, which storage.volumeSnapshotClass does not declare/);
  });
});
