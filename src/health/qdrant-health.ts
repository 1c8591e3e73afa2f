/**
 * How healthy a `qdrant.io` object is, from the `status.phase` its operator writes: the one
 * table both GitOps tools read (Argo CD through Lua, Flux through CEL). Health names are
 * Argo CD's; Flux maps them in flux-health.ts.
 */
export type QdrantHealth = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended';

/** The health of each phase of one `qdrant.io` kind. */
export interface QdrantKindHealth {
  readonly kind: string;
  /** Every phase the kind's status may carry, and its health. */
  readonly phases: Readonly<Record<string, QdrantHealth>>;
  /** Where the phases come from. */
  readonly source: string;
}

export const QDRANT_API_VERSION = 'qdrant.io/v1';

/**
 * The phases of each kind (qdrant-facts.md §7 and §13, "QdrantCluster health"; the CRDs'
 * `status.phase` enums). A phase missing from the status means the operator has not
 * reported yet: progressing. A skipped snapshot or restore produced nothing, so it is
 * degraded like a failed one; a disabled schedule or a cluster under manual maintenance
 * was paused on purpose.
 */
export const QDRANT_HEALTH: readonly QdrantKindHealth[] = [
  {
    kind: 'QdrantCluster',
    source: 'qdrant-facts.md §13 (QdrantCluster health), §7 status.phase',
    phases: {
      Healthy: 'Healthy',
      Creating: 'Progressing', Updating: 'Progressing', Scaling: 'Progressing', Upgrading: 'Progressing',
      Suspending: 'Progressing', Resuming: 'Progressing',
      FailedToCreate: 'Degraded', FailedToUpdate: 'Degraded', FailedToSuspend: 'Degraded', FailedToResume: 'Degraded',
      NotReady: 'Degraded', RecoveryMode: 'Degraded',
      Suspended: 'Suspended', ManualMaintenance: 'Suspended',
    },
  },
  {
    kind: 'QdrantClusterSnapshot',
    source: 'qdrant-facts.md §7 (QdrantClusterSnapshot status.phase, CRD enum)',
    phases: { Running: 'Progressing', Succeeded: 'Healthy', Failed: 'Degraded', Skipped: 'Degraded' },
  },
  {
    kind: 'QdrantClusterScheduledSnapshot',
    source: 'qdrant-facts.md §7 (QdrantClusterScheduledSnapshot status.phase, CRD enum)',
    phases: { Active: 'Healthy', Disabled: 'Suspended' },
  },
  {
    kind: 'QdrantClusterRestore',
    source: 'qdrant-facts.md §7 (QdrantClusterRestore status.phase, CRD enum)',
    phases: { Pending: 'Progressing', Running: 'Progressing', Succeeded: 'Healthy', Failed: 'Degraded', Skipped: 'Degraded' },
  },
];

/** The phases of `kind` whose health is `health`, in table order. */
export function phasesWith(kind: QdrantKindHealth, health: QdrantHealth): string[] {
  return Object.entries(kind.phases).filter(([, h]) => h === health).map(([phase]) => phase);
}
