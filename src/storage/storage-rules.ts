import { NamedRule, PolicyRule } from '../core/policy';
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
  /** Further settings naming the VolumeSnapshotClass (a region's operatorSettings), by prop path. @default - none */
  readonly otherSnapshotClassSettings?: Readonly<Record<string, string | undefined>>;
}

/** The class name that switches backups off: "If you set it to None ..., backups are disabled" (qdrant-facts.md §12). */
export const NO_SNAPSHOT_CLASS = 'none';

/** The first prop of the stack that sets the VolumeSnapshotClass to "none", if any. */
export function snapshotClassNoneProp(input: StorageRuleInput): string | undefined {
  if (input.storage.volumeSnapshotClass === NO_SNAPSHOT_CLASS) return 'storage.volumeSnapshotClass';
  if (input.settings.volumeSnapshotClass === NO_SNAPSHOT_CLASS) return input.settingsProps.volumeSnapshotClass;
  return Object.entries(input.otherSnapshotClassSettings ?? {}).find(([, v]) => v === NO_SNAPSHOT_CLASS)?.[0];
}

/** Qdrant's own words on storage (qdrant-facts.md §8.1). */
const BLOCK_ONLY = 'Qdrant supports block storage only: "Network storage systems like NFS or object storage systems such as S3 are not supported" (qdrant-facts.md §8.1)';

/**
 * Provisioners that are not block storage, each with what it provisions. Qdrant needs
 * block storage through a CSI driver (qdrant-facts.md §8.1). Block drivers (ebs.csi.aws.com,
 * pd.csi.storage.gke.io, disk.csi.azure.com, rbd.csi.ceph.com, local-path, OpenEBS,
 * Longhorn) match none of these.
 */
const NOT_BLOCK_STORAGE: ReadonlyArray<readonly [RegExp, string]> = [
  // Buckets mounted through FUSE (Mountpoint for S3, csi-s3, Cloud Storage FUSE, Azure Blob, rclone) or filesystems kept in a bucket.
  [/(^|[.\-/])s3([.\-/]|$)|mountpoint-s3|gcsfuse|blob\.csi\.azure\.com|azure-?blob|blobfuse|rclone/i, 'object storage mounted as a filesystem'],
  [/juicefs|seaweedfs/i, 'a filesystem kept in object storage'],
  // Lustre and other parallel filesystems: FSx for Lustre (fsx.csi.aws.com), FSx for OpenZFS (NFS), GKE Managed Lustre.
  [/(^|\.)fsx\.|lustre|beegfs|gpfs|spectrum-?scale/i, 'a parallel network filesystem'],
  // Azure Files (SMB or NFS), SMB shares.
  [/smb|cifs|file\.csi\.azure\.com|azure-?file/i, 'a network file share (SMB/NFS)'],
  // NFS in any form: EFS and Filestore are NFS services; CephFS and GlusterFS are shared network filesystems.
  [/nfs|efs\.csi\.aws\.com|filestore\.csi|cephfs|glusterfs/i, 'a network filesystem (NFS or similar)'],
];

/** What `provisioner` provisions when it is not block storage; undefined for block storage. */
function nonBlockStorageKind(provisioner: string): string | undefined {
  return NOT_BLOCK_STORAGE.find(([pattern]) => pattern.test(provisioner))?.[1];
}

/** The storage rules, one named rule each. */
export const STORAGE_RULES: readonly PolicyRule<StorageRuleInput>[] = [
  {
    id: 'block-storage-only',
    doc: 'Qdrant needs block storage through a CSI driver; NFS and object storage are not supported (qdrant-facts.md §8.1).',
    check: ({ storage }) => {
      const provisioner = storage.storageClass?.provisioner;
      const kind = provisioner === undefined ? undefined : nonBlockStorageKind(provisioner);
      return kind === undefined ? undefined : {
        prop: 'storage.storageClass.provisioner', value: provisioner,
        allowed: `a block-storage CSI provisioner (such as ebs.csi.aws.com, pd.csi.storage.gke.io or disk.csi.azure.com): ${provisioner} provisions ${kind}, and ${BLOCK_ONLY}`,
      };
    },
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
    doc: 'Backups are volume snapshots and need a VolumeSnapshotClass; with none (declared or in the settings), switch snapshots off (qdrant-facts.md §8.4).',
    check: (input) => {
      const prop = snapshotClassNoneProp(input);
      return prop !== undefined && input.backupsEnabled === true ? {
        prop, value: NO_SNAPSHOT_CLASS,
        allowed: 'a VolumeSnapshotClass while backups are on: declare one, or set settings.features.backupManagement.snapshots.enable: false',
      } : undefined;
    },
  },
];

/** A QdrantClusterSnapshot or QdrantClusterScheduledSnapshot of one of the stack's clusters. */
export interface BackupObjectInput {
  /** The call that declared it, e.g. `addScheduledSnapshot(nightly)`. */
  readonly call: string;
  /** Its object name. */
  readonly name: string;
  readonly clusterId: string;
  /** Why the stack takes no snapshots (a "none" class, snapshots switched off); undefined when it takes them. */
  readonly noSnapshotsBecause?: string;
}

/** Rules on the backup objects of a stack's clusters, checked when the app renders (clusters add them after the stack is built). */
export const BACKUP_OBJECT_RULES: readonly PolicyRule<BackupObjectInput>[] = [
  {
    id: 'snapshots-need-snapshot-class',
    doc: 'A snapshot or schedule can never run in a stack without a VolumeSnapshotClass or with snapshots switched off (qdrant-facts.md §8.4, §12).',
    check: ({ call, name, clusterId, noSnapshotsBecause }) => (noSnapshotsBecause !== undefined ? {
      prop: call, value: name,
      allowed: `no snapshot of cluster ${clusterId} while ${noSnapshotsBecause}: the operator takes backups as volume snapshots through a VolumeSnapshotClass, ` +
        'so it could never take this one; remove it, or give the stack a VolumeSnapshotClass (storage.volumeSnapshotClass) with snapshots on',
    } : undefined),
  },
];

/** The storage warning rules: a stack that may lose disk growth or backups, or rests on an object nothing declares. */
export const STORAGE_WARNINGS = {
  noVolumeExpansion: {
    id: 'storage-class-no-expansion',
    doc: 'A StorageClass without volume expansion means a cluster\'s disk can never grow; disks cannot shrink either (qdrant-facts.md §8).',
  },
  backupsDisabled: {
    id: 'backups-disabled',
    doc: 'A VolumeSnapshotClass of "none" disables the backups of the stack\'s clusters (qdrant-facts.md §8.4).',
  },
  snapshotClassUndeclared: {
    id: 'snapshot-class-undeclared',
    doc: 'Backups use a VolumeSnapshotClass that storage.volumeSnapshotClass does not declare: it must exist in the cluster (qdrant-facts.md §8.4).',
  },
  defaultSnapshotClassAssumed: {
    id: 'default-snapshot-class-assumed',
    doc: 'Backups without any declared or named VolumeSnapshotClass rely on the operator\'s default class existing (qdrant-facts.md §8.4).',
  },
} as const satisfies Record<string, NamedRule>;
