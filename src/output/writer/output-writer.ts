import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { APP_PATH, ConfigProblem } from '../../core/errors';
import { dns1123Label } from '../../core/rules';
import { byCodePoint } from '../../core/values';
import { FOLDER_MARKER, KEPT_ROOT_FILES, MANIFEST_SUFFIX, MEMORY_FILE, ROOT_FILES } from './output-layout';
import { NODE_OUTPUT_FS, OutputFs } from './output-fs';
import { QdrantOutputError } from './output-error';

/** One folder of the output, rendered. */
export interface OutputFolder {
  readonly folder: string;
  readonly files: Readonly<Record<string, string>>;
}

/** Between the output directory's name and the random part of a staging directory: `.dist.qdrant-synth-Ab12Cd`. */
const STAGING_INFIX = '.qdrant-synth-';
/**
 * The file that marks a staging directory as this library's: only a directory holding it
 * (or an empty one) is ever removed as a leftover, whatever its name.
 */
const STAGING_MARKER = '.cdk8s-qdrant-staging';
/** What synths before staging markers existed left when killed: `dist.tmp-<pid>`, `dist.old-<pid>`. */
const OLD_LEFTOVER = /\.(tmp|old)-[0-9]+$/;
/** Inside a staging directory: the new output, then the previous one once moved aside. */
const NEW_OUTPUT = 'new';
const PREVIOUS_OUTPUT = 'previous';

/**
 * Writes every folder into a staging directory beside the output, then swaps it with the
 * old output. The staging directory has a fresh random name and every file is created
 * exclusively, so nothing planted there is followed. A failure before the swap leaves the
 * old output as it was and removes the staging directory; a killed process leaves a
 * marked staging directory that the next synth removes (`recoverLeftovers`), moving the
 * old output back first if the kill fell between the two renames of the swap.
 *
 * A symlinked output directory keeps its link: the target is replaced. `rootFiles` is
 * called once every folder is written (the guards' memory summarises them) and gives the
 * files beside the folders; the git housekeeping files of the old output are kept
 * (`KEPT_ROOT_FILES`). `folders` may be produced lazily, so that only one folder's text is held at a time.
 */
export function writeOutput(
  outdir: string, folders: Iterable<OutputFolder>, rootFiles: () => Readonly<Record<string, string>>, io: OutputFs = NODE_OUTPUT_FS,
): void {
  const target = realTarget(outdir);
  const step = <T>(what: string, at: string, call: () => T): T => {
    try {
      return call();
    } catch (err) {
      throw new QdrantOutputError(what, at, err, unchanged(outdir));
    }
  };
  const parent = path.dirname(target);
  step('create', parent, () => io.makeParents(parent));
  const work = step('create a staging directory in', parent, () => io.mkdtemp(path.join(parent, `.${path.basename(target)}${STAGING_INFIX}`)));
  let previousMovedAside = false;
  try {
    const marker = path.join(work, STAGING_MARKER);
    step('write', marker, () => io.writeNew(marker, `${JSON.stringify({ writer: 'cdk8s-qdrant', pid: process.pid, host: os.hostname() })}\n`));
    const staged = path.join(work, NEW_OUTPUT);
    step('create', staged, () => io.mkdir(staged));
    const write = (file: string, content: string) => step('write', file, () => io.writeNew(file, content));
    for (const f of folders) {
      const dir = path.join(staged, f.folder);
      step('create', dir, () => io.mkdir(dir));
      for (const [name, content] of Object.entries(f.files)) write(path.join(dir, name), content);
    }
    for (const [name, content] of Object.entries(rootFiles())) write(path.join(staged, name), content);
    for (const name of KEPT_ROOT_FILES) {
      const kept = path.join(target, name);
      if (fs.statSync(kept, { throwIfNoEntry: false })?.isFile()) step('copy', kept, () => io.copyNew(kept, path.join(staged, name)));
    }
    const previous = path.join(work, PREVIOUS_OUTPUT);
    if (fs.existsSync(target)) {
      step('move aside the previous output', target, () => io.rename(target, previous));
      previousMovedAside = true;
    }
    try {
      io.rename(staged, target);
    } catch (err) {
      if (previousMovedAside) {
        try {
          io.rename(previous, target);
          previousMovedAside = false;
        } catch {
          throw new QdrantOutputError('move the new output into', target, err, `the previous output is in ${previous}; the next synth moves it back`);
        }
      }
      throw new QdrantOutputError('move the new output into', target, err, unchanged(outdir));
    }
    previousMovedAside = false;
  } catch (err) {
    // With the previous output still aside, the staging directory holds it: leave it for
    // the next synth, which moves it back (recoverLeftovers).
    if (!previousMovedAside) removeQuietly(io, work);
    throw err;
  }
  removeQuietly(io, work);
}

function unchanged(outdir: string): string {
  return `the previous output ${outdir} and the guards' memory in it are unchanged`;
}

/**
 * Removes a staging directory, its marker last: a kill part-way leaves either the marker
 * (the next synth finishes the job) or an empty directory (which it removes too).
 */
function removeStaging(io: OutputFs, work: string): void {
  io.removeTree(path.join(work, NEW_OUTPUT));
  io.removeTree(path.join(work, PREVIOUS_OUTPUT));
  io.removeTree(work);
}

/** Removes a staging directory; one that stays is marked and removed by the next synth. */
function removeQuietly(io: OutputFs, dir: string): void {
  try {
    removeStaging(io, dir);
  } catch {
    // Marked: recoverLeftovers removes it next time.
  }
}

/**
 * Cleans what killed synths of this library left beside the output directory: marked
 * staging directories (and empty ones of that name, from a kill before the marker was
 * written or after it was removed). When the output directory is missing or empty and a
 * staging directory holds the previous output (a kill between the two renames of the
 * swap), that output is moved back first. A staging directory of a synth that may still
 * be running, or one without a marker, is left alone with a notice. Returns one notice per
 * thing done or left.
 */
export function recoverLeftovers(outdir: string, io: OutputFs = NODE_OUTPUT_FS): string[] {
  const target = realTarget(outdir);
  try {
    return recoverBeside(target, io);
  } catch (err) {
    if (err instanceof QdrantOutputError) throw err;
    throw new QdrantOutputError('clean up what a killed synth left beside', target, err, unchanged(outdir));
  }
}

function recoverBeside(target: string, io: OutputFs): string[] {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}${STAGING_INFIX}`;
  const entries = fs.existsSync(parent) ? fs.readdirSync(parent, { withFileTypes: true }) : [];
  const notices: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory() && OLD_LEFTOVER.test(x.name) && x.name.startsWith(`${path.basename(target)}.`))) {
    notices.push(`${path.join(parent, e.name)} looks like what a killed synth of an older cdk8s-qdrant left; it carries no marker, so it is not removed: delete it if it is`);
  }
  for (const e of entries.filter((x) => x.isDirectory() && x.name.startsWith(prefix)).sort((a, b) => byCodePoint(a.name, b.name))) {
    const work = path.join(parent, e.name);
    if (!fs.readdirSync(work).length) {
      io.removeEmptyDir(work);
      continue;
    }
    const owner = stagingOwner(path.join(work, STAGING_MARKER));
    if (owner === undefined) {
      notices.push(`${work} is named like a staging directory of cdk8s-qdrant but carries no marker, so it is not removed: look inside, then delete it`);
    } else if (owner.host !== os.hostname() || (owner.pid !== process.pid && isRunning(owner.pid))) {
      notices.push(`${work} belongs to a synth that may still be running (process ${owner.pid} on ${owner.host}); left alone`);
    } else {
      notices.push(...recoverStaging(work, target, io));
    }
  }
  return notices;
}

/** One marked staging directory of a synth that is gone: the previous output back in place if needed, then removed. */
function recoverStaging(work: string, target: string, io: OutputFs): string[] {
  const previous = path.join(work, PREVIOUS_OUTPUT);
  if (fs.existsSync(previous)) {
    const now = fs.statSync(target, { throwIfNoEntry: false });
    if (now?.isDirectory() && !fs.readdirSync(target).length) io.removeEmptyDir(target);
    if (!fs.existsSync(target)) {
      io.rename(previous, target);
      removeStaging(io, work);
      return [`a killed synth left the previous output in ${work}: moved it back to ${target}`];
    }
    if (!fs.existsSync(path.join(target, MEMORY_FILE))) {
      return [`${work} holds the previous output, and ${target} holds something the library did not finish writing: move the previous output back by hand`];
    }
  }
  removeStaging(io, work);
  return [`removed ${work}, left by a killed synth`];
}

/** Who wrote a staging marker; undefined when the file is missing or not one of ours. */
function stagingOwner(marker: string): { pid: number; host: string } | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(marker, 'utf8'));
    return parsed?.writer === 'cdk8s-qdrant' && Number.isInteger(parsed.pid) && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Refuses an output directory whose replacement would delete what the library did not
 * write: the filesystem root, the current working directory or one of its ancestors, a
 * file, or a directory holding entries other than output folders (DNS-1123 labels holding
 * files, among them kustomization.yaml or manifests) and the root files. A symlinked output is judged
 * by its target; `linkText` stands for an output directory that is missing but will be
 * recreated as a link with that text.
 */
export function outputDirProblems(outdir: string, linkText?: string): ConfigProblem[] {
  const target = linkText === undefined ? realTarget(outdir) : path.resolve(path.dirname(path.resolve(outdir)), linkText);
  const where = target === path.resolve(outdir) ? target : `${target} (the target of the symlink ${path.resolve(outdir)})`;
  const problem = (why: string): ConfigProblem[] => [{
    constructPath: APP_PATH, prop: 'outdir', value: outdir,
    allowed: `a directory of its own, such as 'dist': the output directory is replaced as a whole on every synth, so everything in it is deleted; ${why}`,
  }];
  const canonical = canonicalPath(target);
  const cwd = canonicalPath(process.cwd());
  if (path.parse(canonical).root === canonical) return problem(`${where} is the filesystem root`);
  if (cwd === canonical) return problem(`${where} is the current working directory`);
  if (cwd.startsWith(canonical + path.sep)) return problem(`${where} holds the current working directory ${cwd}`);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return problem(`${where} is a file, not a directory`);
  const unexpected = fs.readdirSync(target, { withFileTypes: true }).filter((e) => !isLibraryEntry(target, e))
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
  if (!unexpected.length) return [];
  const shown = unexpected.slice(0, 5).join(', ') + (unexpected.length > 5 ? ` and ${unexpected.length - 5} more` : '');
  return problem(`${where} holds entries cdk8s-qdrant did not write (${shown}); move them out (or delete them if they are stale output) or choose another outdir`);
}

/** Whether an entry of the output directory is one the library writes: a root file, or an output folder of plain files. */
function isLibraryEntry(dir: string, e: fs.Dirent): boolean {
  if (e.isFile()) return ROOT_FILES.includes(e.name) || KEPT_ROOT_FILES.includes(e.name);
  if (!e.isDirectory() || dns1123Label(e.name) !== undefined) return false;
  const inside = fs.readdirSync(path.join(dir, e.name), { withFileTypes: true });
  return inside.every((f) => f.isFile() && !f.name.startsWith('.')) && inside.some((f) => f.name === FOLDER_MARKER || f.name.endsWith(MANIFEST_SUFFIX));
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
export function canonicalPath(p: string): string {
  const resolved = path.resolve(p);
  if (fs.existsSync(resolved)) return fs.realpathSync(resolved);
  const parent = path.dirname(resolved);
  return parent === resolved ? resolved : path.join(canonicalPath(parent), path.basename(resolved));
}

/** The directory to replace: the output itself, or the target of a symlinked output (which may not exist yet). */
export function realTarget(outdir: string): string {
  const resolved = path.resolve(outdir);
  const isLink = fs.lstatSync(resolved, { throwIfNoEntry: false })?.isSymbolicLink();
  if (!isLink) return resolved;
  return fs.existsSync(resolved) ? fs.realpathSync(resolved) : path.resolve(path.dirname(resolved), fs.readlinkSync(resolved));
}
