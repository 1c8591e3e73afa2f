import { IConstruct } from 'constructs';
import { dns1123Subdomain, oneOf, qualifiedName } from '../core/rules';
import { bool, convertShape, custom, Fields, leaf, object, required, stringMap } from '../core/shape';
import { StorageClassDeclaration, StorageProps, VolumeSnapshotClassDeclaration } from './storage-props';

const STORAGE_CLASS: Fields<StorageClassDeclaration> = {
  name: required(leaf(dns1123Subdomain)),
  provisioner: required(leaf(qualifiedName)),
  allowVolumeExpansion: leaf(bool),
  volumeBindingMode: leaf(oneOf(['WaitForFirstConsumer', 'Immediate'])),
  reclaimPolicy: leaf(oneOf(['Delete', 'Retain'])),
  parameters: stringMap(qualifiedName),
  existing: leaf(bool),
};

const SNAPSHOT_CLASS: Fields<VolumeSnapshotClassDeclaration> = {
  name: leaf(dns1123Subdomain),
  driver: required(leaf(dns1123Subdomain)),
  deletionPolicy: leaf(oneOf(['Delete', 'Retain'])),
  parameters: stringMap(qualifiedName),
  existing: leaf(bool),
};

/** StorageProps as a table: each value checked, unknown keys refused. */
const STORAGE: Fields<StorageProps> = {
  storageClass: object<StorageClassDeclaration>(STORAGE_CLASS),
  volumeSnapshotClass: custom((scope, prop, v: VolumeSnapshotClassDeclaration | 'none') => (v === 'none'
    ? v : convertShape(scope, prop, object<VolumeSnapshotClassDeclaration>(SNAPSHOT_CLASS, { what: 'a VolumeSnapshotClassDeclaration or "none"' }), v))),
};

/** Checks a stack's `storage` prop against its table. */
export function checkStorage(scope: IConstruct, prop: string, storage: StorageProps | undefined): void {
  convertShape(scope, prop, object<StorageProps>(STORAGE), storage);
}
