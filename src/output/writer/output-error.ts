/** What the file system said, in words, for the common failures of writing an output. */
const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EEXIST: 'something already exists at that path (a planted file or link is never followed)',
  ENOENT: 'a directory on the way does not exist',
  ENOTDIR: 'a path on the way is a file, not a directory',
  EMFILE: 'too many open files',
  EIO: 'an input/output error of the device',
};

/**
 * Writing the output failed on the file system (a full disk, a read-only folder, a
 * missing permission). Not a configuration problem: the input was fine. The previous
 * output, with the guards' memory inside it, is left exactly as it was.
 */
export class QdrantOutputError extends Error {
  /** The path the failing call was about. */
  public readonly path: string;
  /** The file system's error code, e.g. `ENOSPC`. @default - none known */
  public readonly code?: string;

  /** `outcome`: what the failure left, e.g. that the previous output is unchanged. */
  constructor(what: string, path: string, cause: unknown, outcome: string) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why = (code && CAUSES[code]) ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cdk8s-qdrant could not ${what} ${path}: ${why}${code ? ` (${code})` : ''}; ${outcome}`);
    this.name = 'QdrantOutputError';
    this.path = path;
    this.code = code;
  }
}
