import { IConstruct } from 'constructs';
import { ConfigProblem, pathOf, QdrantConfigError } from './errors';

/** What a policy rule found: the prop to blame, its value and what is allowed instead. */
export interface Violation {
  readonly prop: string;
  readonly value: unknown;
  readonly allowed: string;
}

/**
 * One named rule of the library's policy: a cross-field or domain rule that no single
 * table entry can check. The id appears in the error message, so a user can find the
 * rule (and its source) from the error alone.
 */
export interface PolicyRule<I> {
  /** Stable id, e.g. `expose-needs-api-key`. */
  readonly id: string;
  /** One line: what the rule says and the fact it rests on (a section of qdrant-facts.md). */
  readonly doc: string;
  /** A violation, or `undefined` when `input` keeps the rule. */
  readonly check: (input: I) => Violation | undefined;
}

/** Applies rules in order; the first violation becomes a QdrantConfigError naming the rule. */
export function applyPolicy<I>(scope: IConstruct, rules: readonly PolicyRule<I>[], input: I): void {
  const [first] = policyProblems(scope, rules, input);
  if (first) throw new QdrantConfigError([first]);
}

/** Every violation of `rules` by `input`, as problems of `scope`: for checks that report all at once. */
export function policyProblems<I>(scope: IConstruct, rules: readonly PolicyRule<I>[], input: I): ConfigProblem[] {
  return rules.flatMap((rule) => {
    const v = rule.check(input);
    return v ? [{ constructPath: pathOf(scope), prop: v.prop, value: v.value, allowed: withRuleId(v.allowed, rule.id) }] : [];
  });
}

/** The message of a violated rule: what is allowed, then the rule id. */
export function withRuleId(allowed: string, id: string): string {
  return `${allowed} [rule ${id}]`;
}
