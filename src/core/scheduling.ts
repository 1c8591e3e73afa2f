import { IConstruct } from 'constructs';
import { fail } from './errors';
import { integerBetween, labelValue, maxItems, oneOf, qualifiedName } from './rules';
import { check, checkList, checkObject, checkOptional, checkStringMap } from './validate';

/** A Kubernetes toleration. */
export interface Toleration {
  /** Taint key; empty matches every key (operator must then be `Exists`). @default - all keys */
  readonly key?: string;
  /** `Equal` needs a value; `Exists` takes none. @default 'Equal' */
  readonly operator?: 'Equal' | 'Exists';
  /** Taint value, for `Equal`. @default - none */
  readonly value?: string;
  /** Taint effect to match. @default - all effects */
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** Seconds a `NoExecute` taint is tolerated. @default - forever */
  readonly tolerationSeconds?: number;
}

/** A topology spread constraint, as the Qdrant operator takes it. */
export interface TopologySpreadConstraint {
  /** Node label that defines the topology domain, e.g. `topology.kubernetes.io/zone`. */
  readonly topologyKey: string;
  /** Largest allowed difference of pods between domains. @default 1 */
  readonly maxSkew?: number;
  /** What to do when the constraint cannot be met. @default 'DoNotSchedule' */
  readonly whenUnsatisfiable?: 'DoNotSchedule' | 'ScheduleAnyway';
  /** Pods counted; the operator selects the cluster's pods when omitted. @default - the cluster's pods */
  readonly labelSelector?: { readonly matchLabels: Record<string, string> };
}

/** Limits the Qdrant Cloud API applies; used for every scheduling input. */
export const MAX_NODE_SELECTOR_ENTRIES = 10;
export const MAX_TOLERATIONS = 10;
export const MAX_TOPOLOGY_SPREAD_CONSTRAINTS = 10;

export function checkNodeSelector(scope: IConstruct, prop: string, nodeSelector?: Record<string, string>): void {
  if (nodeSelector === undefined) return;
  checkObject(scope, prop, nodeSelector, 'a map of labels');
  check(scope, prop, nodeSelector, maxItems(MAX_NODE_SELECTOR_ENTRIES));
  checkStringMap(scope, prop, nodeSelector, qualifiedName, labelValue);
}

export function checkTolerations(scope: IConstruct, prop: string, tolerations?: readonly Toleration[]): void {
  if (tolerations === undefined) return;
  checkList(scope, prop, tolerations);
  check(scope, prop, tolerations, maxItems(MAX_TOLERATIONS));
  tolerations.forEach((t, i) => {
    const p = `${prop}[${i}]`;
    checkObject(scope, p, t, 'a toleration');
    const operator = t.operator ?? 'Equal';
    check(scope, `${p}.operator`, operator, oneOf(['Equal', 'Exists']));
    checkOptional(scope, `${p}.effect`, t.effect, oneOf(['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    if (t.key === undefined || t.key === '') {
      if (operator !== 'Exists') fail(scope, `${p}.operator`, operator, 'a toleration without a key must use operator "Exists"');
    } else {
      check(scope, `${p}.key`, t.key, qualifiedName);
    }
    if (operator === 'Exists' && t.value !== undefined && t.value !== '') {
      fail(scope, `${p}.value`, t.value, 'operator "Exists" takes no value');
    }
    if (operator === 'Equal') check(scope, `${p}.value`, t.value ?? '', labelValue);
    if (t.tolerationSeconds !== undefined) {
      if (t.effect !== 'NoExecute') fail(scope, `${p}.tolerationSeconds`, t.tolerationSeconds, 'tolerationSeconds applies only to effect "NoExecute"');
      check(scope, `${p}.tolerationSeconds`, t.tolerationSeconds, integerBetween(0, Number.MAX_SAFE_INTEGER));
    }
  });
}

export function checkTopologySpread(scope: IConstruct, prop: string, constraints?: readonly TopologySpreadConstraint[]): void {
  if (constraints === undefined) return;
  checkList(scope, prop, constraints);
  check(scope, prop, constraints, maxItems(MAX_TOPOLOGY_SPREAD_CONSTRAINTS));
  constraints.forEach((c, i) => {
    checkObject(scope, `${prop}[${i}]`, c, 'a topology spread constraint');
    check(scope, `${prop}[${i}].topologyKey`, c.topologyKey, qualifiedName);
    checkOptional(scope, `${prop}[${i}].maxSkew`, c.maxSkew, integerBetween(1, 1_000_000));
    checkOptional(scope, `${prop}[${i}].whenUnsatisfiable`, c.whenUnsatisfiable, oneOf(['DoNotSchedule', 'ScheduleAnyway']));
    checkStringMap(scope, `${prop}[${i}].labelSelector.matchLabels`, c.labelSelector?.matchLabels, qualifiedName, labelValue);
  });
}

/** Kubernetes wire form of a topology spread constraint, with defaults applied. */
export function topologySpreadToKube(c: TopologySpreadConstraint) {
  return {
    maxSkew: c.maxSkew ?? 1,
    topologyKey: c.topologyKey,
    whenUnsatisfiable: c.whenUnsatisfiable ?? 'DoNotSchedule',
    labelSelector: c.labelSelector ? { matchLabels: { ...c.labelSelector.matchLabels } } : undefined,
  };
}
