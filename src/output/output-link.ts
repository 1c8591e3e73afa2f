import * as fs from 'fs';
import * as path from 'path';
import { recordedOutputLink } from './previous-state';

/*
 * A symlinked output directory across `cdk8s synth`, which deletes the link before the
 * app runs: the guard state file records the link, and the app puts it back.
 */

/**
 * The link text to recreate the output directory with: the state file says it was a
 * symlink, and it is now missing or an empty real directory (the cdk8s CLI deletes the
 * output directory, link included, before the app runs).
 */
export function linkToRestore(outdir: string): string | undefined {
  // Only a missing or empty output directory can be a deleted link: read the state file
  // (which previousState reads again) only then, not on every synth.
  const stat = fs.lstatSync(outdir, { throwIfNoEntry: false });
  const emptied = !stat || (stat.isDirectory() && fs.readdirSync(outdir).length === 0);
  return emptied ? recordedOutputLink(outdir) : undefined;
}

/** Recreates the symlinked output directory the state file recorded, so the output reaches the link's target again. */
export function restoreLink(outdir: string, link: string): void {
  if (fs.existsSync(outdir)) fs.rmdirSync(outdir);
  fs.mkdirSync(path.dirname(path.resolve(outdir)), { recursive: true });
  fs.symlinkSync(link, outdir, 'dir');
  process.stderr.write(`cdk8s-qdrant notice: ${outdir} was a symlink to ${link} (guard state file); recreated the link and wrote the output through it\n`);
}
