import { ConfigProblem } from '../../core/errors';
import { AllowedChange } from './allow';
import { GUARD_RULES } from './guard-rules';
import { clusterLabelOfKey } from '../../delivery/cluster-label';
import { GuardState, ObjectRef } from './guard-state';

/** Prefix of the annotation that records an allowed change's reason on the object it changed. */
export const ALLOWED_CHANGE_ANNOTATION_PREFIX = 'cdk8s-qdrant.io/allowed-';

/** An annotation to add to one object of the next output. */
export interface GuardAnnotation {
  readonly object: ObjectRef;
  readonly key: string;
  readonly value: string;
}

export interface GuardOutcome {
  /** Refused changes; nothing may be written when there is one. */
  readonly problems: readonly ConfigProblem[];
  /** Allowances that matched no change (to be removed by the user). */
  readonly unusedAllowances: readonly AllowedChange[];
  /** The reasons of allowed changes, on the objects that remain. */
  readonly annotations: readonly GuardAnnotation[];
  /** One line per allowed change, for the log (removed objects keep no annotation). */
  readonly allowedChanges: readonly string[];
  /** The allowed changes, for the plan. */
  readonly used: readonly UsedAllowance[];
}

/** An allowed change: the guard that found it, where, and the allowance's reason. */
export interface UsedAllowance {
  readonly ruleId: string;
  readonly target: string;
  /** The Kubernetes cluster (its key) where it happens. @default - the only one */
  readonly cluster?: string;
  readonly reason: string;
}

/**
 * Runs every guard rule on the previous and the next state and matches what they find
 * with the allowances. `outputName` names the output directory in messages.
 *
 * In a fleet the same namespace (or, in theory, id) can change on several Kubernetes
 * clusters at once: an allowance then names its cluster (`'<cluster>/<target>'`), and a
 * bare target that would cover more than one cluster matches none of them.
 */
export function checkAgainstPrevious(previous: GuardState, next: GuardState, allowed: readonly AllowedChange[], outputName: string): GuardOutcome {
  const used = new Set<AllowedChange>();
  const problems: ConfigProblem[] = [];
  const annotations: GuardAnnotation[] = [];
  const allowedChanges: string[] = [];
  const usedFindings: UsedAllowance[] = [];
  const fleet = clustersIn(previous, next).size > 1;
  for (const rule of GUARD_RULES) {
    const found = rule.find(previous, next);
    // The Kubernetes clusters each target changes on, once per rule (not once per finding).
    const clustersOf = new Map<string, Set<string>>();
    for (const x of found) clustersOf.set(x.target, (clustersOf.get(x.target) ?? new Set()).add(clusterLabelOfKey(x.cluster)));
    for (const v of found) {
      const qualified = `${clusterLabelOfKey(v.cluster)}/${v.target}`;
      const sharing = [...clustersOf.get(v.target)!].sort();
      const ambiguous = sharing.length > 1;
      const subject = fleet ? `${v.subject} on Kubernetes cluster ${clusterLabelOfKey(v.cluster)}` : v.subject;
      const allowance = rule.allowance && allowed.find((a) => a.change === rule.allowance!.change && (a.target === qualified || (!ambiguous && a.target === v.target)));
      if (allowance) {
        used.add(allowance);
        usedFindings.push({ ruleId: rule.id, target: v.target, cluster: v.cluster, reason: allowance.reason });
        allowedChanges.push(`${subject}: allowed by Allow.${rule.allowance!.factory} [guard ${rule.id}] (${allowance.reason})` +
          (rule.whenAllowed ? `; ${rule.whenAllowed}` : ''));
        if (v.annotate) annotations.push({ object: v.annotate, key: `${ALLOWED_CHANGE_ANNOTATION_PREFIX}${rule.allowance!.change}`, value: allowance.reason });
        continue;
      }
      const call = (target: string) => `Allow.${rule.allowance!.factory}('${target}', '<reason>')`;
      const remedy = !rule.allowance
        ? 'this is never allowed'
        : ambiguous
          ? `"${v.target}" changes on Kubernetes clusters ${sharing.join(' and ')}, so an allowance names its cluster: if this is intended, add ${call(qualified)} to the QdrantApp's allowedChanges`
          : `if this is intended, add ${call(v.target)} to the QdrantApp's allowedChanges`;
      problems.push({ constructPath: `${outputName}/${v.folder}`, prop: subject, value: v.value, allowed: `${v.why}; ${remedy} [guard ${rule.id}]` });
    }
  }
  return { problems, unusedAllowances: allowed.filter((a) => !used.has(a)), annotations, allowedChanges, used: usedFindings };
}

/** The Kubernetes clusters the objects of either state are applied to. */
function clustersIn(...states: GuardState[]): Set<string | undefined> {
  return new Set(states.flatMap((s) => [
    ...s.clusters, ...s.namespaces, ...s.snapshots, ...s.restores, ...s.operators, ...s.regions.map((r) => r.anchor),
  ].map((o) => o.cluster)));
}
