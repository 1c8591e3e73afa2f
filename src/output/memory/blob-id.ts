import { createHash } from 'crypto';

/**
 * Git's object id of a file with this content (`git hash-object`): what `git ls-tree`
 * lists for a committed file. The guards' memory records it for each manifest file, so
 * the memory is checked against the output on disk and against a commit alike, without
 * reading a committed file's content.
 */
export function gitBlobId(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
