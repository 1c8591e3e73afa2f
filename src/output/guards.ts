import { ConfigProblem } from '../core/errors';
import { AllowedChange } from './allow';
import { GUARD_RULES } from './guard-rules';
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
}

/**
 * Runs every guard rule on the previous and the next state and matches what they find
 * with the allowances. `outputName` names the output directory in messages.
 */
export function checkAgainstPrevious(previous: GuardState, next: GuardState, allowed: readonly AllowedChange[], outputName: string): GuardOutcome {
  const used = new Set<AllowedChange>();
  const problems: ConfigProblem[] = [];
  const annotations: GuardAnnotation[] = [];
  const allowedChanges: string[] = [];
  for (const rule of GUARD_RULES) {
    for (const v of rule.find(previous, next)) {
      const allowance = rule.allowance && allowed.find((a) => a.change === rule.allowance!.change && a.target === v.target);
      if (allowance) {
        used.add(allowance);
        allowedChanges.push(`${v.subject}: ${rule.allowance!.change} allowed (${allowance.reason})`);
        if (v.annotate) annotations.push({ object: v.annotate, key: `${ALLOWED_CHANGE_ANNOTATION_PREFIX}${rule.allowance!.change}`, value: allowance.reason });
        continue;
      }
      const remedy = rule.allowance
        ? `if this is intended, add Allow.${rule.allowance.factory}('${v.target}', '<reason>') to the QdrantApp's allowedChanges`
        : 'this is never allowed';
      problems.push({ constructPath: `${outputName}/${v.folder}`, prop: v.subject, value: v.value, allowed: `${v.why}; ${remedy} [guard ${rule.id}]` });
    }
  }
  return { problems, unusedAllowances: allowed.filter((a) => !used.has(a)), annotations, allowedChanges };
}
