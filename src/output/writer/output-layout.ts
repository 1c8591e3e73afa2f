/*
 * The names of the output directory's layout, in one place: what the writer writes, what the
 * guards' memory reads back and what the folder checks accept.
 */

/** The fleet README, at the root of the output directory. */
export const FLEET_README = 'README.md';

/**
 * The guards' memory, at the root of the output directory: what the next synth compares
 * with. It travels with the output (committed, restored and swapped with it).
 */
export const MEMORY_FILE = 'qdrant-state.json';

/** The files the library writes at the root of the output directory, beside the folders. */
export const ROOT_FILES: readonly string[] = [FLEET_README, MEMORY_FILE];

/** Git's housekeeping files at the root of the output directory: the user's, kept across synths. */
export const KEPT_ROOT_FILES: readonly string[] = ['.gitkeep', '.gitignore', '.gitattributes'];

/** How manifest files end (`manifests.k8s.yaml`, and cdk8s's own `*.k8s.yaml` in older outputs). */
export const MANIFEST_SUFFIX = '.k8s.yaml';

/** Every output folder holds this file (the folder's kustomization) and, unless empty, manifests (`*.k8s.yaml`). */
export const FOLDER_MARKER = 'kustomization.yaml';

/** The manifests of a folder. */
export const MANIFEST_FILE = `manifests${MANIFEST_SUFFIX}`;
