import { IConstruct } from 'constructs';
import { fail } from './errors';

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
  for (const rule of rules) {
    const v = rule.check(input);
    if (v) fail(scope, v.prop, v.value, withRuleId(v.allowed, rule.id));
  }
}

/** The message of a violated rule: what is allowed, then the rule id. */
export function withRuleId(allowed: string, id: string): string {
  return `${allowed} [rule ${id}]`;
}
