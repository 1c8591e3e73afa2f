import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { failApp } from '../../core/errors';
import { MEMORY_FILE } from '../writer/output-layout';
import { canonicalPath } from '../writer/output-writer';
import { manifestPath, OutputSource } from './output-source';

/** Variables that point git at another repository than the one the output lies in (hooks set them). */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_CEILING_DIRECTORIES'];

/** Runs git in `cwd`'s repository; undefined when git is not installed. Throws on a failure other than a non-zero exit. */
function git(cwd: string, args: readonly string[], input?: string): { status: number; stdout: Buffer; stderr: string } | undefined {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
  for (const v of REPOSITORY_VARIABLES) delete env[v];
  const run = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, env });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  if (run.error) throw run.error;
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/** Where an output directory sits in git: the work tree's top and the output's path in it. */
export interface GitPlace {
  readonly top: string;
  /** The output directory relative to the top, with `/` separators (`deploy/dist`). */
  readonly path: string;
}

/**
 * The git work tree an output directory lies in; undefined outside git (or without git
 * installed: `gitMissing` is then true when a `.git` sits in an ancestor).
 */
export function gitPlaceOf(outdir: string): { place?: GitPlace; gitMissing: boolean } {
  const resolved = canonicalPath(outdir);
  let probe = path.dirname(resolved);
  while (!fs.existsSync(probe)) probe = path.dirname(probe);
  const run = git(probe, ['rev-parse', '--show-toplevel']);
  if (run === undefined) return { gitMissing: hasGitAncestor(probe) };
  if (run.status !== 0) {
    // Only "not a git repository" means outside git; any other failure (a repository git refuses to read) must not drop the guards.
    if (/not a git repository/i.test(run.stderr)) return { gitMissing: false };
    failApp('outdir', outdir, `an output directory whose git repository git can read, so the guards compare with the committed output; git said: ${run.stderr.trim()}`);
  }
  const top = fs.realpathSync(run.stdout.toString('utf8').trim());
  const rel = path.relative(top, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { gitMissing: false };
  return { place: { top, path: rel.split(path.sep).join('/') }, gitMissing: false };
}

function hasGitAncestor(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

/** Refuses to go on when the committed output cannot be read: the guards would compare with less than GitOps deploys. */
function unreadable(place: GitPlace, why: string): never {
  failApp('baseRef', place.path, `a committed output git can read in full; ${why}`);
}

/** The commit a ref names; undefined when it names none (a new repository has no HEAD yet). */
export function resolveCommit(place: GitPlace, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  const run = git(place.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  return run?.status === 0 ? run.stdout.toString('utf8').trim() : undefined;
}

/** The link text when the output directory is committed as a symbolic link at `commit`. */
export function committedLink(place: GitPlace, commit: string): string | undefined {
  const run = git(place.top, ['ls-tree', '-z', commit, '--', place.path]);
  const entry = run?.status === 0 ? parseTree(run.stdout)[0] : undefined;
  if (!entry || entry.mode !== '120000') return undefined;
  return readBlobs(place, [entry.oid]).get(entry.oid);
}

interface TreeEntry { readonly mode: string; readonly oid: string; readonly path: string }

/** `git ls-tree -z` output: `<mode> <type> <oid>\t<path>\0` per entry. */
function parseTree(out: Buffer): TreeEntry[] {
  return out.toString('utf8').split('\0').filter(Boolean).map((line) => {
    const tab = line.indexOf('\t');
    const [mode, , oid] = line.slice(0, tab).split(' ');
    return { mode, oid, path: line.slice(tab + 1) };
  });
}

/** Reads blobs in one `git cat-file --batch`: `<oid> blob <size>\n<content>\n` per blob. */
function readBlobs(place: GitPlace, oids: readonly string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  if (!oids.length) return blobs;
  const run = git(place.top, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  if (!run || run.status !== 0) unreadable(place, `git cat-file failed: ${run?.stderr.trim() ?? 'git not found'}`);
  const out = run.stdout;
  let at = 0;
  for (const oid of oids) {
    const newline = out.indexOf(0x0a, at);
    const [answered, type, sizeText] = out.subarray(at, newline).toString('utf8').split(' ');
    const size = Number(sizeText);
    if (answered !== oid || type !== 'blob' || !Number.isInteger(size)) unreadable(place, `git has no blob ${oid} (a partial clone offline, or a damaged repository)`);
    blobs.set(oid, out.subarray(newline + 1, newline + 1 + size).toString('utf8'));
    at = newline + 1 + size + 1;
  }
  return blobs;
}

/** The output committed at a commit: listed with `git ls-tree` (blob ids, no content), read with one `git cat-file --batch`. */
export class GitOutput implements OutputSource {
  public readonly description: string;
  private listed?: Map<string, string>;

  constructor(private readonly place: GitPlace, private readonly commit: string, ref: string) {
    this.description = `git ${ref} (${commit.slice(0, 12)}) at ${place.path}/`;
  }

  public listing(): ReadonlyMap<string, string> {
    if (this.listed) return this.listed;
    const run = git(this.place.top, ['ls-tree', '-r', '-z', this.commit, '--', `${this.place.path}/`]);
    if (!run || run.status !== 0) unreadable(this.place, `git ls-tree failed: ${run?.stderr.trim() ?? 'git not found'}`);
    this.listed = new Map();
    const prefix = `${this.place.path}/`;
    for (const e of parseTree(run.stdout)) {
      const rel = e.path.slice(prefix.length);
      if (e.mode.startsWith('100') && (rel === MEMORY_FILE || manifestPath(rel))) this.listed.set(rel, e.oid);
    }
    return this.listed;
  }

  public read(files: readonly string[]): ReadonlyMap<string, string> {
    const listing = this.listing();
    const blobs = readBlobs(this.place, files.map((f) => listing.get(f)!));
    return new Map(files.map((f) => [f, blobs.get(listing.get(f)!)!]));
  }
}
