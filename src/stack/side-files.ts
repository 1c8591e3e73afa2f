/**
 * A chart that writes files next to its manifests (environment.json, mirror.yaml).
 * QdrantApp calls `sideFiles()` after validation and writes the files into the
 * chart's output folder; they are not Kubernetes objects and stay out of
 * kustomization.yaml.
 */
export interface ISideFileProvider {
  /**
   * File name to file content. Names are plain (letters, digits, `.`, `_`, `-`; no `/`, no `..`,
   * no leading dot) and none of the folder's own files (`kustomization.yaml`, `README.md`, `*.k8s.yaml`).
   */
  sideFiles(): Record<string, string>;
  /** Short Markdown notes for the folder's README.md. */
  readmeNotes(): string[];
}

export function isSideFileProvider(x: unknown): x is ISideFileProvider {
  return typeof (x as ISideFileProvider)?.sideFiles === 'function' && typeof (x as ISideFileProvider)?.readmeNotes === 'function';
}

/** Stable JSON: two-space indent and a final newline; key order is the builder's. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
