import { IConstruct } from 'constructs';
import { fail } from './errors';

/** A PodDisruptionBudget spec: one of the two, as a count or a percentage ("50%"). */
export interface PodDisruptionBudget {
  /** Pods that may be unavailable. @default - not set */
  readonly maxUnavailable?: number | string;
  /** Pods that must stay available. @default - not set */
  readonly minAvailable?: number | string;
}

/** A PDB spec: one of the two fields, each a count or a percentage. */
export function checkPodDisruptionBudget(scope: IConstruct, prop: string, v: PodDisruptionBudget): void {
  const count = (x: number | string) => (typeof x === 'number' ? Number.isInteger(x) && x >= 0 : /^\d+%$/.test(x));
  const unknown = Object.keys(v ?? {}).find((k) => k !== 'maxUnavailable' && k !== 'minAvailable');
  if (unknown) fail(scope, `${prop}.${unknown}`, (v as any)[unknown], 'unknown key; expected "maxUnavailable" or "minAvailable"');
  if (v.maxUnavailable !== undefined && v.minAvailable !== undefined) fail(scope, prop, v, 'set maxUnavailable or minAvailable, not both');
  for (const k of ['maxUnavailable', 'minAvailable'] as const) {
    if (v[k] !== undefined && !count(v[k]!)) fail(scope, `${prop}.${k}`, v[k], 'expected a count (0, 1, ...) or a percentage such as "50%"');
  }
}
