import { quantityValue } from '../../core/resources';
import { upgradePath } from '../../core/upgrade-path';
import { byCodePoint } from '../../core/values';
import { compareVersions } from '../../core/versions';
import { UsedAllowance } from '../guards/guards';
import { clusterLabelOfKey } from '../../delivery/cluster-label';
import { ClusterRecord, GuardState, keyOf, RestoreRecord, shownKey } from '../guards/guard-state';

/** Whether a change restarts the database's pods: `may` where `qdrant-facts.md` does not say. */
export type Restarts = 'yes' | 'no' | 'may';

/** One thing the operator will do to one Qdrant database. */
export interface DatabaseChange {
  /** What changes: `created`, `deleted`, `version`, `nodes`, `storage`, `volume-claim <name>`, `resources`, `settings`, `restore`. */
  readonly what: string;
  readonly from?: string;
  readonly to?: string;
  /** What the operator does, in words. */
  readonly effect: string;
  readonly restarts: Restarts;
  /** The versions an upgrade goes through, first and last included. @default - none: not a version change */
  readonly path?: readonly string[];
}

/** The changes of one Qdrant database (one QdrantCluster object). */
export interface DatabasePlan {
  /** Its cluster id. */
  readonly id: string;
  /** `QdrantCluster <namespace>/<name>`. */
  readonly object: string;
  readonly kubernetesCluster: string;
  readonly folder: string;
  readonly changes: readonly DatabaseChange[];
}

/**
 * What the operator will do to each Qdrant database, from the guards' records of the
 * previous and the next output. Pod restarts are said as the facts say them: an upgrade
 * is a rolling restart (qdrant-facts §13); for the rest the facts are silent, so `may`.
 */
export function databaseChanges(previous: GuardState, next: GuardState, allowances: readonly UsedAllowance[]): DatabasePlan[] {
  const before = new Map(previous.clusters.map((c) => [keyOf(c), c]));
  const after = new Map(next.clusters.map((c) => [keyOf(c), c]));
  const plans: DatabasePlan[] = [];
  const add = (c: ClusterRecord, changes: DatabaseChange[]) => {
    if (changes.length) plans.push({ id: c.id, object: `QdrantCluster ${shownKey(keyOf(c))}`, kubernetesCluster: clusterLabelOfKey(c.cluster), folder: c.folder, changes });
  };
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) {
      const allowance = allowances.find((a) => a.ruleId === 'cluster-deleted' && a.target === old.id && a.cluster === old.cluster);
      add(old, [{
        what: 'deleted', from: old.version,
        effect: `leaves the output${allowance ? ` (allowed: ${allowance.reason})` : ''}; the QdrantCluster and its volumes stay in the Kubernetes cluster `
          + '(it is never pruned) until you delete it with kubectl',
        restarts: 'no',
      }]);
    } else {
      add(now, changesOf(old, now));
    }
  }
  for (const [key, now] of after) {
    if (!before.has(key)) {
      add(now, [{ what: 'created', to: now.version, effect: `the operator creates ${nodes(now.size ?? 1)}${now.storage ? ` with ${now.storage} of storage each` : ''}`, restarts: 'no' }]);
    }
  }
  addRestores(plans, previous, next, allowances);
  return plans.sort((a, b) => byCodePoint(a.object, b.object));
}

function changesOf(old: ClusterRecord, now: ClusterRecord): DatabaseChange[] {
  const changes: DatabaseChange[] = [];
  if (old.version !== now.version && old.version && now.version && compareVersions(now.version, old.version) < 0) {
    changes.push({
      what: 'version', from: old.version, to: now.version,
      effect: 'a downgrade (allowed by an allowance): Qdrant documents no downgrade path, and every pod restarts on the older version', restarts: 'yes',
    });
  } else if (old.version !== now.version && old.version && now.version) {
    // The hop chain through the latest patch of each minor (qdrant-facts §13): several hops only under an allowance.
    const path = [old.version, ...upgradePath(old.version, now.version).hops];
    changes.push({
      what: 'version', from: old.version, to: now.version, path,
      effect: `${path.length > 2 ? `the documented path goes through ${path.join(' -> ')} (latest patch of each minor); ` : ''}a rolling upgrade: every pod restarts, one at a time `
        + '(with replication factor 2 or more the database stays available)',
      restarts: 'yes',
    });
  }
  const [from, to] = [old.size ?? 1, now.size ?? 1];
  if (from !== to) {
    changes.push(to > from
      ? { what: 'nodes', from: String(from), to: String(to), effect: `scale out: adds ${nodes(to - from)}; existing pods keep running`, restarts: 'no' }
      : { what: 'nodes', from: String(from), to: String(to), effect: `scale in: removes ${nodes(from - to)}; their shards must move to the remaining nodes first`, restarts: 'may' });
  }
  if (old.storage && now.storage && old.storage !== now.storage) {
    changes.push({ what: 'storage', from: old.storage, to: now.storage, effect: volumeEffect(old.storage, now.storage), restarts: 'may' });
  }
  for (const [claim, size] of Object.entries(old.claims)) {
    if (!Object.hasOwn(now.claims, claim)) {
      changes.push({ what: `volume-claim ${claim}`, from: size, to: 'removed', effect: 'the volume claim leaves the spec (allowed by an allowance); its volumes follow their reclaim policy', restarts: 'may' });
    }
  }
  for (const [claim, size] of Object.entries(now.claims)) {
    const was = Object.hasOwn(old.claims, claim) ? old.claims[claim] : undefined;
    if (was !== size) {
      changes.push(was === undefined
        ? { what: `volume-claim ${claim}`, to: size, effect: 'adds a volume to every pod', restarts: 'may' }
        : { what: `volume-claim ${claim}`, from: was, to: size, effect: volumeEffect(was, size), restarts: 'may' });
    }
  }
  if (old.cpu !== now.cpu || old.memory !== now.memory) {
    changes.push({
      what: 'resources', from: `cpu ${old.cpu ?? '-'}, memory ${old.memory ?? '-'}`, to: `cpu ${now.cpu ?? '-'}, memory ${now.memory ?? '-'}`,
      effect: 'new CPU or memory for every pod, applied by the operator', restarts: 'may',
    });
  }
  if (old.settings !== undefined && now.settings !== undefined && old.settings !== now.settings) {
    changes.push({ what: 'settings', effect: 'configuration, scheduling or exposure changed: the operator applies it, restarting pods where the change needs it', restarts: 'may' });
  }
  return changes;
}

function volumeEffect(from: string, to: string): string {
  return quantityValue(to) > quantityValue(from)
    ? 'volume expansion of every pod\'s volume (online where the StorageClass expands online; offline expansion restarts the pods)'
    : 'a smaller volume: cannot be applied without recreating the volume (allowed by an allowance)';
}

function addRestores(plans: DatabasePlan[], previous: GuardState, next: GuardState, allowances: readonly UsedAllowance[]): void {
  const landed = new Map(previous.restores.map((r) => [keyOf(r), r]));
  const isNew = (r: RestoreRecord) => {
    const old = landed.get(keyOf(r));
    return !old || old.snapshot !== r.snapshot || old.destination !== r.destination;
  };
  for (const r of next.restores.filter(isNew)) {
    const target = next.clusters.find((c) => keyOf(c) === r.destination);
    const allowance = allowances.find((a) => a.ruleId === 'restore-into-live-cluster' && a.cluster === r.cluster && a.target === (target?.id ?? r.clusterId));
    const change: DatabaseChange = {
      what: 'restore', from: shownKey(r.snapshot), to: shownKey(r.destination),
      effect: r.intoExistingCluster
        ? `restores the snapshot into the existing cluster, replacing its data${allowance ? ` (allowed: ${allowance.reason})` : ''}`
        : 'creates the cluster from the snapshot',
      restarts: r.intoExistingCluster ? 'may' : 'no',
    };
    const existing = plans.find((p) => target && p.object === `QdrantCluster ${shownKey(keyOf(target))}` && p.kubernetesCluster === clusterLabelOfKey(target.cluster));
    if (existing) (existing.changes as DatabaseChange[]).push(change);
    else plans.push({ id: r.clusterId, object: `QdrantCluster ${shownKey(r.destination)}`, kubernetesCluster: clusterLabelOfKey(r.cluster), folder: r.folder, changes: [change] });
  }
}

function nodes(n: number): string {
  return n === 1 ? '1 node' : `${n} nodes`;
}
