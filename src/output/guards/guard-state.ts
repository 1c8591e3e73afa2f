import { createHash } from 'crypto';
import { AGENT_RELEASE_NAME, PRIVATE_CLOUD_RELEASE_NAME } from '../../core/release-names';
import { installedReleaseOf } from '../../delivery/delivery-objects';

/** Kubernetes identity of one object: in a fleet, the Kubernetes cluster is part of it. */
export interface ObjectRef {
  readonly kind: string;
  /** The Kubernetes cluster it is applied to (its delivery's key). @default - the only one */
  readonly cluster?: string;
  readonly namespace?: string;
  readonly name: string;
}

/** An object the guards remember, with the output folder it was written to (for messages only). */
export interface Recorded extends ObjectRef {
  readonly folder: string;
}

/** A Hybrid Cloud region, identified by its environment id. */
export interface RegionRecord {
  readonly environmentId: string;
  readonly namespace: string;
  readonly folder: string;
  /** The agent release object, which carries the reason of an allowed change. */
  readonly anchor: ObjectRef;
}

/** A Private Cloud operator stack, identified by its Kubernetes cluster and namespace. */
export interface OperatorRecord {
  readonly cluster?: string;
  readonly namespace: string;
  readonly folder: string;
}

export interface ClusterRecord extends Recorded {
  readonly id: string;
  readonly version?: string;
  /** Number of Qdrant nodes (pods). @default - the operator's default */
  readonly size?: number;
  /** CPU and memory of each node, as written. @default - none */
  readonly cpu?: string;
  readonly memory?: string;
  readonly storage?: string;
  /**
   * A digest of the rest of the spec (configuration, scheduling, exposure, ...), so the plan
   * can say the settings changed without the memory holding them.
   */
  readonly settings?: string;
  /** Additional volume claim templates: name to requested size. */
  readonly claims: Readonly<Record<string, string>>;
  /** `spec.multiAZ`, chosen at creation only (qdrant-facts.md §13). @default false */
  readonly multiAZ?: boolean;
}

/** A QdrantClusterSnapshot, with the id of the cluster it snapshots. */
export interface SnapshotRecord extends Recorded {
  /** Its `spec.cluster-id`. @default - not given */
  readonly clusterId?: string;
}

export interface RestoreRecord extends Recorded {
  /** The cluster id it restores into (its `cluster-id` label), else the destination name. */
  readonly clusterId: string;
  /** Key (see `keyOf`) of the destination cluster. */
  readonly destination: string;
  /** Whether it writes into an existing cluster rather than creating one. */
  readonly intoExistingCluster: boolean;
  /** Key (see `keyOf`) of the QdrantClusterSnapshot it reads. */
  readonly snapshot: string;
}

/**
 * What the guards remember of one output: every object whose loss or change loses
 * data, keyed by Kubernetes identity (and regions by environment id), never by folder.
 */
export interface GuardState {
  readonly regions: readonly RegionRecord[];
  readonly operators: readonly OperatorRecord[];
  readonly namespaces: readonly Recorded[];
  readonly clusters: readonly ClusterRecord[];
  readonly snapshots: readonly SnapshotRecord[];
  readonly restores: readonly RestoreRecord[];
}

/** A state of new, empty lists, for a reader to fill. */
function emptyLists(): { [K in keyof GuardState]: GuardState[K][number][] } {
  return { regions: [], operators: [], namespaces: [], clusters: [], snapshots: [], restores: [] };
}

export const EMPTY_STATE: GuardState = emptyLists();

/** The records of several states in one. */
export function mergeStates(states: readonly GuardState[]): GuardState {
  const lists = Object.keys(EMPTY_STATE) as (keyof GuardState)[];
  return Object.fromEntries(lists.map((k) => [k, states.flatMap((s) => s[k] as readonly unknown[])])) as unknown as GuardState;
}

/** `<cluster> namespace/name`, the key objects are compared by within one kind. */
export function keyOf(o: { readonly cluster?: string; readonly namespace?: string; readonly name: string }): string {
  return `${o.cluster ?? ''} ${o.namespace ?? ''}/${o.name}`;
}


/** A key as messages show it: `namespace/name`, without the cluster part. */
export function shownKey(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

/** One folder as the guards read it. */
export interface GuardedFolder {
  readonly folder: string;
  /** The Kubernetes cluster its objects are applied to. @default - the only one */
  readonly cluster?: string;
  readonly objects: readonly any[];
}

/** The guard state of rendered (or previously written) folders. Reads only the few kinds and fields it compares. */
export function stateOf(folders: readonly GuardedFolder[]): GuardState {
  const state = emptyLists();
  for (const { folder, cluster, objects } of folders) {
    for (const o of objects) {
      const ref: Recorded = { kind: o?.kind, cluster, namespace: o?.metadata?.namespace, name: o?.metadata?.name, folder };
      const release = installedReleaseOf(o);
      switch (o?.kind) {
        case 'Namespace': state.namespaces.push(ref); break;
        case 'QdrantCluster': state.clusters.push(clusterRecord(ref, o.spec ?? {})); break;
        case 'QdrantClusterSnapshot': state.snapshots.push({ ...ref, clusterId: o.spec?.['cluster-id'] }); break;
        case 'QdrantClusterRestore': state.restores.push(restoreRecord(ref, o)); break;
      }
      if (release?.releaseName === AGENT_RELEASE_NAME) {
        state.regions.push({ environmentId: String(release.values?.config?.hybridCloud?.id), namespace: release.namespace, folder, anchor: ref });
      } else if (release?.releaseName === PRIVATE_CLOUD_RELEASE_NAME) {
        state.operators.push({ cluster, namespace: release.namespace, folder });
      }
    }
  }
  return state;
}

function clusterRecord(ref: Recorded, spec: any): ClusterRecord {
  // Without a prototype: a claim named "constructor" or "__proto__" is a name like any other.
  const claims: Record<string, string> = Object.create(null);
  for (const t of spec.storage?.additionalVolumeClaimTemplates ?? []) {
    const size = t?.spec?.resources?.requests?.storage;
    if (t?.metadata?.name && size) claims[t.metadata.name] = String(size);
  }
  const { id, version, size, resources, storage, multiAZ, ...rest } = spec;
  return {
    ...ref, id: String(id), version, size, cpu: quantityText(resources?.cpu), memory: quantityText(resources?.memory), storage: quantityText(resources?.storage),
    settings: createHash('sha256').update(JSON.stringify({ ...rest, storage: { ...storage, additionalVolumeClaimTemplates: undefined } })).digest('hex').slice(0, 16),
    claims, ...(multiAZ !== undefined ? { multiAZ: multiAZ === true } : {}),
  };
}

function quantityText(q: unknown): string | undefined {
  return q === undefined || q === null ? undefined : String(q);
}

function restoreRecord(ref: Recorded, o: any): RestoreRecord {
  const { source = {}, destination = {} } = o.spec ?? {};
  return {
    ...ref,
    clusterId: o.metadata?.labels?.['cluster-id'] ?? destination.name,
    destination: keyOf({ cluster: ref.cluster, namespace: destination.namespace ?? ref.namespace, name: destination.name }),
    intoExistingCluster: destination.create !== true,
    snapshot: keyOf({ cluster: ref.cluster, namespace: source.namespace ?? ref.namespace, name: source.snapshotName }),
  };
}
