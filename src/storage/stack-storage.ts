import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { QdrantConfigError } from '../core/errors';
import { applyPolicy, policyProblems, warnRule } from '../core/policy';
import { Delivery, DeliveryStage } from '../delivery/delivery';
import { QdrantClusterScheduledSnapshot, QdrantClusterSnapshot } from '../../imports/qdrant.io';
import { VolumeSnapshotClass, VolumeSnapshotClassDeletionPolicy } from '../../imports/snapshot.storage.k8s.io';
import { DEFAULT_SNAPSHOT_CLASS, StorageClassDeclaration, StorageProps, VolumeSnapshotClassDeclaration } from './storage-props';
import { BACKUP_OBJECT_RULES, NO_SNAPSHOT_CLASS, snapshotClassNoneProp, STORAGE_RULES, STORAGE_WARNINGS, StorageRuleInput } from './storage-rules';
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

/** The stack's input to addStackStorage: the rule input, the declaration, and the stack chart itself. */
export type StackStorageInput = Omit<StorageRuleInput, 'storage'> & {
  readonly storage?: StorageProps;
  /** The stack's own chart (its folder): errors and warnings name it, and its clusters' backups are checked. */
  readonly stack: Chart;
};

/**
 * Checks a stack's storage declaration, emits the classes it declares in the first
 * stage (StorageClass and VolumeSnapshotClass must exist before the environment or any
 * cluster is created, qdrant-facts.md §8.2) into `scope`, the folder of the stack's
 * prerequisites, and returns the names the settings use. The snapshots of the stack's
 * clusters are checked when the app renders, since clusters add them later.
 */
export function addStackStorage(scope: Chart, delivery: Delivery, input: StackStorageInput): ResolvedStorage {
  const stack = input.stack;
  if (input.storage !== undefined) checkStorage(stack, 'storage', input.storage);
  const storage = input.storage ?? {};
  const ruleInput: StorageRuleInput = { ...input, storage };
  applyPolicy(stack, STORAGE_RULES, ruleInput);
  const noneProp = snapshotClassNoneProp(ruleInput);
  checkBackupsOnRender(stack, ruleInput, noneProp);
  // Argo CD with a remote destination applies the prerequisites from a folder of their own.
  const where = scope === stack ? 'emitted here in the first wave'
    : `emitted in the folder \`${scope.node.id}\`, which the stack applies to its Kubernetes cluster in the first wave`;
  const emission: ClassEmission = { scope, delivery, stack, origin: (existing) => (existing ? 'exists in the cluster (checked, not emitted)' : where) };

  const sc = storage.storageClass;
  const vsc = storage.volumeSnapshotClass;
  const notes = sc ? [addStorageClass(emission, sc)] : [];
  if (noneProp !== undefined) {
    if (input.backupsEnabled !== false) warnRule(stack, STORAGE_WARNINGS.backupsDisabled, `${noneProp} is "none": backups of this stack's clusters are disabled`);
    notes.push('Backups: no VolumeSnapshotClass (backups disabled).');
  } else if (vsc && vsc !== NO_SNAPSHOT_CLASS) {
    notes.push(addSnapshotClass(emission, vsc));
  } else if (input.storage !== undefined && input.backupsEnabled !== false) {
    warnRule(stack, STORAGE_WARNINGS.snapshotClassUndeclared, `backups use VolumeSnapshotClass ${namedSnapshotClass(ruleInput) ?? DEFAULT_SNAPSHOT_CLASS}, which storage.volumeSnapshotClass does not declare: check that it exists, or declare it`);
  }
  return {
    storageClass: sc?.name,
    volumeSnapshotClass: vsc === NO_SNAPSHOT_CLASS ? NO_SNAPSHOT_CLASS : vsc ? vsc.name ?? DEFAULT_SNAPSHOT_CLASS : undefined,
    notes,
  };
}

/** Where a declared class is emitted, and how the README says where it comes from. */
interface ClassEmission {
  readonly scope: Chart;
  readonly delivery: Delivery;
  readonly stack: Chart;
  readonly origin: (existing?: boolean) => string;
}

/** Emits a declared StorageClass (unless it exists) in the first stage, protected from pruning; returns its README note. */
function addStorageClass(e: ClassEmission, sc: StorageClassDeclaration): string {
  const allowVolumeExpansion = sc.allowVolumeExpansion ?? true;
  if (!allowVolumeExpansion) {
    warnRule(e.stack, STORAGE_WARNINGS.noVolumeExpansion, `StorageClass ${sc.name} does not allow volume expansion: a cluster's disk can then never grow (vertical scaling needs allowVolumeExpansion: true; disks cannot shrink either)`);
  }
  if (!sc.existing) {
    const obj = new k8s.KubeStorageClass(e.scope, 'storage-class', {
      metadata: { name: sc.name },
      provisioner: sc.provisioner,
      allowVolumeExpansion,
      volumeBindingMode: sc.volumeBindingMode ?? 'WaitForFirstConsumer',
      reclaimPolicy: sc.reclaimPolicy,
      parameters: sc.parameters ? { ...sc.parameters } : undefined,
    });
    // Every database volume names this class: removing it stops their expansion and new replicas.
    e.delivery._stage(obj, DeliveryStage.PREREQUISITES, { preventPrune: true });
  }
  return `Storage: database and snapshot volumes use StorageClass \`${sc.name}\` (${sc.provisioner}, volume expansion ${allowVolumeExpansion ? 'on' : 'off'}), ${e.origin(sc.existing)}.`;
}

/** Emits a declared VolumeSnapshotClass (unless it exists) in the first stage, protected from pruning; returns its README note. */
function addSnapshotClass(e: ClassEmission, vsc: VolumeSnapshotClassDeclaration): string {
  const name = vsc.name ?? DEFAULT_SNAPSHOT_CLASS;
  if (!vsc.existing) {
    const obj = new VolumeSnapshotClass(e.scope, 'volume-snapshot-class', {
      metadata: { name },
      driver: vsc.driver,
      deletionPolicy: (vsc.deletionPolicy ?? 'Delete') as VolumeSnapshotClassDeletionPolicy,
      parameters: vsc.parameters ? { ...vsc.parameters } : undefined,
    });
    e.delivery._stage(obj, DeliveryStage.PREREQUISITES, { preventPrune: true });
  }
  return `Backups: VolumeSnapshotClass \`${name}\` (${vsc.driver}), ${e.origin(vsc.existing)}; it needs the CSI snapshot controller in the cluster.`;
}

/** The calls that declare backup objects, by kind. */
const BACKUP_CALLS: Readonly<Record<string, string>> = {
  [QdrantClusterSnapshot.GVK.kind]: 'addSnapshot',
  [QdrantClusterScheduledSnapshot.GVK.kind]: 'addScheduledSnapshot',
};

/** The VolumeSnapshotClass a setting of the stack names, if any. */
function namedSnapshotClass(input: StorageRuleInput): string | undefined {
  return input.settings.volumeSnapshotClass ?? Object.values(input.otherSnapshotClassSettings ?? {}).find((v) => v !== undefined);
}

/**
 * When the app renders: a snapshot or schedule of the stack's clusters is refused where
 * the stack takes no snapshots, and without any declared or named VolumeSnapshotClass
 * the stack warns once that the operator's default class must exist (qdrant-facts.md §8.4).
 */
function checkBackupsOnRender(stack: Chart, input: StorageRuleInput, noneProp: string | undefined): void {
  const noSnapshotsBecause = noneProp !== undefined ? `${noneProp} is "${NO_SNAPSHOT_CLASS}"`
    : input.backupsEnabled === false ? 'the operator\'s snapshots are switched off (settings.features.backupManagement)' : undefined;
  const assumesDefault = noSnapshotsBecause === undefined && input.storage.volumeSnapshotClass === undefined && namedSnapshotClass(input) === undefined;
  stack.node.addValidation({
    validate: () => {
      const backups = stack.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && BACKUP_CALLS[c.kind] !== undefined);
      const described = backups.map((obj) => {
        const call = `${BACKUP_CALLS[obj.kind]}(${obj.node.id})`;
        const clusterId = obj.metadata.getLabel('cluster-id') ?? '';
        return { text: `${call} of cluster ${clusterId}`, problems: policyProblems(obj.node.scope!, BACKUP_OBJECT_RULES, { call, name: obj.name, clusterId, noSnapshotsBecause }) };
      });
      // Every backup that can never run, in one error (the render stops there, nothing is written).
      const problems = described.flatMap((d) => d.problems);
      if (problems.length) throw new QdrantConfigError(problems);
      if (assumesDefault && described.length) {
        const more = described.length > 1 ? ` and ${described.length - 1} more` : '';
        warnRule(stack, STORAGE_WARNINGS.defaultSnapshotClassAssumed, `backups (${described[0].text}${more}) use VolumeSnapshotClass ${DEFAULT_SNAPSHOT_CLASS}, the operator's default, which this stack ` +
          'assumes exists: nothing declares or names a VolumeSnapshotClass; check that it exists in the cluster, or declare it with storage.volumeSnapshotClass');
      }
      return [];
    },
  });
}
