import { IConstruct } from 'constructs';
import { fail } from './errors';
import { refuseCredentialValues } from './plaintext';

export type Values = Record<string, unknown>;

function isPlainObject(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
  if (!isPlainObject(extra)) fail(scope, prop, extra, 'expected an object of Helm values');
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
