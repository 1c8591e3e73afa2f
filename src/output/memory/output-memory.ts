import { byCodePoint } from '../../core/values';

/**
 * What the output remembers of one folder beyond its manifests: the Kubernetes cluster its
 * objects are applied to (the manifests do not say), and the blob id of each manifest file
 * as written, so an edit by hand or a partial restore is noticed and named.
 */
export interface FolderMemory {
  /** Its delivery's key of the Kubernetes cluster. @default - the only one */
  readonly cluster?: string;
  /** Each manifest file of the folder with its git blob id, as written. */
  readonly manifests: Readonly<Record<string, string>>;
}

/** The memory of a whole output, per folder. */
export interface OutputMemory {
  readonly folders: ReadonlyMap<string, FolderMemory>;
}

const MEMORY_VERSION = 3;

/** The memory file's text: sorted, so two synths give identical bytes and a diff shows what changed. */
export function serializeMemory(memory: OutputMemory): string {
  const folders = [...memory.folders.keys()].sort(byCodePoint).map((name) => {
    const f = memory.folders.get(name)!;
    const manifests = Object.fromEntries(Object.keys(f.manifests).sort(byCodePoint).map((m) => [m, f.manifests[m]]));
    return [name, { ...(f.cluster !== undefined ? { cluster: f.cluster } : {}), manifests }];
  });
  return `${JSON.stringify({
    about: 'cdk8s-qdrant\'s memory of this output: the Kubernetes cluster of each folder, and the blob id of each manifest file as written. '
      + 'The guards read the manifests themselves; commit this file with them and do not edit it.',
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
  const folders = new Map<string, FolderMemory>();
  for (const [name, f] of Object.entries<any>(parsed.folders)) {
    if (!isRecord(f) || !isRecord(f.manifests) || !Object.values(f.manifests).every((v) => typeof v === 'string')) return undefined;
    if (f.cluster !== undefined && typeof f.cluster !== 'string') return undefined;
    folders.set(name, { cluster: f.cluster, manifests: f.manifests as Record<string, string> });
  }
  return { folders };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Whether two folders have the same manifest files with the same blob ids. */
export function sameManifests(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
