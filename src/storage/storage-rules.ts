import { PolicyRule } from '../core/policy';
import { StorageProps } from './storage-props';

/** Class names a stack's own settings already set (operator settings tree or environment settings). */
export interface ClassSettings {
  readonly databaseStorageClass?: string;
  readonly volumeSnapshotClass?: string;
}

/** What the storage rules look at. */
export interface StorageRuleInput {
  readonly storage: StorageProps;
  readonly settings: ClassSettings;
  /** Prop paths of those settings, for the messages. */
  readonly settingsProps: Required<{ readonly [K in keyof ClassSettings]: string }>;
  /** Whether the stack takes volume snapshots; 'unknown' where Qdrant Cloud decides (Hybrid). */
  readonly backupsEnabled: boolean | 'unknown';
}

/**
 * Provisioners of network filesystems and object stores. Qdrant needs block storage:
 * "Network storage systems like NFS or object storage systems such as S3 are not supported".
 */
const NETWORK_FILESYSTEM = /nfs|efs\.csi\.aws\.com|file\.csi\.azure\.com|azure-file|filestore\.csi|cephfs|smb\.csi|glusterfs|s3/i;

/** The storage rules, one named rule each. */
export const STORAGE_RULES: readonly PolicyRule<StorageRuleInput>[] = [
  {
    id: 'block-storage-only',
    doc: 'Qdrant needs block storage through a CSI driver; NFS and object storage are not supported (qdrant-facts.md §8.1).',
    check: ({ storage }) => (storage.storageClass && NETWORK_FILESYSTEM.test(storage.storageClass.provisioner) ? {
      prop: 'storage.storageClass.provisioner', value: storage.storageClass.provisioner,
      allowed: 'a block-storage CSI provisioner (such as ebs.csi.aws.com or pd.csi.storage.gke.io): Qdrant does not support network filesystems such as NFS or object storage such as S3',
    } : undefined),
  },
  {
    id: 'storage-class-matches-settings',
    doc: 'The database StorageClass is set once: the declared class and the settings may not name different ones (qdrant-facts.md §5.3, §9).',
    check: ({ storage, settings, settingsProps }) => (storage.storageClass && settings.databaseStorageClass !== undefined
      && settings.databaseStorageClass !== storage.storageClass.name ? {
        prop: settingsProps.databaseStorageClass, value: settings.databaseStorageClass,
        allowed: `leave it unset or "${storage.storageClass.name}": storage.storageClass declares that class`,
      } : undefined),
  },
  {
    id: 'snapshot-class-matches-settings',
    doc: 'The VolumeSnapshotClass is set once: the declared class and the settings may not name different ones (qdrant-facts.md §5.3, §9).',
    check: ({ storage, settings, settingsProps }) => {
      const declared = storage.volumeSnapshotClass;
      if (declared === undefined || declared === 'none' || settings.volumeSnapshotClass === undefined) return undefined;
      const name = declared.name ?? 'csi-snapclass';
      return settings.volumeSnapshotClass !== name ? {
        prop: settingsProps.volumeSnapshotClass, value: settings.volumeSnapshotClass,
        allowed: `leave it unset or "${name}": storage.volumeSnapshotClass declares that class`,
      } : undefined;
    },
  },
  {
    id: 'backups-need-snapshot-class',
    doc: 'Backups are volume snapshots and need a VolumeSnapshotClass; with none, switch snapshots off (qdrant-facts.md §8.4).',
    check: ({ storage, backupsEnabled }) => (storage.volumeSnapshotClass === 'none' && backupsEnabled === true ? {
      prop: 'storage.volumeSnapshotClass', value: 'none',
      allowed: 'a VolumeSnapshotClass while backups are on: declare one, or set settings.features.backupManagement.snapshots.enable: false',
    } : undefined),
  },
];
