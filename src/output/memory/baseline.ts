import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { failApp } from '../../core/errors';
import { byCodePoint } from '../../core/values';
import { EMPTY_STATE, GuardState, mergeStates, stateOf } from '../guards/guard-state';
import { MEMORY_FILE } from '../writer/output-layout';
import { realTarget } from '../writer/output-writer';
import { GitOutput, gitPlaceOf, resolveCommit } from './git-output';
import { parseMemory, sameManifests } from './output-memory';
import { DiskOutput, manifestPath, OutputSource } from './output-source';

/** Environment variable naming the git ref the guards compare with (a pull-request check sets `origin/main`). */
export const BASE_REF_ENV = 'QDRANT_BASE_REF';

export interface BaselineQuery {
  /** The output directory the app writes. */
  readonly outdir: string;
  /** An explicitly named previous output directory. @default - git, else the output directory */
  readonly previousOutput?: string;
  /** The git ref to compare with, when the user named one (prop or environment). @default - HEAD */
  readonly baseRef?: string;
  /** The folders of the new output before any allowance annotates them: their manifests' blob ids and guard records. */
  readonly next: ReadonlyMap<string, NextFolder>;
}

/** A folder of the new output as the baseline compares it. */
export interface NextFolder {
  readonly cluster?: string;
  /** Manifest file name to git blob id. */
  readonly manifests: Readonly<Record<string, string>>;
  readonly state: GuardState;
}

/** One folder of the previous output. */
export interface PreviousFolder {
  readonly cluster?: string;
  /** Manifest file name to git blob id. */
  readonly manifests: Readonly<Record<string, string>>;
}

/** What the guards compare with, and where it came from. */
export interface Baseline {
  /** Where the previous output was read, e.g. `git HEAD (3f2a1b9c0d1e) at dist/`; undefined when there is none. */
  readonly source?: string;
  /** Why there is nothing to compare with. @default - there is something */
  readonly nothing?: string;
  readonly state: GuardState;
  readonly folders: ReadonlyMap<string, PreviousFolder>;
  /** What the user must know about how it was read (printed as notices, shown in the plan). */
  readonly notes: readonly string[];
  /** The texts of a previous folder's manifest files (for the plan's object changes). */
  manifestsOf(folder: string): string[];
  /** The objects of a previous folder, in the order of its manifest texts' documents. */
  objectsOf(folder: string): any[];
}

/**
 * Finds what GitOps deploys, which the guards compare with: the output committed in git
 * at the base ref when the output directory lies in a work tree and the ref holds it;
 * else the output directory on disk; `previousOutput` names another directory instead.
 * The guard records always come from manifests: a previous folder whose manifest files
 * have the blob ids of the new folder's (and the same Kubernetes cluster) holds the new
 * folder's objects, and every other previous folder is read and parsed. The memory file
 * only says which Kubernetes cluster each folder was applied to.
 */
export function loadBaseline(q: BaselineQuery): Baseline {
  const notes: string[] = [];
  const source = chooseSource(q, notes);
  const shown = shownPath(q.previousOutput ?? q.outdir);
  if (!source) return nothingToCompare(`${shown}/ holds no output and nothing in git stands for it`, notes);
  const listing = source.listing();
  const byFolder = new Map<string, Record<string, string>>();
  for (const [file, oid] of listing) {
    const m = manifestPath(file);
    if (m) byFolder.set(m.folder, { ...byFolder.get(m.folder), [m.name]: oid });
  }
  if (!byFolder.size) {
    if (q.previousOutput !== undefined) {
      const inside = fs.readdirSync(q.previousOutput, { withFileTypes: true }).filter((e) => e.isDirectory() && new DiskOutput(path.join(q.previousOutput!, e.name), e.name).listing().size);
      failApp('previousOutput', q.previousOutput, 'a previous output directory with manifests in its folders (<folder>/*.k8s.yaml), e.g. a checkout of the ' +
        'main branch\'s output; it holds none (an empty directory, or a checkout where the output is not committed?), so the guards would compare with nothing' +
        (inside.length ? `; its folder ${inside[0].name}/ holds an output: point previousOutput at it` : ''));
    }
    return nothingToCompare(`${source.description} holds no manifests`, notes);
  }
  const memory = listing.has(MEMORY_FILE) ? parseMemory(source.read([MEMORY_FILE]).get(MEMORY_FILE)!) : undefined;
  if (listing.has(MEMORY_FILE) && !memory) notes.push(`${MEMORY_FILE} in ${source.description} is not a memory this version of cdk8s-qdrant reads: the Kubernetes cluster of each folder is taken from the new output`);
  if (!listing.has(MEMORY_FILE)) notes.push(`${source.description} has no ${MEMORY_FILE}: the Kubernetes cluster of each folder is taken from the new output; the file is written with the output from now on`);
  const clusterInNewOutput = clusterOfFolder(q.next);
  const folders = new Map<string, PreviousFolder>();
  const states: GuardState[] = [];
  const reread: string[] = [];
  for (const folder of [...byFolder.keys()].sort(byCodePoint)) {
    const manifests = byFolder.get(folder)!;
    const remembered = memory?.folders.get(folder);
    const cluster = remembered ? remembered.cluster : clusterInNewOutput(folder);
    folders.set(folder, { cluster, manifests });
    // The same bytes on the same Kubernetes cluster hold the same objects as the new folder: no need to read them.
    const next = q.next.get(folder);
    if (next && next.cluster === cluster && sameManifests(next.manifests, manifests)) states.push(next.state);
    else reread.push(folder);
  }
  const disagreeing = [...byFolder.keys()].filter((f) => memory?.folders.has(f) && !sameManifests(memory.folders.get(f)!.manifests, byFolder.get(f)!)).sort(byCodePoint);
  if (disagreeing.length) {
    notes.push(`the manifests of ${listed(disagreeing)} in ${source.description} are not those the library wrote (edited by hand, partly restored, or written by ` +
      'another tool): the guards read them as they are');
  }
  const texts = readFolders(source, reread.map((f) => [f, byFolder.get(f)!] as const));
  const objects = new Map(reread.map((f) => [f, texts.get(f)!.flatMap(parseManifest)]));
  states.push(stateOf(reread.map((folder) => ({ folder, cluster: folders.get(folder)!.cluster, objects: objects.get(folder)! }))));
  const read = (folder: string) => {
    if (!texts.has(folder) && byFolder.has(folder)) texts.set(folder, readFolders(source, [[folder, byFolder.get(folder)!]]).get(folder)!);
    return texts.get(folder) ?? [];
  };
  return {
    source: source.description,
    state: mergeStates(states),
    folders,
    notes,
    manifestsOf: read,
    objectsOf: (folder) => objects.get(folder) ?? read(folder).flatMap(parseManifest),
  };
}

function chooseSource(q: BaselineQuery, notes: string[]): OutputSource | undefined {
  if (q.previousOutput !== undefined) {
    if (!fs.statSync(q.previousOutput, { throwIfNoEntry: false })?.isDirectory()) {
      failApp('previousOutput', q.previousOutput, 'an existing previous output directory, e.g. a checkout of the main branch\'s output; ' +
        'the guards cannot run against a path that is not one');
    }
    return new DiskOutput(q.previousOutput, shownPath(q.previousOutput));
  }
  const { place, gitMissing } = gitPlaceOf(q.outdir);
  if (gitMissing) notes.push('git is not installed: compared with the output on disk, not with the output committed in git');
  if (!place && q.baseRef !== undefined) {
    failApp('baseRef', q.baseRef, `an output directory in a git work tree: ${shownPath(q.outdir)} is not in one, so there is no ref to compare with`);
  }
  if (place) {
    const ref = q.baseRef ?? 'HEAD';
    const commit = resolveCommit(place, ref);
    if (!commit && q.baseRef !== undefined) {
      failApp('baseRef', q.baseRef, `a git ref of the repository at ${place.top} (a branch, tag or commit, e.g. origin/main; $${BASE_REF_ENV} sets it too); ` +
        'it names no commit there (not fetched?)');
    }
    if (commit) {
      const committed = new GitOutput(place, commit, ref);
      if (committed.listing().size) return committed;
      notes.push(`git ${ref} holds no output at ${place.path}/ (not committed yet, or ignored): compared with the output on disk`);
    }
  }
  const disk = new DiskOutput(realTarget(q.outdir), shownPath(q.outdir));
  return disk.listing().size ? disk : undefined;
}

/**
 * The Kubernetes cluster of a previous folder the memory does not cover: that of the new
 * output's folder of the same name; for a folder it does not have (renamed or gone), the
 * only cluster when the new output has one.
 */
function clusterOfFolder(next: ReadonlyMap<string, NextFolder>): (folder: string) => string | undefined {
  const distinct = new Set([...next.values()].map((f) => f.cluster));
  const sole = distinct.size === 1 ? [...distinct][0] : undefined;
  return (folder) => (next.has(folder) ? next.get(folder)!.cluster : sole);
}

function nothingToCompare(why: string, notes: readonly string[]): Baseline {
  return { nothing: why, state: EMPTY_STATE, folders: new Map(), notes, manifestsOf: () => [], objectsOf: () => [] };
}

/** The manifest texts of some folders, read in one go (one `git cat-file` for a commit). */
function readFolders(source: OutputSource, folders: readonly (readonly [string, Record<string, string>])[]): Map<string, string[]> {
  const files = folders.flatMap(([folder, manifests]) => Object.keys(manifests).sort(byCodePoint).map((name) => `${folder}/${name}`));
  const read = source.read(files);
  return new Map(folders.map(([folder, manifests]) => [folder, Object.keys(manifests).sort(byCodePoint).map((name) => read.get(`${folder}/${name}`)!)]));
}

/** The objects of a manifest file (YAML 1.1, as cdk8s writes it). */
export function parseManifest(text: string): any[] {
  return parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS()).filter((o) => o !== null && o !== undefined);
}



function listed(folders: readonly string[]): string {
  return folders.length > 5 ? `${folders.slice(0, 5).join(', ')} and ${folders.length - 5} more folders` : folders.join(', ');
}

/** A path as messages show it: relative to the working directory when inside it. */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(p);
}
