import { quantityValue } from '../../core/resources';
import { upgradePath } from '../../core/upgrade-path';
import { parseVersion } from '../../core/versions';
import { ClusterRecord, GuardState, keyOf, ObjectRef, RestoreRecord, shownKey } from './guard-state';

/** One data-losing change a rule found between the previous and the next output. */
export interface Violation {
  /** What an allowance names: a cluster id, an environment id or a namespace. */
  readonly target: string;
  /** The Kubernetes cluster (its key, see `ObjectRef.cluster`) where the change happens. @default - the only one */
  readonly cluster?: string;
  /** Output folder, for the message. */
  readonly folder: string;
  /** The object and field, e.g. `QdrantCluster qdrant/qdrant-<id> spec.version`. */
  readonly subject: string;
  readonly value: unknown;
  /** Why it loses data. */
  readonly why: string;
  /** The object that remains and carries the allowance's reason as an annotation. @default - none remains */
  readonly annotate?: ObjectRef;
}

/** A guard: one named check with an id, in the style of a rule pack. */
export interface GuardRule {
  readonly id: string;
  /**
   * The change an allowance permits (a `GuardedChange`, also the suffix of its annotation) and the
   * `Allow` factory that makes one; the compiler holds `Allow` to these names. @default - never allowed
   */
  readonly allowance?: { readonly change: string; readonly factory: string };
  /** One line: what it refuses, and why. */
  readonly reason: string;
  /** What the user must still do once the change is allowed, printed with it. @default - nothing */
  readonly whenAllowed?: string;
  find(previous: GuardState, next: GuardState): Violation[];
}

const byKey = <T extends { readonly namespace?: string; readonly name: string }>(xs: readonly T[]) => new Map(xs.map((x) => [keyOf(x), x]));
const clusterName = (c: ClusterRecord) => `QdrantCluster ${shownKey(keyOf(c))}`;

/** The records of `before` whose key no record of `after` has: what left the output. */
function gone<T>(before: readonly T[], after: readonly T[], key: (x: T) => string): T[] {
  const now = new Set(after.map(key));
  return before.filter((x) => !now.has(key(x)));
}

/** Pairs of the same cluster in both outputs. */
function keptClusters(previous: GuardState, next: GuardState): [ClusterRecord, ClusterRecord][] {
  const now = byKey(next.clusters);
  return previous.clusters.flatMap((old) => (now.has(keyOf(old)) ? [[old, now.get(keyOf(old))!] as [ClusterRecord, ClusterRecord]] : []));
}

/**
 * The restores of `next` that are new, or whose source or destination changed: editing
 * a landed restore makes the operator run it again, so it is judged as a new one.
 */
function newOrRetargeted(previous: GuardState, next: GuardState): RestoreRecord[] {
  const before = byKey(previous.restores);
  return next.restores.filter((r) => {
    const old = before.get(keyOf(r));
    return !old || old.destination !== r.destination || old.snapshot !== r.snapshot || old.intoExistingCluster !== r.intoExistingCluster;
  });
}

/**
 * The newest Qdrant version the snapshot read by `restore` can have been taken at: its
 * cluster's version in the previous output (versions never go down, so the snapshot is
 * that old or older), else in the next. Undefined when the output does not know it.
 */
function snapshotVersionBound(previous: GuardState, next: GuardState, restore: RestoreRecord): string | undefined {
  const snapshot = [...previous.snapshots, ...next.snapshots].find((x) => keyOf(x) === restore.snapshot);
  if (!snapshot?.clusterId) return undefined;
  const source = (state: GuardState) => state.clusters.find((c) => c.id === snapshot.clusterId && c.cluster === snapshot.cluster)?.version;
  return source(previous) ?? source(next);
}

/** True when a snapshot of `from` cannot restore on `to`: same minor or the next only (qdrant-facts.md §13). */
function outsideRestoreWindow(from: string, to: string): boolean {
  const [a, b] = [parseVersion(from), parseVersion(to)];
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) return false;
  return b[0] !== a[0] || b[1] > a[1] + 1;
}

const shrank = (from: string, to: string | undefined) => to === undefined || quantityValue(to) < quantityValue(from);

/** The guards, in the order their findings are reported; `as const` keeps each allowance's names for the types below. */
const RULES = [
  {
    id: 'cluster-deleted',
    allowance: { change: 'delete-cluster', factory: 'clusterDeletion' },
    reason: 'a QdrantCluster left the output: pruning or deleting it deletes its data',
    whenAllowed: 'the QdrantCluster stays in the Kubernetes cluster (it is never pruned): delete it with kubectl when you mean to',
    find: (previous, next) => gone(previous.clusters, next.clusters, keyOf).map((c) => ({
      target: c.id, cluster: c.cluster, folder: c.folder, subject: clusterName(c), value: 'deleted', why: 'a cluster left the output; deleting it deletes its data',
    })),
  },
  {
    id: 'storage-shrink',
    allowance: { change: 'shrink-storage', factory: 'storageShrink' },
    reason: 'volumes only grow: a smaller or removed volume claim cannot be applied without losing data (qdrant-facts: storage)',
    find: (previous, next) => keptClusters(previous, next).flatMap(([old, now]) => {
      const found: Violation[] = [];
      const at = { target: now.id, cluster: now.cluster, folder: now.folder, annotate: now };
      if (old.storage && now.storage && shrank(old.storage, now.storage)) {
        found.push({ ...at, subject: `${clusterName(now)} spec.resources.storage`, value: now.storage, why: `storage can only grow (it was ${old.storage})` });
      }
      for (const [claim, size] of Object.entries(old.claims)) {
        if (shrank(size, now.claims[claim])) {
          found.push({
            ...at, subject: `${clusterName(now)} spec.storage.additionalVolumeClaimTemplates[${claim}]`, value: now.claims[claim] ?? 'removed',
            why: `volume claims can only grow (it was ${size})`,
          });
        }
      }
      return found;
    }),
  },
  {
    id: 'version-skip',
    allowance: { change: 'skip-minor-version', factory: 'versionSkip' },
    reason: 'Qdrant upgrades through the latest patch of each minor version and never downgrades (qdrant-facts.md §13, upgrade path)',
    find: (previous, next) => keptClusters(previous, next).flatMap(([old, now]) => {
      if (!old.version || !now.version) return [];
      const path = upgradePath(old.version, now.version);
      if (!path.refused && path.hops.length <= 1) return [];
      return [{
        target: now.id, cluster: now.cluster, folder: now.folder, annotate: now, subject: `${clusterName(now)} spec.version`, value: now.version,
        why: path.refused
          ? `${path.refused} (it was ${old.version})`
          : `upgrades go through the latest patch of each minor version (it was ${old.version}); take the path ${[old.version, ...path.hops].join(' -> ')}, one version per change`,
      }];
    }),
  },
  {
    id: 'region-removed',
    allowance: { change: 'remove-region', factory: 'regionRemoval' },
    reason: 'a Hybrid region left the output: its databases are created by the agent, never in git, and only its namespace protects them',
    find: (previous, next) => gone(previous.regions, next.regions, (r) => r.environmentId).map((r) => {
      const successor = next.regions.find((x) => x.folder === r.folder);
      return {
        target: r.environmentId, cluster: r.anchor.cluster, folder: r.folder, subject: `HybridRegion environment ${r.environmentId}`,
        value: successor ? successor.environmentId : 'removed',
        why: successor
          ? `the region's environment id changed (it was ${r.environmentId}); the old environment's clusters stay behind in namespace "${r.namespace}"`
          : `the region (namespace "${r.namespace}") left the output; the databases the agent created there are not in git`,
      };
    }),
  },
  {
    id: 'region-namespace-changed',
    allowance: { change: 'change-namespace', factory: 'namespaceChange' },
    reason: 'the namespace of a bootstrapped environment is fixed in Qdrant Cloud (qdrant-facts: Hybrid Cloud environment)',
    find: (previous, next) => {
      const now = new Map(next.regions.map((r) => [r.environmentId, r]));
      return previous.regions.filter((r) => now.has(r.environmentId) && now.get(r.environmentId)!.namespace !== r.namespace).map((r) => {
        const moved = now.get(r.environmentId)!;
        return {
          target: r.environmentId, cluster: moved.anchor.cluster, folder: moved.folder, subject: `HybridRegion environment ${r.environmentId} namespace`, value: moved.namespace,
          why: `the namespace of a bootstrapped environment cannot change (it was "${r.namespace}")`, annotate: moved.anchor,
        };
      });
    },
  },
  {
    id: 'operator-removed',
    allowance: { change: 'remove-operator', factory: 'operatorRemoval' },
    reason: 'an operator stack left the output: its clusters stop being reconciled, and its CRD release goes with it',
    find: (previous, next) => gone(previous.operators, next.operators, (o) => keyOf({ ...o, name: '' })).map((o) => ({
      target: o.namespace, cluster: o.cluster, folder: o.folder, subject: `QdrantOperator in namespace ${o.namespace}`, value: 'removed',
      why: 'the operator stack left the output; the clusters it runs would no longer be reconciled',
    })),
  },
  {
    id: 'namespace-removed',
    allowance: { change: 'remove-namespace', factory: 'namespaceRemoval' },
    reason: 'deleting a Namespace deletes every cluster and volume in it, whatever their own annotations say',
    whenAllowed: 'the Namespace stays in the Kubernetes cluster (it is never pruned): delete it with kubectl when you mean to',
    find: (previous, next) => gone(previous.namespaces, next.namespaces, keyOf).map((n) => ({
      target: n.name, cluster: n.cluster, folder: n.folder, subject: `Namespace ${n.name}`, value: 'removed',
      why: 'a Namespace the library created left the output; deleting it deletes every cluster and volume in it',
    })),
  },
  {
    id: 'restore-into-live-cluster',
    allowance: { change: 'restore-into-live-cluster', factory: 'restoreIntoLiveCluster' },
    reason: 'a restore into an existing cluster overwrites its data',
    find: (previous, next) => {
      const existing = byKey(previous.clusters);
      const created = new Set(next.clusters.map(keyOf).filter((k) => !existing.has(k)));
      // A destination the previous output declares is live whatever `create` says; one it does not
      // declare (a Hybrid region's agent-made cluster) is live unless the restore creates it.
      const intoLive = (r: RestoreRecord) => existing.has(r.destination) || (r.intoExistingCluster && !created.has(r.destination));
      return newOrRetargeted(previous, next).filter(intoLive).map((r) => ({
        target: existing.get(r.destination)?.id ?? r.clusterId, cluster: r.cluster, folder: r.folder,
        subject: `QdrantClusterRestore ${shownKey(keyOf(r))}`, value: `into ${shownKey(r.destination)}`,
        why: 'a restore into an existing cluster overwrites its data', annotate: r,
      }));
    },
  },
  {
    id: 'restore-of-new-snapshot',
    reason: 'a restore cannot read a snapshot created in the same change: nothing orders the restore after the snapshot completes',
    find: (previous, next) => {
      const oldSnapshots = new Set(previous.snapshots.map(keyOf));
      const newSnapshots = new Set(next.snapshots.map(keyOf).filter((k) => !oldSnapshots.has(k)));
      return newOrRetargeted(previous, next).filter((r) => newSnapshots.has(r.snapshot)).map((r) => ({
        target: r.clusterId, cluster: r.cluster, folder: r.folder, subject: `QdrantClusterRestore ${shownKey(keyOf(r))} spec.source`, value: shownKey(r.snapshot),
        why: `the restore reads snapshot ${shownKey(r.snapshot)}, which this change creates, and nothing makes it wait for the snapshot to complete; ` +
          'make it two changes: land this change without the restore, then add the restore in a second change once the snapshot is in phase Succeeded',
      }));
    },
  },
  {
    id: 'restore-minor-window',
    reason: 'a snapshot restores on the same Qdrant minor version or the next one only (qdrant-facts.md §13, snapshot restore window)',
    find: (previous, next) => newOrRetargeted(previous, next).flatMap((r) => {
      const target = next.clusters.find((c) => keyOf(c) === r.destination)?.version;
      const source = snapshotVersionBound(previous, next, r);
      if (!target || !source || !outsideRestoreWindow(source, target)) return [];
      const [major, minor] = parseVersion(source);
      return [{
        target: r.clusterId, cluster: r.cluster, folder: r.folder, subject: `QdrantClusterRestore ${shownKey(keyOf(r))}`, value: `${shownKey(r.snapshot)} onto ${target}`,
        why: `the snapshot was taken at ${source} or earlier, and restores only on v${major}.${minor}.x or v${major}.${minor + 1}.x; ` +
          `restore it into a cluster at that version (a new one), then upgrade that cluster through the latest patch of each minor`,
      }];
    }),
  },
  {
    id: 'multi-az-changed',
    allowance: { change: 'change-multi-az', factory: 'multiAzChange' },
    reason: 'Multi AZ is chosen when a cluster is created and cannot be changed later (qdrant-facts.md §13, zones)',
    whenAllowed: 'the operator does not move a running cluster between zones: re-create the cluster (snapshot, delete, restore) for the change to take effect',
    find: (previous, next) => keptClusters(previous, next).flatMap(([old, now]) => ((old.multiAZ ?? false) === (now.multiAZ ?? false) ? [] : [{
      target: now.id, cluster: now.cluster, folder: now.folder, annotate: now, subject: `${clusterName(now)} spec.multiAZ`, value: now.multiAZ ?? false,
      why: `Multi AZ is chosen at creation only (it was ${old.multiAZ ?? false})`,
    }])),
  },
] as const satisfies readonly GuardRule[];

/** The guards, in the order their findings are reported. */
export const GUARD_RULES: readonly GuardRule[] = RULES;

/** The allowance of each guard rule that takes one, with its literal names. */
type Allowance = Extract<(typeof RULES)[number], { readonly allowance: object }>['allowance'];

// `@useDeclaredType`: the API docs list the values, not the expression that derives them from the rules.
/**
 * A change the guards refuse unless it is allowed explicitly.
 * @useDeclaredType
 */
export type GuardedChange = Allowance['change'];

/** The name of the `Allow` factory of each allowance a guard rule takes. */
export type AllowFactory = Allowance['factory'];

/** The allowances the guard rules take, in rule order. */
export const ALLOWANCES: readonly Allowance[] = RULES.flatMap((r) => ('allowance' in r ? [r.allowance] : []));
