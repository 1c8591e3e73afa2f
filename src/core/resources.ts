import { IConstruct } from 'constructs';
import { fail } from './errors';
import { quantity } from './rules';
import { checkObject, checkOptional } from './validate';

/** CPU and memory amounts, as Kubernetes quantities ("500m", "2Gi"). */
export interface ComputeAmounts {
  /** CPU, e.g. "500m" or "2". @default - not set */
  readonly cpu?: string;
  /** Memory, e.g. "512Mi". @default - not set */
  readonly memory?: string;
}

/** Container resources. */
export interface ResourceRequirements {
  /** Limits. @default - none */
  readonly limits?: ComputeAmounts;
  /** Requests. @default - none */
  readonly requests?: ComputeAmounts;
}

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The numeric value of a quantity that passed the `quantity` rule. */
export function quantityValue(q: string): number {
  const m = /^\+?((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q);
  if (!m) return NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

/** Checks quantities, and that no request exceeds its limit. */
export function checkResources(scope: IConstruct, prop: string, r?: ResourceRequirements): void {
  if (r === undefined) return;
  checkObject(scope, prop, r, 'resource limits and requests');
  for (const side of ['limits', 'requests'] as const) {
    if (r[side] !== undefined) checkObject(scope, `${prop}.${side}`, r[side], 'cpu and memory');
    checkOptional(scope, `${prop}.${side}.cpu`, r[side]?.cpu, quantity);
    checkOptional(scope, `${prop}.${side}.memory`, r[side]?.memory, quantity);
  }
  checkRequestNotAboveLimit(scope, `${prop}.requests.cpu`, r.requests?.cpu, r.limits?.cpu);
  checkRequestNotAboveLimit(scope, `${prop}.requests.memory`, r.requests?.memory, r.limits?.memory);
}

export function checkRequestNotAboveLimit(scope: IConstruct, prop: string, request?: string, limit?: string): void {
  if (request !== undefined && limit !== undefined && quantityValue(request) > quantityValue(limit)) {
    fail(scope, prop, request, `a request may not exceed its limit (${limit})`);
  }
}
