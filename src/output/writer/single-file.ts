import * as path from 'path';
import { NODE_OUTPUT_FS, OutputFs } from './output-fs';

/**
 * Writes one file the way the writer writes the output: into a fresh staging directory
 * beside it (a new file, never through a planted link), then one rename over the old
 * file, so a reader sees the old content or the new, never half. The staging directory
 * is removed whatever happens; errors are the file system's, for the caller to word.
 */
export function writeFileAtomically(file: string, content: string, stagingPrefix: string, io: OutputFs = NODE_OUTPUT_FS): void {
  const dir = path.dirname(path.resolve(file));
  let staging: string | undefined;
  try {
    io.makeParents(dir);
    staging = io.mkdtemp(path.join(dir, stagingPrefix));
    const staged = path.join(staging, path.basename(file));
    io.writeNew(staged, content);
    io.rename(staged, file);
  } finally {
    if (staging) io.removeTree(staging);
  }
}
