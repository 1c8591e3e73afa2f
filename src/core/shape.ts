import { IConstruct } from 'constructs';
import { fail } from './errors';
import { Rule } from './rules';
import { checkObject, checkStringMap } from './validate';
import { compareVersions } from './versions';

/**
 * A declarative description of a typed props tree, one entry per key: what the key
 * accepts, its wire name, the CRD and Qdrant versions it needs and whether it holds
 * a secret. From one shape come the checks, the refusal of unknown keys (even from
 * untyped callers), the version gates and the conversion to the wire form, so none of
 * them can drift from another.
 *
 * `Fields<T>` makes the compiler hold a table to its interface: every key of `T` needs
 * an entry, no entry may name a key `T` lacks, and a required key needs `required()`.
 */
export interface Shape<T = any, R extends boolean = boolean> {
  readonly kind: 'leaf' | 'object' | 'list' | 'custom';
  readonly options: EntryOptions;
  /** Object: its fields, checked and converted in table order. */
  readonly fields?: Readonly<Record<string, Shape>>;
  /** List: the shape of each item. */
  readonly item?: Shape;
  /** Custom: checks and converts the value itself. */
  readonly convert?: (scope: IConstruct, prop: string, value: any, context: ShapeContext) => unknown;
  /** Whether the key must be set. */
  readonly required: R;
  /** Compile-time only: the type the entry describes (contravariant: a checker of T checks any narrower type). */
  readonly __type?: (value: T) => void;
}

/** What a table entry knows besides its shape. */
export interface EntryOptions {
  /**
   * Key path in the wire form, relative to the parent's wire object (`vectors.onDisk`).
   * `null`: the key configures the construct and is not written. @default - the key itself
   */
  readonly wire?: string | null;
  /** The value (an object) is merged into the parent's wire object instead of set under a key. @default false */
  readonly spread?: boolean;
  /** First qdrant-kubernetes-api (CRD) version whose schema has the field. @default - every version */
  readonly crdSince?: string;
  /** First Qdrant version that accepts the setting. @default - every version */
  readonly qdrantSince?: string;
  /**
   * The value is a secret, bound by the context (`ShapeContext.bindSecret`) into the Secret
   * the recipe describes; errors show `<redacted>` instead of it. @default - not a secret
   */
  readonly secret?: SecretRecipe;
  /** A rule on the whole value, checked before its members. @default - none */
  readonly check?: Rule<any>;
  /** What the value must be, for the "expected ..." message of a wrong type. @default - 'an object' / 'a list' */
  readonly what?: string;
  /** Wire members written whenever the object is set (fixed values and wire defaults). @default - none */
  readonly constant?: Readonly<Record<string, unknown>>;
}

/**
 * The Secret a secret entry asks for, and what the wire form holds for it. The shape only
 * carries it; the construct that binds the secret adds whose Secret it is.
 */
export interface SecretRecipe {
  /** The Secret's name after its owner's, e.g. `api-key` for `qdrant-<id>-api-key`. */
  readonly nameSuffix: string;
  /** What the value is, for the Secret's purpose; the owner says whose, e.g. `API key` (of cluster <id>). */
  readonly purpose: string;
  /**
   * The Secret's keys: `{ opaque: key }` for an Opaque Secret with that one key, or `'tls'`
   * for a certificate and its key in a `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`).
   */
  readonly keys: { readonly opaque: string } | 'tls';
  /** The wire form, from a reference to each key of the Secret. @default - the reference to its first key */
  readonly wire?: (keyRef: (key: string) => unknown) => unknown;
}

/** Versions the gates compare against; unknown ones switch their gates off explicitly. */
export interface ShapeContext {
  /** The installed qdrant-kubernetes-api version and who installs it, or 'unknown'. */
  readonly crd: { readonly version: string; readonly installedBy: string } | 'unknown';
  /** The Qdrant version the settings are for, or 'unknown'. */
  readonly qdrantVersion: string | 'unknown';
  /** Binds a secret entry by its recipe (`options.secret`) and returns what the wire form holds for it. @default - secrets are refused */
  readonly bindSecret?: (prop: string, value: any, recipe: SecretRecipe) => unknown;
}

/** For trees without version gates or secrets (operator and region settings). */
const UNVERSIONED: ShapeContext = { crd: 'unknown', qdrantVersion: 'unknown' };

/** The table of an object type: one entry per key, required keys marked. */
export type Fields<T> = {
  readonly [K in keyof T]-?: undefined extends T[K] ? Shape<NonNullable<T[K]>, false> : Shape<T[K], true>;
};

/** A value checked by its rule and written as is. */
export function leaf<T>(rule: Rule<T>, options: EntryOptions = {}): Shape<T, false> {
  return { kind: 'leaf', options: { ...options, check: rule }, required: false };
}

/** A nested object with known keys. */
export function object<T>(fields: Fields<NoInfer<T>>, options: EntryOptions = {}): Shape<T, false> {
  return { kind: 'object', fields: fields as Record<string, Shape>, options, required: false };
}

/** A list whose items all have one shape; `options.check` applies to the whole list. */
export function list<T>(item: Shape<T>, options: EntryOptions = {}): Shape<readonly T[], false> {
  return { kind: 'list', item, options, required: false };
}

/** A value with its own check and conversion (Kubernetes pass-through types, int-or-string). */
export function custom<T>(convert: (scope: IConstruct, prop: string, value: T, context: ShapeContext) => unknown, options: EntryOptions = {}): Shape<T, false> {
  return { kind: 'custom', convert, options, required: false };
}

/** The same entry, for a key that must be set: a missing value meets the entry's rule. */
export function required<T>(shape: Shape<T, false>): Shape<T, true> {
  return { ...shape, required: true };
}

/** A map of strings (labels, annotations): keys and, optionally, values checked by rules. */
export function stringMap(keys: Rule<string>, options: EntryOptions & { readonly values?: Rule<string> } = {}): Shape<Record<string, string>, false> {
  const { values, ...entry } = options;
  return custom((scope, prop, v: Record<string, string>) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(scope, prop, v, 'expected a map of strings');
    checkStringMap(scope, prop, v, keys, values);
    return { ...v };
  }, entry);
}

export const bool: Rule<boolean> = (v) => (typeof v === 'boolean' ? undefined : 'expected true or false');

/** Accepts any value: for members a parent's check already covers. */
export const anyValue: Rule<unknown> = () => undefined;

/** Validates `value` against `shape` and returns it in wire form; unset members and empty objects are dropped. */
export function convertShape<T>(scope: IConstruct, prop: string, shape: Shape<T>, value: T | undefined, context: ShapeContext = UNVERSIONED): unknown {
  const o = shape.options;
  const recipe = o.secret;
  const secret = recipe !== undefined;
  if (value === undefined && !(shape.required && shape.kind === 'leaf')) {
    if (shape.required) fail(scope, prop, undefined, `expected ${o.what ?? 'a value'}`);
    return undefined;
  }
  checkVersionGates(scope, prop, value, o, context);
  if (shape.kind === 'object' && !isPlainObject(value)) fail(scope, prop, value, `expected ${o.what ?? 'an object'}`, secret);
  if (shape.kind === 'list' && !Array.isArray(value)) fail(scope, prop, value, `expected ${o.what ?? 'a list'}`, secret);
  const allowed = o.check?.(value);
  if (allowed !== undefined) fail(scope, prop, value, allowed, secret);
  if (recipe) {
    if (!context.bindSecret) fail(scope, prop, value, 'a secret is not accepted here', true);
    return context.bindSecret(prop, value, recipe);
  }
  switch (shape.kind) {
    case 'leaf':
      return value;
    case 'custom':
      return shape.convert!(scope, prop, value, context);
    case 'list':
      return (value as unknown as unknown[]).map((v, i) => convertShape(scope, `${prop}[${i}]`, shape.item!, v, context));
    case 'object':
      return convertObject(scope, prop, shape, value as unknown as Record<string, unknown>, context);
  }
}

function convertObject(scope: IConstruct, prop: string, shape: Shape, value: Record<string, unknown>, context: ShapeContext): unknown {
  const fields = shape.fields!;
  const path = (key: string) => (prop ? `${prop}.${key}` : key);
  refuseUnknownKeys(scope, prop, value, Object.keys(fields));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const converted = convertShape(scope, path(key), field, value[key], context);
    if (converted === undefined || field.options.wire === null) continue;
    if (field.options.spread) mergeInto(out, converted as Record<string, unknown>);
    else setPath(out, field.options.wire ?? key, converted);
  }
  if (!Object.keys(out).length) return undefined;
  return shape.options.constant ? { ...shape.options.constant, ...out } : out;
}

/**
 * Refuses keys that are not in `known` (a typo would otherwise be dropped silently).
 * The value is shown only as its structure: it may hold a secret.
 */
export function refuseUnknownKeys(scope: IConstruct, prop: string, value: object, known: readonly string[]): void {
  for (const [key, v] of Object.entries(value)) {
    if (!known.includes(key)) {
      const near = nearest(key, known);
      fail(scope, prop ? `${prop}.${key}` : key, structureOf(v), `unknown key${near ? `; did you mean ${JSON.stringify(near)}?` : ''}; ` +
        `expected one of ${known.map((k) => JSON.stringify(k)).join(', ')} (values under an unknown key are not shown: it may hold a secret)`);
    }
  }
}

/** The known key a typo most likely meant: at most two edits away, ignoring case and separators. */
function nearest(key: string, known: readonly string[]): string | undefined {
  const norm = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
  const scored = known.map((k) => [k, editDistance(norm(key), norm(k))] as const).filter(([, d]) => d <= 2).sort((a, b) => a[1] - b[1]);
  return scored[0]?.[0];
}

/** Levenshtein distance, with a swap of two neighbours as one edit (the commonest typo). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Checks that `value` is a plain object (`what` says which) with no key outside `known`.
 * `keyPrefix`: the prop path its keys are named under, `''` for a construct's own props.
 */
export function checkKnownObject(scope: IConstruct, prop: string, value: unknown, what: string, known: readonly string[], keyPrefix = prop): void {
  checkObject(scope, prop, value, what);
  refuseUnknownKeys(scope, keyPrefix, value as object, known);
}

/**
 * The keys of a props interface that is not described by a shape, listed once: the
 * compiler refuses a list with a key missing or one too many, so it cannot drift.
 */
export function propKeys<T>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.keys(keys);
}

function checkVersionGates(scope: IConstruct, prop: string, value: unknown, o: EntryOptions, context: ShapeContext): void {
  const crd = context.crd;
  if (o.crdSince && crd !== 'unknown' && compareVersions(crd.version, o.crdSince) < 0) {
    fail(scope, prop, value, `needs qdrant-kubernetes-api ${o.crdSince} or later; ${crd.installedBy} installs ${crd.version}`, o.secret !== undefined);
  }
  const qdrant = context.qdrantVersion;
  if (o.qdrantSince && qdrant !== 'unknown' && compareVersions(qdrant, o.qdrantSince) < 0) {
    fail(scope, prop, value, `needs Qdrant ${o.qdrantSince} or later; version is ${qdrant}`, o.secret !== undefined);
  }
}

/** An unknown key may hold a secret under a mistyped name: errors show its structure, never its values. */
function structureOf(v: unknown): unknown {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(structureOf);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structureOf(x)]));
  return '<set>';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets a dotted path, merging with what other entries wrote under the same objects. */
function setPath(out: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = out;
  for (const k of keys) at = (at[k] ??= {}) as Record<string, unknown>;
  if (isPlainObject(at[last]) && isPlainObject(value)) mergeInto(at[last] as Record<string, unknown>, value);
  else at[last] = value;
}

/** Merges wire objects key by key (keys are taken literally: map keys may contain dots). */
function mergeInto(out: Record<string, unknown>, value: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(value)) {
    if (isPlainObject(out[k]) && isPlainObject(v)) mergeInto(out[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
}
