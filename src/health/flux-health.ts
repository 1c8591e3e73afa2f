import { QDRANT_API_VERSION, QDRANT_HEALTH, phasesWith, QdrantKindHealth } from './qdrant-health';

/** One entry of a Flux Kustomization's `spec.healthCheckExprs`. */
export interface FluxHealthCheckExpr {
  readonly apiVersion: string;
  readonly kind: string;
  readonly current: string;
  readonly inProgress?: string;
  readonly failed?: string;
}

const list = (phases: string[]) => `[${phases.map((p) => `'${p}'`).join(', ')}]`;

/**
 * The one CEL health check of the `qdrant.io` kinds, from the phase table. Flux evaluates
 * `inProgress`, then `failed`, then `current`, and counts an object none of them matches
 * as in progress (fluxcd/pkg runtime/cel, RFC 0009), so a phase a newer operator adds
 * waits rather than passes. Flux has no "suspended": a cluster or schedule paused on
 * purpose counts as current, so the Kustomization does not fail on it.
 */
export function qdrantHealthCheckExpr(kind: QdrantKindHealth): FluxHealthCheckExpr {
  const [progressing, failed] = [phasesWith(kind, 'Progressing'), phasesWith(kind, 'Degraded')];
  // Keys in the order the output sorts them.
  return {
    apiVersion: QDRANT_API_VERSION,
    current: `has(status.phase) && status.phase in ${list([...phasesWith(kind, 'Healthy'), ...phasesWith(kind, 'Suspended')])}`,
    ...(failed.length ? { failed: `has(status.phase) && status.phase in ${list(failed)}` } : {}),
    inProgress: progressing.length ? `!has(status.phase) || status.phase in ${list(progressing)}` : '!has(status.phase)',
    kind: kind.kind,
  };
}

/** `healthCheckExprs` for a Kustomization that applies Qdrant clusters and their snapshots and restores. */
export function qdrantHealthCheckExprs(): FluxHealthCheckExpr[] {
  return QDRANT_HEALTH.map(qdrantHealthCheckExpr);
}
