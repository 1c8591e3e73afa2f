import * as fs from 'fs';

/**
 * The file-system calls that write the output, as one object: the writer takes it as a
 * parameter so that tests can fail any single call (a full disk, a read-only folder) or
 * stop every call from one point on (a killed process) and check what is left.
 */
export interface OutputFs {
  /** Creates a directory with a fresh random name from `prefix` (exclusive: never an existing path). */
  mkdtemp(prefix: string): string;
  mkdir(dir: string): void;
  /** Creates a directory and its missing parents. */
  makeParents(dir: string): void;
  /** Creates a new file; fails if anything, a planted link included, is already at `file`. */
  writeNew(file: string, content: string): void;
  copyNew(from: string, to: string): void;
  rename(from: string, to: string): void;
  /** Removes a tree; a missing one is fine. */
  removeTree(dir: string): void;
  /** Removes an empty directory. */
  removeEmptyDir(dir: string): void;
}

/** The real file system. */
export const NODE_OUTPUT_FS: OutputFs = {
  mkdtemp: (prefix) => fs.mkdtempSync(prefix),
  mkdir: (dir) => fs.mkdirSync(dir),
  makeParents: (dir) => { fs.mkdirSync(dir, { recursive: true }); },
  writeNew: (file, content) => fs.writeFileSync(file, content, { flag: 'wx' }),
  copyNew: (from, to) => fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL),
  rename: (from, to) => fs.renameSync(from, to),
  removeTree: (dir) => fs.rmSync(dir, { recursive: true, force: true }),
  removeEmptyDir: (dir) => fs.rmdirSync(dir),
};
