/** Clusters per operator stack in the benchmark workload. */
export const CLUSTERS_PER_STACK = 10;

/** The namespace (and folder prefix) of stack `s`. */
export function stackNamespace(s: number): string {
  return `pc-${s}`;
}

/** The cluster id of cluster `c` of stack `s`: a UUID. */
export function clusterId(s: number, c: number): string {
  return `${s.toString(16).padStart(8, '0')}-${c.toString(16).padStart(4, '0')}-4000-8000-000000000000`;
}
