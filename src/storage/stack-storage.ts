import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { addWarning } from '../core/notices';
import { applyPolicy } from '../core/policy';
import { Delivery, DeliveryStage } from '../delivery/delivery';
import { VolumeSnapshotClass, VolumeSnapshotClassDeletionPolicy } from '../../imports/snapshot.storage.k8s.io';
import { DEFAULT_SNAPSHOT_CLASS, StorageProps } from './storage-props';
import { STORAGE_RULES, StorageRuleInput } from './storage-rules';
import { checkStorage } from './storage-shape';

/** The classes a stack uses, as its settings and README name them. */
export interface ResolvedStorage {
  /** StorageClass of database and snapshot volumes; undefined: the cluster's default. */
  readonly storageClass?: string;
  /** VolumeSnapshotClass of backups; 'none': no backups; undefined: not declared (the operator's default). */
  readonly volumeSnapshotClass?: string;
  /** README lines naming the classes and where they come from. */
  readonly notes: readonly string[];
}

/**
 * Checks a stack's storage declaration, emits the classes it declares in the first
 * stage (StorageClass and VolumeSnapshotClass must exist before the environment or any
 * cluster is created, qdrant-facts.md §8.2) and returns the names the settings use.
 */
export function addStackStorage(chart: Chart, delivery: Delivery, input: Omit<StorageRuleInput, 'storage'> & { readonly storage?: StorageProps }): ResolvedStorage {
  const storage = input.storage;
  if (storage === undefined) return { notes: [] };
  checkStorage(chart, 'storage', storage);
  applyPolicy(chart, STORAGE_RULES, { ...input, storage });
  const notes: string[] = [];
  const origin = (existing?: boolean) => (existing ? 'exists in the cluster (checked, not emitted)' : 'emitted here in the first wave');

  const sc = storage.storageClass;
  if (sc) {
    const allowVolumeExpansion = sc.allowVolumeExpansion ?? true;
    if (!allowVolumeExpansion) {
      addWarning(chart, `StorageClass ${sc.name} does not allow volume expansion: a cluster's disk can then never grow (vertical scaling needs allowVolumeExpansion: true; disks cannot shrink either)`);
    }
    if (!sc.existing) {
      const obj = new k8s.KubeStorageClass(chart, 'storage-class', {
        metadata: { name: sc.name },
        provisioner: sc.provisioner,
        allowVolumeExpansion,
        volumeBindingMode: sc.volumeBindingMode ?? 'WaitForFirstConsumer',
        reclaimPolicy: sc.reclaimPolicy,
        parameters: sc.parameters ? { ...sc.parameters } : undefined,
      });
      // Every database volume names this class: removing it stops their expansion and new replicas.
      delivery._stage(obj, DeliveryStage.PREREQUISITES, { preventPrune: true });
    }
    notes.push(`Storage: database and snapshot volumes use StorageClass \`${sc.name}\` (${sc.provisioner}, volume expansion ${allowVolumeExpansion ? 'on' : 'off'}), ${origin(sc.existing)}.`);
  }

  const vsc = storage.volumeSnapshotClass;
  if (vsc === 'none') {
    if (input.backupsEnabled !== false) addWarning(chart, 'storage.volumeSnapshotClass is "none": backups of this stack\'s clusters are disabled');
    notes.push('Backups: no VolumeSnapshotClass (backups disabled).');
  } else if (vsc) {
    const name = vsc.name ?? DEFAULT_SNAPSHOT_CLASS;
    if (!vsc.existing) {
      const obj = new VolumeSnapshotClass(chart, 'volume-snapshot-class', {
        metadata: { name },
        driver: vsc.driver,
        deletionPolicy: (vsc.deletionPolicy ?? 'Delete') as VolumeSnapshotClassDeletionPolicy,
        parameters: vsc.parameters ? { ...vsc.parameters } : undefined,
      });
      delivery._stage(obj, DeliveryStage.PREREQUISITES, { preventPrune: true });
    }
    notes.push(`Backups: VolumeSnapshotClass \`${name}\` (${vsc.driver}), ${origin(vsc.existing)}; it needs the CSI snapshot controller in the cluster.`);
  } else if (input.backupsEnabled !== false) {
    addWarning(chart, `backups use VolumeSnapshotClass ${input.settings.volumeSnapshotClass ?? DEFAULT_SNAPSHOT_CLASS}, which storage.volumeSnapshotClass does not declare: check that it exists, or declare it`);
  }
  return {
    storageClass: sc?.name,
    volumeSnapshotClass: vsc === 'none' ? 'none' : vsc ? vsc.name ?? DEFAULT_SNAPSHOT_CLASS : undefined,
    notes,
  };
}
