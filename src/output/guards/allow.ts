import { failApp } from '../../core/errors';
import { AllowFactory, ALLOWANCES, GuardedChange } from './guard-rules';

export type { GuardedChange } from './guard-rules';

/** The change each `Allow` factory allows, as its guard rule names them. */
const CHANGE_OF_FACTORY: ReadonlyMap<AllowFactory, GuardedChange> = new Map(ALLOWANCES.map((a) => [a.factory, a.change]));

/** Every GuardedChange, for run-time checks. */
const GUARDED_CHANGES: ReadonlySet<string> = new Set(CHANGE_OF_FACTORY.values());

/** The allowance made by the `Allow` factory `factory`: the change its guard rule names. */
function allowance(factory: AllowFactory, target: string, reason: string): AllowedChange {
  return { change: CHANGE_OF_FACTORY.get(factory)!, target, reason };
}

/** One allowed change, with the reason a reviewer reads. */
export interface AllowedChange {
  /** Which change. */
  readonly change: GuardedChange;
  /**
   * What it applies to, named the way the change is: a cluster id, an environment id or a
   * namespace; in a fleet, where the same one changes on several Kubernetes clusters,
   * `'<kubernetes cluster>/<target>'` (e.g. `'us-west/qdrant'`).
   */
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
    return allowance('clusterDeletion', clusterId, reason);
  }
  /** Let a cluster's storage, or one of its additional volume claims, shrink or go (volumes only grow). */
  public static storageShrink(clusterId: string, reason: string): AllowedChange {
    return allowance('storageShrink', clusterId, reason);
  }
  /** Let a cluster's version skip a minor version or go down. */
  public static versionSkip(clusterId: string, reason: string): AllowedChange {
    return allowance('versionSkip', clusterId, reason);
  }
  /** Let a region's namespace change (fixed in Qdrant Cloud once the environment is bootstrapped). */
  public static namespaceChange(environmentId: string, reason: string): AllowedChange {
    return allowance('namespaceChange', environmentId, reason);
  }
  /** Let a Hybrid region leave the output (or change its environment id). */
  public static regionRemoval(environmentId: string, reason: string): AllowedChange {
    return allowance('regionRemoval', environmentId, reason);
  }
  /** Let a Private Cloud operator stack leave the output. */
  public static operatorRemoval(namespace: string, reason: string): AllowedChange {
    return allowance('operatorRemoval', namespace, reason);
  }
  /** Let a Namespace the library created leave the output (it stays in the cluster: it is never pruned). */
  public static namespaceRemoval(namespace: string, reason: string): AllowedChange {
    return allowance('namespaceRemoval', namespace, reason);
  }
  /** Let a restore overwrite the data of a cluster that already exists. */
  public static restoreIntoLiveCluster(clusterId: string, reason: string): AllowedChange {
    return allowance('restoreIntoLiveCluster', clusterId, reason);
  }
  /**
   * Let a cluster's `multiAz` change. The operator cannot move a running cluster between
   * one zone and several (qdrant-facts.md §13): allow it only when you re-create the cluster.
   */
  public static multiAzChange(clusterId: string, reason: string): AllowedChange {
    return allowance('multiAzChange', clusterId, reason);
  }
}

/**
 * Compile-time check: `Allow` has a factory for each allowance a guard rule takes, and no other.
 * When they differ, the compiler's error names the factory, e.g.
 * `Type 'true' is not assignable to type '"a guard rule names Allow.fastScaleIn, which Allow lacks"'`.
 */
type FactoryNames = Exclude<keyof typeof Allow, 'prototype'>;
type Missing = Exclude<AllowFactory, FactoryNames>;
type Extra = Exclude<FactoryNames, AllowFactory>;
const ALLOW_MATCHES_RULES: [Missing] extends [never]
  ? ([Extra] extends [never] ? true : `Allow.${Extra} is named by no guard rule's allowance`)
  : `a guard rule names Allow.${Missing}, which Allow lacks` = true;
void ALLOW_MATCHES_RULES;

/** Checks what JavaScript callers pass as `allowedChanges`: a list of `Allow.*` results, each with a reason. */
export function checkAllowedChanges(value: unknown): readonly AllowedChange[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) failApp('allowedChanges', value, 'expected a list of Allow.* allowances');
  (value as unknown[]).forEach((a: any, i) => {
    if (a === null || typeof a !== 'object' || !GUARDED_CHANGES.has(a.change)) {
      failApp(`allowedChanges[${i}]`, a, 'expected an allowance made by Allow.*, such as Allow.clusterDeletion(clusterId, reason)');
    }
    if (typeof a.target !== 'string' || a.target.trim() === '') failApp(`allowedChanges[${i}].target`, a.target, 'expected the cluster id, environment id or namespace the change applies to');
    if (typeof a.reason !== 'string' || a.reason.trim() === '' || a.reason.includes('<reason>')) {
      failApp(`allowedChanges[${i}].reason`, a.reason, 'say why this change is intended');
    }
  });
  return value as readonly AllowedChange[];
}
