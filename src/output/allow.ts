/** A change the guards refuse unless it is allowed explicitly. */
export type GuardedChange =
  | 'delete-cluster'
  | 'shrink-storage'
  | 'skip-minor-version'
  | 'change-namespace'
  | 'remove-region'
  | 'remove-operator'
  | 'remove-namespace'
  | 'restore-into-live-cluster';

/** One allowed change, with the reason a reviewer reads. */
export interface AllowedChange {
  /** Which change. */
  readonly change: GuardedChange;
  /** What it applies to, named the way the change is: a cluster id, an environment id or a namespace. */
  readonly target: string;
  /** Why it is intended; written as an annotation on the affected object where one remains. */
  readonly reason: string;
}

/**
 * Explicit permissions for changes that can lose data. Each names one target and needs
 * a reason. Remove an allowance once its change has landed: the next synth warns
 * about allowances that matched nothing.
 */
export class Allow {
  /** Let a QdrantCluster leave the output (its data goes when someone deletes the object). */
  public static clusterDeletion(clusterId: string, reason: string): AllowedChange {
    return { change: 'delete-cluster', target: clusterId, reason };
  }
  /** Let a cluster's storage, or one of its additional volume claims, shrink or go (volumes only grow). */
  public static storageShrink(clusterId: string, reason: string): AllowedChange {
    return { change: 'shrink-storage', target: clusterId, reason };
  }
  /** Let a cluster's version skip a minor version or go down. */
  public static versionSkip(clusterId: string, reason: string): AllowedChange {
    return { change: 'skip-minor-version', target: clusterId, reason };
  }
  /** Let a region's namespace change (fixed in Qdrant Cloud once the environment is bootstrapped). */
  public static namespaceChange(environmentId: string, reason: string): AllowedChange {
    return { change: 'change-namespace', target: environmentId, reason };
  }
  /** Let a Hybrid region leave the output (or change its environment id). */
  public static regionRemoval(environmentId: string, reason: string): AllowedChange {
    return { change: 'remove-region', target: environmentId, reason };
  }
  /** Let a Private Cloud operator stack leave the output. */
  public static operatorRemoval(namespace: string, reason: string): AllowedChange {
    return { change: 'remove-operator', target: namespace, reason };
  }
  /** Let a Namespace the library created leave the output (it stays in the cluster: it is never pruned). */
  public static namespaceRemoval(namespace: string, reason: string): AllowedChange {
    return { change: 'remove-namespace', target: namespace, reason };
  }
  /** Let a restore overwrite the data of a cluster that already exists. */
  public static restoreIntoLiveCluster(clusterId: string, reason: string): AllowedChange {
    return { change: 'restore-into-live-cluster', target: clusterId, reason };
  }
}
