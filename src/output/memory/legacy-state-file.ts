import * as fs from 'fs';
import * as path from 'path';

/** Where versions before the memory moved into the output wrote it: beside the output directory. */
const LEGACY_SUFFIX = '.qdrant-state.json';

/**
 * Removes the guard state file that earlier versions wrote beside the output directory
 * (`dist.qdrant-state.json`): the memory now lives inside the output, and a stale copy
 * beside it would only mislead. Only a file this library wrote (its `about` line says so)
 * is removed. Returns a notice per file removed.
 */
export function removeLegacyStateFile(outdir: string): string[] {
  const file = `${path.resolve(outdir)}${LEGACY_SUFFIX}`;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed?.version !== 1 || typeof parsed.about !== 'string' || !parsed.about.startsWith('cdk8s-qdrant guard state')) return [];
  } catch {
    return [];
  }
  fs.rmSync(file);
  return [`removed ${file}: the guards' memory now lives inside the output (${path.basename(outdir)}/qdrant-state.json); commit the removal with the output`];
}
