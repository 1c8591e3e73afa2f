import * as fs from 'fs';
import * as path from 'path';
import { committedLink, gitPlaceOf, resolveCommit } from './git-output';

/*
 * A symlinked output directory across `cdk8s synth`, which deletes the link before the
 * app runs: git remembers the link (it commits symlinks as such), and the app puts it back.
 */

/**
 * The link text to recreate the output directory with: it is now missing or an empty real
 * directory (the cdk8s CLI deletes the output directory, link included, before the app
 * runs), and git's HEAD holds it as a symbolic link.
 */
export function linkToRestore(outdir: string): string | undefined {
  const stat = fs.lstatSync(outdir, { throwIfNoEntry: false });
  const emptied = !stat || (stat.isDirectory() && fs.readdirSync(outdir).length === 0);
  if (!emptied) return undefined;
  const { place } = gitPlaceOf(outdir);
  const head = place && resolveCommit(place, 'HEAD');
  return place && head ? committedLink(place, head) : undefined;
}

/** Recreates the symlinked output directory git recorded, so the output reaches the link's target again; returns the notice to print. */
export function restoreLink(outdir: string, link: string): string {
  if (fs.existsSync(outdir)) fs.rmdirSync(outdir);
  fs.mkdirSync(path.dirname(path.resolve(outdir)), { recursive: true });
  fs.symlinkSync(link, outdir, 'dir');
  return `${outdir} is committed in git as a symlink to ${link}; recreated the link and wrote the output through it`;
}
