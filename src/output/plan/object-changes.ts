import { parse } from 'yaml';

/** The objects of one folder that a change adds, changes and removes, each as `Kind namespace/name`. */
export interface ObjectChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export const NO_OBJECT_CHANGES: ObjectChanges = { added: [], changed: [], removed: [] };

/** A document separator at the start of a line, as the manifest writer (and cdk8s) writes it. */
const SEPARATOR = /^---[ \t]*(?:\r?\n|$)/m;

/**
 * The object changes between a folder's previous manifest texts and its new one, compared
 * document by document: the writer's output is byte-stable, so an unchanged object has an
 * identical document. `newObjects` are the new documents' objects, in order. Only folders
 * whose manifests differ are compared, so only they are parsed.
 */
export function objectChanges(
  previous: { readonly texts: readonly string[]; readonly objects: readonly any[] }, newText: string | undefined, newObjects: readonly any[],
): ObjectChanges {
  const before = new Map<string, string>();
  const previousDocs = previous.texts.flatMap(documents);
  // The parsed objects name the documents when they line up; otherwise each document is parsed alone.
  const aligned = previousDocs.length === previous.objects.length;
  previousDocs.forEach((doc, i) => {
    const id = identity(aligned ? previous.objects[i] : parseQuietly(doc));
    if (id) before.set(id, doc);
  });
  const newDocs = newText === undefined ? [] : documents(newText);
  const after = new Map<string, string | undefined>(newObjects.map((o, i) => [identity(o)!, newDocs.length === newObjects.length ? newDocs[i] : undefined]));
  const sorted = (xs: string[]) => xs.sort();
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    changed: sorted([...after].filter(([k, doc]) => before.has(k) && before.get(k) !== doc).map(([k]) => k)),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
  };
}

/** Every object of a folder that left the output, as `Kind namespace/name`. */
export function objectsIn(objects: readonly any[]): string[] {
  return objects.map(identity).filter((x): x is string => x !== undefined).sort();
}

function documents(text: string): string[] {
  return text.split(SEPARATOR).filter((d) => d.trim() !== '');
}

function parseQuietly(doc: string): any {
  try {
    return parse(doc, { version: '1.1' });
  } catch {
    return undefined;
  }
}

function identity(o: any): string | undefined {
  if (!o || typeof o !== 'object' || typeof o.kind !== 'string') return undefined;
  const ns = o.metadata?.namespace;
  return `${o.kind} ${ns ? `${ns}/` : ''}${o.metadata?.name ?? ''}`;
}
