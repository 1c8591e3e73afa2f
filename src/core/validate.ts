import { IConstruct } from 'constructs';
import { fail } from './errors';
import { refuseCredentialsInMap } from './plaintext';
import { checkPlainValues } from './values';
import { nonEmpty, Rule } from './rules';

/** Checks one prop; throws QdrantConfigError naming construct, prop, value and what is allowed. */
export function check<T>(scope: IConstruct, prop: string, value: T, rule: Rule<T>): T {
  const allowed = rule(value);
  if (allowed !== undefined) fail(scope, prop, value, allowed);
  return value;
}

/** A construct id, checked before constructs sees it (its own error is not the library's). */
export function constructId(scope: IConstruct, id: unknown): string {
  if (typeof id !== 'string' || id.trim() === '') fail(scope, 'id', id, 'expected a non-empty construct id');
  return id;
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

/** An annotation value: any string, but not a credential. */
const freeText: Rule<string> = (v) => (v === '' ? undefined : nonEmpty(v));

/**
 * Checks keys and values of a string map (labels, annotations, node selectors); values without a rule of their own are
 * free text; credentials are refused by shape and by key name.
 */
export function checkStringMap(
  scope: IConstruct, prop: string, map: Record<string, string> | undefined,
  keyRule: Rule<string>, valueRule?: Rule<string>,
): void {
  if (map !== undefined) checkObject(scope, prop, map, 'a map of strings');
  checkPlainValues(scope, prop, map);
  for (const [k, v] of Object.entries(map ?? {})) {
    check(scope, `${prop} key`, k, keyRule);
    check(scope, `${prop}.${k}`, v, valueRule ?? freeText);
  }
  if (map !== undefined) refuseCredentialsInMap(scope, prop, map);
}
