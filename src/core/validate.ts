import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rule } from './rules';

/** Checks one prop; throws QdrantConfigError naming construct, prop, value and what is allowed. */
export function check<T>(scope: IConstruct, prop: string, value: T, rule: Rule<T>): T {
  const allowed = rule(value);
  if (allowed !== undefined) fail(scope, prop, value, allowed);
  return value;
}

/** Checks an optional prop when it is set. */
export function checkOptional<T>(scope: IConstruct, prop: string, value: T | undefined, rule: Rule<T>): T | undefined {
  return value === undefined ? undefined : check(scope, prop, value, rule);
}

/** A list prop must be a list (JavaScript callers can pass anything). */
export function checkList(scope: IConstruct, prop: string, values: unknown): void {
  if (values !== undefined && !Array.isArray(values)) fail(scope, prop, values, 'expected a list');
}

/** An object prop must be an object. */
export function checkObject(scope: IConstruct, prop: string, value: unknown, what = 'an object'): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(scope, prop, value, `expected ${what}`);
}

/** Checks each entry of a list prop, naming the index in the prop path. */
export function checkEach<T>(scope: IConstruct, prop: string, values: readonly T[] | undefined, rule: Rule<T>): void {
  checkList(scope, prop, values);
  (values ?? []).forEach((v, i) => check(scope, `${prop}[${i}]`, v, rule));
}

/** Checks keys and values of a string map (labels, node selectors). */
export function checkStringMap(
  scope: IConstruct, prop: string, map: Record<string, string> | undefined,
  keyRule: Rule<string>, valueRule?: Rule<string>,
): void {
  for (const [k, v] of Object.entries(map ?? {})) {
    check(scope, `${prop} key`, k, keyRule);
    if (valueRule) check(scope, `${prop}.${k}`, v, valueRule);
  }
}
