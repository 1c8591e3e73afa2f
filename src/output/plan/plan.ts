import { byCodePoint } from '../../core/values';
import { clusterLabelOfKey } from '../../delivery/cluster-label';
import { Baseline } from '../memory/baseline';
import { sameManifests } from '../memory/output-memory';
import { DatabasePlan } from './database-changes';
import { NO_OBJECT_CHANGES, ObjectChanges, objectChanges, objectsIn } from './object-changes';

/** One output folder in the plan. */
export interface FolderPlan {
  readonly folder: string;
  /** The Kubernetes cluster its objects are applied to, as users name it. */
  readonly kubernetesCluster: string;
  readonly state: 'new' | 'changed' | 'removed';
  readonly objects: ObjectChanges;
}

/** What a synth does, like `terraform plan`: printed on every synth, and written to the plan file when one is named. */
export interface Plan {
  /** The output directory, as given. */
  readonly output: string;
  readonly written: { readonly folders: number; readonly objects: number; readonly warnings: number };
  /** What the guards compared with. @default - nothing */
  readonly baseline?: string;
  /** Why the guards had nothing to compare with. @default - they had something */
  readonly nothingToCompare?: string;
  /** How the previous output was read (memory disagreements, fallbacks). */
  readonly notes: readonly string[];
  /** The folders that are new, changed or removed; unchanged ones are left out. */
  readonly folders: readonly FolderPlan[];
  readonly databases: readonly DatabasePlan[];
  readonly allowances: { readonly used: readonly string[]; readonly unmatched: readonly string[] };
  readonly warnings: readonly string[];
}

/**
 * Collects the folder changes while the writer goes through the new output one folder at
 * a time: a folder whose manifest files have the blob ids of the previous ones is
 * unchanged and not read again.
 */
export class FolderChanges {
  private readonly folders: FolderPlan[] = [];
  private objectCount = 0;

  /**
   * `newFolders`: the folders of the new output. The previous folders that are not among them
   * are read now, while a previous output on disk is still in place.
   */
  constructor(private readonly baseline: Baseline, newFolders: readonly string[]) {
    const kept = new Set(newFolders);
    for (const [folder, previous] of baseline.folders) {
      if (kept.has(folder)) continue;
      this.folders.push({
        folder, kubernetesCluster: clusterLabelOfKey(previous.cluster), state: 'removed', objects: { ...NO_OBJECT_CHANGES, removed: objectsIn(baseline.objectsOf(folder)) },
      });
    }
  }

  /** One folder of the new output, while it is written (the previous output is still in place): its manifest files' blob ids, its manifest text and objects. */
  public add(folder: string, clusterKey: string | undefined, manifests: Readonly<Record<string, string>>, text: string | undefined, objects: readonly any[]): void {
    this.objectCount += objects.length;
    const previous = this.baseline.folders.get(folder);
    const kubernetesCluster = clusterLabelOfKey(clusterKey);
    if (!previous) {
      if (objects.length) this.folders.push({ folder, kubernetesCluster, state: 'new', objects: objectChanges({ texts: [], objects: [] }, text, objects) });
      return;
    }
    if (sameManifests(previous.manifests, manifests)) return;
    const objectsChanged = objectChanges({ texts: this.baseline.manifestsOf(folder), objects: this.baseline.objectsOf(folder) }, text, objects);
    if (objectsChanged.added.length || objectsChanged.changed.length || objectsChanged.removed.length) {
      this.folders.push({ folder, kubernetesCluster, state: 'changed', objects: objectsChanged });
    }
  }

  /** The folders that changed, and the number of objects written. */
  public result(): { folders: FolderPlan[]; objects: number } {
    const sorted = this.folders.sort((a, b) => byCodePoint(a.kubernetesCluster, b.kubernetesCluster) || byCodePoint(a.folder, b.folder));
    return { folders: sorted, objects: this.objectCount };
  }
}
