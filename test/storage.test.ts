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
