import * as fs from 'fs';
import * as path from 'path';
import { MANIFEST_SUFFIX, MEMORY_FILE } from '../writer/output-layout';
import { gitBlobId } from './blob-id';

/**
 * A previous output the guards compare with: a directory on disk, or the output committed
 * in git at a base ref. Paths are relative to the output directory (`<folder>/<file>`).
 */
export interface OutputSource {
  /** How the plan and messages name it, e.g. `git HEAD (3f2a1b9) at dist/`. */
  readonly description: string;
  /** The manifest files of every folder and the memory file, each with its git blob id. */
  listing(): ReadonlyMap<string, string>;
  /** The contents of some listed files. */
  read(files: readonly string[]): ReadonlyMap<string, string>;
}

/** Whether a listed path is a folder's manifest file (`<folder>/<name>.k8s.yaml`). */
export function manifestPath(file: string): { folder: string; name: string } | undefined {
  const parts = file.split('/');
  return parts.length === 2 && parts[1].endsWith(MANIFEST_SUFFIX) ? { folder: parts[0], name: parts[1] } : undefined;
}

/** An output directory on disk. Listing it hashes its manifest files (git's blob ids), which is a read of each. */
export class DiskOutput implements OutputSource {
  public readonly description: string;
  private listed?: Map<string, string>;

  constructor(private readonly dir: string, shownAs: string) {
    this.description = `the output on disk at ${shownAs}/`;
  }

  /** Hashes every manifest file once: the baseline asks for the listing more than once. */
  public listing(): ReadonlyMap<string, string> {
    this.listed ??= this.hashFiles();
    return this.listed;
  }

  private hashFiles(): Map<string, string> {
    const files = new Map<string, string>();
    if (!fs.statSync(this.dir, { throwIfNoEntry: false })?.isDirectory()) return files;
    for (const e of fs.readdirSync(this.dir, { withFileTypes: true })) {
      if (e.isFile() && e.name === MEMORY_FILE) files.set(e.name, gitBlobId(fs.readFileSync(path.join(this.dir, e.name))));
      if (!e.isDirectory()) continue;
      for (const f of fs.readdirSync(path.join(this.dir, e.name), { withFileTypes: true })) {
        const rel = `${e.name}/${f.name}`;
        if (f.isFile() && manifestPath(rel)) files.set(rel, gitBlobId(fs.readFileSync(path.join(this.dir, rel))));
      }
    }
    return files;
  }

  public read(files: readonly string[]): ReadonlyMap<string, string> {
    return new Map(files.map((f) => [f, fs.readFileSync(path.join(this.dir, f), 'utf8')]));
  }
}
