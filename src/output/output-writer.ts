import * as fs from 'fs';
import * as path from 'path';
import { APP_PATH, ConfigProblem } from '../core/errors';
import { dns1123Label } from '../core/rules';

/** The fleet README, at the root of the output directory. */
export const FLEET_README = 'README.md';

/** The files the library writes at the root of the output directory, beside the folders. */
const ROOT_FILES: readonly string[] = [FLEET_README];

/** Git's housekeeping files at the root of the output directory: the user's, kept across synths. */
const KEPT_ROOT_FILES: readonly string[] = ['.gitkeep', '.gitignore', '.gitattributes'];

/** How manifest files end (`manifests.k8s.yaml`, and cdk8s's own `*.k8s.yaml` in older outputs). */
export const MANIFEST_SUFFIX = '.k8s.yaml';

/** Every output folder holds this file (the folder's kustomization) and, unless empty, manifests (`*.k8s.yaml`). */
export const FOLDER_MARKER = 'kustomization.yaml';

/** One folder of the output, rendered. */
export interface OutputFolder {
  readonly folder: string;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Writes every folder into a sibling temporary directory, then swaps it with the old
 * output in one step. A symlinked output directory keeps its link: the target is
 * replaced. `rootFiles` (the fleet README) sit beside the folders, with the git housekeeping
 * files the old output had (`KEPT_ROOT_FILES`). The state file is
 * written last, beside the output. `folders` may be produced lazily, so that only one
 * folder's text is held at a time.
 */
export function writeOutput(
  outdir: string, folders: Iterable<OutputFolder>, stateFile: { readonly path: string; readonly content: string },
  rootFiles: Readonly<Record<string, string>> = {},
): void {
  const target = realTarget(outdir);
  const staging = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    fs.mkdirSync(staging, { recursive: true });
    for (const f of folders) {
      const dir = path.join(staging, f.folder);
      fs.mkdirSync(dir);
      for (const [name, content] of Object.entries(f.files)) fs.writeFileSync(path.join(dir, name), content);
    }
    for (const [name, content] of Object.entries(rootFiles)) fs.writeFileSync(path.join(staging, name), content);
    for (const name of KEPT_ROOT_FILES) {
      if (fs.statSync(path.join(target, name), { throwIfNoEntry: false })?.isFile()) fs.copyFileSync(path.join(target, name), path.join(staging, name));
    }
    if (fs.existsSync(target)) fs.renameSync(target, previous);
    fs.renameSync(staging, target);
    const stagedState = `${stateFile.path}.tmp-${process.pid}`;
    fs.writeFileSync(stagedState, stateFile.content);
    fs.renameSync(stagedState, stateFile.path);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(previous, { recursive: true, force: true });
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
function canonicalPath(p: string): string {
  const resolved = path.resolve(p);
  if (fs.existsSync(resolved)) return fs.realpathSync(resolved);
  const parent = path.dirname(resolved);
  return parent === resolved ? resolved : path.join(canonicalPath(parent), path.basename(resolved));
}

/** The directory to replace: the output itself, or the target of a symlinked output (which may not exist yet). */
function realTarget(outdir: string): string {
  const resolved = path.resolve(outdir);
  const isLink = fs.lstatSync(resolved, { throwIfNoEntry: false })?.isSymbolicLink();
  if (!isLink) return resolved;
  return fs.existsSync(resolved) ? fs.realpathSync(resolved) : path.resolve(path.dirname(resolved), fs.readlinkSync(resolved));
}
