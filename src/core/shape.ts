import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rule } from './rules';
import { check } from './validate';

/**
 * A declarative description of a typed props tree: what each key accepts and its wire
 * name. One shape validates input (refusing unknown keys even from untyped callers)
 * and converts it to the wire form, so validation and mapping cannot drift.
 */
export type Shape = LeafShape<any> | ObjectShape | CustomShape;

interface LeafShape<T> { readonly kind: 'leaf'; readonly rule: Rule<T>; readonly wire?: string }
interface ObjectShape { readonly kind: 'object'; readonly fields: Record<string, Shape>; readonly wire?: string }
interface CustomShape {
  readonly kind: 'custom';
  readonly convert: (scope: IConstruct, prop: string, value: any) => unknown;
  readonly wire?: string;
}

/** A checked value, written as is (optionally under another wire key). */
export function leaf<T>(rule: Rule<T>, wire?: string): Shape {
  return { kind: 'leaf', rule, wire };
}

/** A nested object with known keys. */
export function object(fields: Record<string, Shape>, wire?: string): Shape {
  return { kind: 'object', fields, wire };
}

/** A value with its own check and conversion (lists of structured items). */
export function custom(convert: CustomShape['convert'], wire?: string): Shape {
  return { kind: 'custom', convert, wire };
}

export const bool: Rule<boolean> = (v) => (typeof v === 'boolean' ? undefined : 'expected true or false');

/** Validates `value` against `shape` and returns it in wire form; `undefined` members are dropped. */
export function convertShape(scope: IConstruct, prop: string, shape: Shape, value: unknown): unknown {
  if (value === undefined) return undefined;
  switch (shape.kind) {
    case 'leaf':
      return check(scope, prop, value, shape.rule);
    case 'custom':
      return shape.convert(scope, prop, value);
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(scope, prop, value, 'expected an object');
      const known = Object.keys(shape.fields);
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const field = shape.fields[key];
        if (!field) fail(scope, `${prop}.${key}`, v, `unknown key; expected one of ${known.map((k) => JSON.stringify(k)).join(', ')}`);
        const converted = convertShape(scope, `${prop}.${key}`, field, v);
        if (converted !== undefined) out[field.wire ?? key] = converted;
      }
      return Object.keys(out).length ? out : undefined;
    }
  }
}
