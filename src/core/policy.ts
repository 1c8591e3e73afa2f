import { IConstruct } from 'constructs';
import { ConfigProblem, pathOf, QdrantConfigError } from './errors';
import { addWarning } from './notices';

/** What a policy rule found: the prop to blame, its value and what is allowed instead. */
export interface Violation {
  readonly prop: string;
  readonly value: unknown;
  readonly allowed: string;
}

/**
 * A named rule: its id appears at the end of every error or warning it raises, so a user
 * can find the rule (and its source) from the message alone. Error rules live in the
 * `*_RULES` lists, warning rules (cdk-nag's "warning" level) in the `*_WARNINGS` lists.
 */
export interface NamedRule {
  /** Stable id, e.g. `expose-needs-api-key`. */
  readonly id: string;
  /** One line: what the rule says and the fact it rests on (a section of qdrant-facts.md). */
  readonly doc: string;
}

/**
 * One named rule of the library's policy: a cross-field or domain rule that no single
 * table entry can check.
 */
export interface PolicyRule<I> extends NamedRule {
  /** A violation, or `undefined` when `input` keeps the rule. */
  readonly check: (input: I) => Violation | undefined;
}

/** Applies every rule; all violations together become one QdrantConfigError, each naming its rule (as aws-cdk reports all at once). */
export function applyPolicy<I>(scope: IConstruct, rules: readonly PolicyRule<I>[], input: I): void {
  const problems = policyProblems(scope, rules, input);
  if (problems.length) throw new QdrantConfigError(problems);
}

/** Records each finding of warning rules as a warning of `scope`: the prop, its value, the advice, the rule id. */
export function warnPolicy<I>(scope: IConstruct, rules: readonly PolicyRule<I>[], input: I): void {
  for (const rule of rules) {
    const v = rule.check(input);
    if (v) warnRule(scope, rule, `${v.prop} ${JSON.stringify(v.value)}: ${v.allowed}`);
  }
}

/** Records a warning of a named warning rule whose site words the finding; the text ends in the rule id, like an error's. */
export function warnRule(scope: IConstruct, rule: NamedRule, message: string): void {
  addWarning(scope, withRuleId(message, rule.id));
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
