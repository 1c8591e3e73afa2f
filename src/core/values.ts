import { IConstruct } from 'constructs';
import { fail } from './errors';
import { refuseCredentialValues } from './plaintext';

export type Values = Record<string, unknown>;

function isPlainObject(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const PLAIN_VALUES = 'expected plain JSON-like values: strings, numbers, booleans, null, lists and plain objects, without cycles';
const MERGE_KEY = 'a key other than "<<": kustomize (kubectl kustomize, Flux, Argo CD) reads it as a YAML merge key, ' +
  'quoted or not, and fails the build or drops the key';
/** Keys that JavaScript reads as the object's prototype machinery: merged or serialised, they are dropped or crash. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any chart's values; deeper still is refused rather than walked. */
const MAX_DEPTH = 64;

/**
 * Refuses anything in `value` that is not plain JSON-like data, naming the path to it
 * (`agentValues.config.when`): a Date, a function, a symbol, a bigint, a class
 * instance, a non-finite number, a cycle. JavaScript callers can pass any of them; the
 * YAML writer would fail on them deep inside, or write something else than was given.
 * `undefined` members are allowed (they are left out, like optional props).
 */
export function checkPlainValues(scope: IConstruct, prop: string, value: unknown, ancestors: object[] = []): void {
  if (typeof value === 'string') {
    if (UNWRITABLE_TEXT.test(value)) fail(scope, prop, '<set>', UNWRITABLE_MESSAGE);
    return;
  }
  if (value === null || value === undefined || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(scope, prop, String(value), `${PLAIN_VALUES} (numbers must be finite)`);
    return;
  }
  if (typeof value !== 'object') fail(scope, prop, describe(value), PLAIN_VALUES);
  if (ancestors.includes(value)) fail(scope, prop, '<cycle>', `${PLAIN_VALUES}: this object contains itself`);
  if (ancestors.length >= MAX_DEPTH) fail(scope, prop, '<nested>', `${PLAIN_VALUES}, nested at most ${MAX_DEPTH} levels deep`);
  const inside = [...ancestors, value];
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkPlainValues(scope, `${prop}[${i}]`, v, inside));
    return;
  }
  // Objects without a prototype too: the serialisers of cdk8s call methods they lack.
  if (Object.getPrototypeOf(value) !== Object.prototype) fail(scope, prop, describe(value), PLAIN_VALUES);
  for (const [k, v] of Object.entries(value)) {
    if (k === '<<') fail(scope, `${prop}.<<`, '<set>', MERGE_KEY);
    if (UNWRITABLE_TEXT.test(k)) fail(scope, `${prop}[key]`, '<set>', UNWRITABLE_MESSAGE);
    if (PROTOTYPE_KEYS.has(k)) fail(scope, `${prop}.${k}`, '<set>', `${PLAIN_VALUES}; a key named "${k}" would be dropped on the way to the manifest, or break its writer`);
    checkPlainValues(scope, `${prop}.${k}`, v, inside);
  }
}

/**
 * Text no YAML reader takes back as written: line and paragraph separators (U+0085,
 * U+2028, U+2029: line breaks in YAML 1.1, so `kubectl kustomize` fails on the manifest)
 * and unpaired surrogates (not encodable in UTF-8).
 */
const UNWRITABLE_TEXT = /[\u0085\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNWRITABLE_MESSAGE = 'expected text without U+0085, U+2028, U+2029 or unpaired surrogates: kubectl kustomize cannot read them back from the manifest';

/** What a non-JSON value is, for the error (never the value itself: it may hold anything). */
function describe(value: unknown): string {
  if (typeof value === 'function') return '<function>';
  if (typeof value === 'symbol') return '<symbol>';
  if (typeof value === 'bigint') return '<bigint>';
  if (Object.getPrototypeOf(value) === null) return '<object without a prototype>';
  const name = (value as object).constructor?.name;
  return `<${typeof name === 'string' && name !== '' ? name : 'object'} instance>`;
}

/** Paths of every leaf (non-object value) in `values`, e.g. `config.logLevel`. */
export function leafPaths(values: Values, prefix = ''): string[] {
  return Object.entries(values).flatMap(([k, v]) =>
    isPlainObject(v) && Object.keys(v).length > 0 ? leafPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

/**
 * Merges escape-hatch values under typed values. A key the library sets from a typed
 * prop may not be set again through the escape hatch: that would silently override it.
 * Credentials are refused: the escape hatch is no way around a SecretSource.
 */
export function mergeExtraValues(scope: IConstruct, prop: string, typed: Values, extra: Values | undefined): Values {
  if (extra === undefined) return typed;
  // Not shown: a string or list given here may be the credential itself.
  if (!isPlainObject(extra)) fail(scope, prop, extra, 'expected an object of Helm values', true);
  checkPlainValues(scope, prop, extra);
  refuseCredentialValues(scope, prop, extra);
  const typedPaths = new Set(leafPaths(typed));
  for (const path of leafPaths(extra)) {
    const clash = [...typedPaths].find((t) => t === path || t.startsWith(`${path}.`) || path.startsWith(`${t}.`));
    if (clash) fail(scope, `${prop}.${path}`, '<set>', `"${clash}" is set from a typed prop; use that prop instead of the escape hatch`);
  }
  return deepMerge(typed, extra);
}

export function deepMerge(a: Values, b: Values): Values {
  const out: Values = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as Values, v) : v;
  }
  return out;
}

/** Drops `undefined` members recursively, so optional props leave no trace. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (!isPlainObject(value)) return value;
  const out: Values = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const c = compact(v);
    if (isPlainObject(c) && Object.keys(c).length === 0 && Object.keys(v as Values).length > 0) continue;
    out[k] = c;
  }
  return out as T;
}

/** Code-point order: unlike localeCompare, the same on every machine, so output stays byte-identical. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
