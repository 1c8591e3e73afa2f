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
export function objectChanges(previousTexts: readonly string[], newText: string | undefined, newObjects: readonly any[]): ObjectChanges {
  const before = new Map<string, string>();
  for (const doc of previousTexts.flatMap(documents)) {
    const id = identity(parseQuietly(doc));
    if (id) before.set(id, doc);
  }
  const newDocs = newText === undefined ? [] : documents(newText);
  const after = new Map<string, string | undefined>(newObjects.map((o, i) => [identity(o)!, newDocs.length === newObjects.length ? newDocs[i] : undefined]));
  const sorted = (xs: string[]) => xs.sort();
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    changed: sorted([...after].filter(([k, doc]) => before.has(k) && before.get(k) !== doc).map(([k]) => k)),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
  };
}

/** Every object of some manifest texts, as `Kind namespace/name` (a folder that left the output). */
export function objectsIn(texts: readonly string[]): string[] {
  return texts.flatMap(documents).map((d) => identity(parseQuietly(d))).filter((x): x is string => x !== undefined).sort();
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
