/** A StorageClass for the database and snapshot volumes: emitted by the library, or one that exists. */
export interface StorageClassDeclaration {
  /** Name of the StorageClass. */
  readonly name: string;
  /** CSI provisioner of block storage, e.g. `ebs.csi.aws.com`. Network filesystems (NFS, EFS, Filestore, FSx for Lustre, CephFS, SMB, Azure Files) and object storage (S3, Azure Blob, Cloud Storage FUSE, JuiceFS) are refused. */
  readonly provisioner: string;
  /** Whether volumes can grow; vertical scaling of a cluster needs it. @default true */
  readonly allowVolumeExpansion?: boolean;
  /** When volumes are bound. @default 'WaitForFirstConsumer' */
  readonly volumeBindingMode?: 'WaitForFirstConsumer' | 'Immediate';
  /** What happens to a volume when its claim is deleted. @default - Kubernetes' default (Delete) */
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  /** Provisioner parameters, e.g. `{ type: 'gp3' }`. @default - none */
  readonly parameters?: Record<string, string>;
  /** The class exists in the cluster already: the library checks it and names it, but does not emit it. @default false */
  readonly existing?: boolean;
}

/** The VolumeSnapshotClass backups use: emitted by the library, or one that exists. */
export interface VolumeSnapshotClassDeclaration {
  /** Name of the class. @default 'csi-snapclass' (the operator's default) */
  readonly name?: string;
  /** CSI driver, e.g. `ebs.csi.aws.com`. */
  readonly driver: string;
  /** What happens to the storage snapshot when its VolumeSnapshot is deleted. @default 'Delete' */
  readonly deletionPolicy?: 'Delete' | 'Retain';
  /** Driver parameters. @default - none */
  readonly parameters?: Record<string, string>;
  /** The class exists in the cluster already: the library checks it and names it, but does not emit it. @default false */
  readonly existing?: boolean;
}

/**
 * The storage a stack's databases and backups use. Declared classes are emitted in the
 * first wave (before anything that needs them) or, with `existing: true`, only checked
 * and named; either way the stack's settings point at them.
 */
export interface StorageProps {
  /** StorageClass of the database and snapshot volumes. @default - the cluster's default StorageClass, unchecked */
  readonly storageClass?: StorageClassDeclaration;
  /** VolumeSnapshotClass for backups, or 'none' when the stack takes no backups. @default - 'csi-snapclass', assumed to exist */
  readonly volumeSnapshotClass?: VolumeSnapshotClassDeclaration | 'none';
}

/** The operator's default VolumeSnapshotClass (qdrant-facts.md §8.4). */
export const DEFAULT_SNAPSHOT_CLASS = 'csi-snapclass';
