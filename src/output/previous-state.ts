import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { failApp } from '../core/errors';
import { EMPTY_STATE, GuardState, parseState, stateOf } from './guard-state';
import { MANIFEST_SUFFIX } from './output-writer';

/** Suffix of the state file written beside an output directory (`dist` -> `dist.qdrant-state.json`). */
export const STATE_FILE_SUFFIX = '.qdrant-state.json';

/** The state file beside an output directory. */
export function stateFileOf(outdir: string): string {
  return `${path.resolve(outdir)}${STATE_FILE_SUFFIX}`;
}

export interface PreviousState {
  readonly state: GuardState;
  /** What the user must know about where it came from (printed as warnings). */
  readonly warnings: readonly string[];
}

export interface PreviousStateQuery {
  /** The output directory the app writes. */
  readonly outdir: string;
  /** An explicitly named previous output (directory) or state file. @default - the output directory's own state */
  readonly previousOutput?: string;
  /** Whether the cdk8s CLI runs the app (it empties the output directory first). */
  readonly underCli: boolean;
  /**
   * The Kubernetes cluster of an output folder, for an output written before state files
   * existed (its manifests do not say). @default - the only one
   */
  readonly clusterOf?: (folder: string) => string | undefined;
}

/**
 * Finds what the guards compare with: the state file beside the output (it survives
 * the CLI emptying the output directory), else the manifests of an output written
 * before state files existed. A `previousOutput` that does not exist is an error.
 */
export function previousState(q: PreviousStateQuery): PreviousState {
  if (q.previousOutput !== undefined) return namedPrevious(q.previousOutput, q.clusterOf);
  const file = stateFileOf(q.outdir);
  if (fs.existsSync(file)) return { state: readStateFile(file, 'previousOutput'), warnings: [] };
  if (holdsManifests(q.outdir)) {
    return {
      state: stateOfOutput(q.outdir, q.clusterOf),
      warnings: [`no guard state file ${file}: compared with the manifests in ${q.outdir}; the state file is written now, commit it with the output`],
    };
  }
  if (!q.underCli) return { state: EMPTY_STATE, warnings: [] };
  return {
    state: EMPTY_STATE,
    warnings: [`GUARDS HAD NOTHING TO COMPARE WITH: the cdk8s CLI emptied ${q.outdir} and there is no guard state file ${file}. ` +
      'Unless this is the first synth, restore the state file from git (it is written beside the output on every synth) and synthesise again.'],
  };
}

function namedPrevious(previous: string, clusterOf: PreviousStateQuery['clusterOf']): PreviousState {
  if (!fs.existsSync(previous)) {
    failApp('previousOutput', previous, 'an existing previous output directory (e.g. a checkout of the main branch\'s dist) or its guard state file; ' +
      'the guards cannot run against a path that does not exist');
  }
  if (fs.statSync(previous).isFile()) return { state: readStateFile(previous, 'previousOutput'), warnings: [] };
  const file = stateFileOf(previous);
  if (fs.existsSync(file)) return { state: readStateFile(file, 'previousOutput'), warnings: [] };
  if (!holdsManifests(previous)) {
    const stateFiles = fs.readdirSync(previous).filter((f) => f.endsWith(STATE_FILE_SUFFIX)).sort();
    failApp('previousOutput', previous, `a previous output directory with its guard state file beside it (${file}) or with manifests in its folders ` +
      `(<folder>/*.k8s.yaml), or a guard state file; ${previous} holds neither (an empty directory, or a checkout where the output is ` +
      'not committed?), so the guards would compare with nothing' +
      (stateFiles.length ? `; it holds ${stateFiles.join(', ')}: point previousOutput at the output directory beside it` : ''));
  }
  return { state: stateOfOutput(previous, clusterOf), warnings: [`no guard state file ${file}: compared with the manifests in ${previous}`] };
}

/**
 * The link text recorded in the output's own state file when the output directory was a
 * symlink; undefined without a readable state file or when it was not a link.
 */
export function recordedOutputLink(outdir: string): string | undefined {
  const file = stateFileOf(outdir);
  return fs.existsSync(file) ? parseState(fs.readFileSync(file, 'utf8'))?.outputLink : undefined;
}

function readStateFile(file: string, prop: string): GuardState {
  const state = parseState(fs.readFileSync(file, 'utf8'));
  if (!state) {
    failApp(prop, file, 'a guard state file written by this version of cdk8s-qdrant; restore it from git rather than editing it');
  }
  return state;
}

/** Whether `dir` exists and an output folder of it holds a manifest file (`*.k8s.yaml`). */
function holdsManifests(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() &&
    fs.readdirSync(path.join(dir, d.name)).some((f) => f.endsWith(MANIFEST_SUFFIX)));
}

/** The state of an output written without a state file: its manifests, parsed in-process. */
function stateOfOutput(dir: string, clusterOf: PreviousStateQuery['clusterOf'] = () => undefined): GuardState {
  const folders = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return stateOf(folders.map((folder) => ({
    folder,
    cluster: clusterOf(folder),
    objects: fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith(MANIFEST_SUFFIX)).sort()
      .flatMap((file) => parseAllDocuments(fs.readFileSync(path.join(dir, folder, file), 'utf8'), { version: '1.1' }).map((d) => d.toJS())),
  })));
}
