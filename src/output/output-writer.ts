import * as fs from 'fs';
import * as path from 'path';

/** One folder of the output, rendered. */
export interface OutputFolder {
  readonly folder: string;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Writes every folder into a sibling temporary directory, then swaps it with the old
 * output in one step. A symlinked output directory keeps its link: the target is
 * replaced. `rootFiles` (the fleet README) sit beside the folders. The state file is
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

/** The directory to replace: the output itself, or the target of a symlinked output (which may not exist yet). */
function realTarget(outdir: string): string {
  const resolved = path.resolve(outdir);
  const isLink = fs.lstatSync(resolved, { throwIfNoEntry: false })?.isSymbolicLink();
  if (!isLink) return resolved;
  return fs.existsSync(resolved) ? fs.realpathSync(resolved) : path.resolve(path.dirname(resolved), fs.readlinkSync(resolved));
}
