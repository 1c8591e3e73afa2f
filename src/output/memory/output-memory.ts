import { byCodePoint } from '../../core/values';
import { EMPTY_STATE, GuardState, keyOf } from '../guards/guard-state';

/** What the guards remember of one output folder. */
export interface FolderMemory {
  /** The Kubernetes cluster its objects are applied to (its delivery's key). @default - the only one */
  readonly cluster?: string;
  /** Each manifest file of the folder with its git blob id: the memory holds only while these match the files. */
  readonly manifests: Readonly<Record<string, string>>;
  /** The records of the folder's data-holding objects. */
  readonly state: GuardState;
}

/** The guards' memory of a whole output: per folder, so a folder whose manifests disagree is re-read alone. */
export interface OutputMemory {
  readonly folders: Readonly<Record<string, FolderMemory>>;
}

const MEMORY_VERSION = 2;
const LISTS = Object.keys(EMPTY_STATE) as (keyof GuardState)[];

/** The memory file's text: sorted, so two synths give identical bytes and a diff shows what changed. */
export function serializeMemory(memory: OutputMemory): string {
  const folders = Object.keys(memory.folders).sort(byCodePoint).map((name) => {
    const f = memory.folders[name];
    const state = Object.fromEntries(LISTS.map((k) => [k, [...f.state[k]].sort((a: any, b: any) => byCodePoint(recordKey(a), recordKey(b)))]));
    const manifests = Object.fromEntries(Object.keys(f.manifests).sort(byCodePoint).map((m) => [m, f.manifests[m]]));
    return [name, { ...(f.cluster !== undefined ? { cluster: f.cluster } : {}), manifests, ...state }];
  });
  return `${JSON.stringify({
    about: 'cdk8s-qdrant\'s memory of this output: the next synth refuses data-losing changes against it. It is written with the output '
      + 'and checked against the manifests; commit it with them and do not edit it.',
    version: MEMORY_VERSION,
    folders: Object.fromEntries(folders),
  }, null, 2)}\n`;
}

/** Reads a memory file's text; undefined when it is not one this version understands. */
export function parseMemory(text: string): OutputMemory | undefined {
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed?.version !== MEMORY_VERSION || !isRecord(parsed.folders)) return undefined;
  const folders: Record<string, FolderMemory> = {};
  for (const [name, f] of Object.entries<any>(parsed.folders)) {
    if (!isRecord(f) || !isRecord(f.manifests) || !Object.values(f.manifests).every((v) => typeof v === 'string')) return undefined;
    if (f.cluster !== undefined && typeof f.cluster !== 'string') return undefined;
    if (!LISTS.every((k) => Array.isArray(f[k]) && f[k].every(isRecord))) return undefined;
    folders[name] = { cluster: f.cluster, manifests: f.manifests as Record<string, string>, state: Object.fromEntries(LISTS.map((k) => [k, f[k]])) as unknown as GuardState };
  }
  return { folders };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A record's sort key: regions by environment id, the rest by Kubernetes identity. */
function recordKey(r: any): string {
  return r.environmentId ?? `${r.kind ?? ''} ${keyOf({ cluster: r.cluster, namespace: r.namespace, name: r.name ?? '' })}`;
}

/** Whether two folders have the same manifest files with the same blob ids. */
export function sameManifests(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
