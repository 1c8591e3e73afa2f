import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { refuseCredentialValues } from '../core/plaintext';
import { custom, EntryOptions, Shape } from '../core/shape';
import { checkList } from '../core/validate';
import { checkPlainValues } from '../core/values';

/** The generated L1 serialiser of one Kubernetes type, fed the plain form users write. */
type Serialiser = (x: any) => unknown;

/**
 * Some props take Kubernetes types as they are (volumes, mounts, env vars), in the
 * plain form of YAML (`requests: { storage: '100Gi' }`). The generated L1 serialisers
 * want their int-or-string classes there (they read `.value` and write `null` for a
 * plain string) and drop keys they do not know, silently. This entry wraps the plain
 * values for them, refuses unknown keys and credentials; `refuse` checks first
 * (env literals, with the env var's own advice). Kubernetes field names are the same in TypeScript and on the wire.
 */
export function passThrough<T>(
  toJson: Serialiser, options: EntryOptions = {},
  refuse?: (scope: IConstruct, prop: string, items: readonly T[]) => void,
): Shape<readonly T[], false> {
  return custom((scope, prop, items: readonly T[]) => {
    checkList(scope, prop, items);
    const wire = items.map((item, i) => forSerialiser(scope, `${prop}[${i}]`, item, toJson));
    refuse?.(scope, prop, items);
    // Every string in them reaches the manifest: credentials by shape or by key name are refused, as in Helm values.
    items.forEach((item, i) => refuseCredentialValues(scope, `${prop}[${i}]`, item));
    return wire;
  }, options);
}

/** `item` with its int-or-string values wrapped as the serialiser reads them; refused when a key would be dropped. */
function forSerialiser(scope: IConstruct, prop: string, item: unknown, toJson: Serialiser): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(scope, prop, item, 'expected an object (the Kubernetes type of this list)');
  checkPlainValues(scope, prop, item);
  const serialise = (x: unknown) => {
    try {
      return toJson(x);
    } catch {
      // The generated serialisers read nested members without checking them (a null where an object belongs).
      return fail(scope, prop, '<set>', 'expected the fields of this Kubernetes type; a member has the wrong type (null or a scalar where an object belongs?)');
    }
  };
  const wrapped = wrapDropped(item, serialise(item));
  const dropped = droppedPath(wrapped, serialise(wrapped));
  if (dropped !== undefined) fail(scope, `${prop}.${dropped}`, '<set>', 'unknown key for this Kubernetes type, or a value of the wrong type; check its spelling');
  return wrapped;
}

/** An int-or-string value as the L1 classes hold it. */
interface Wrapped { readonly value: string | number }

/**
 * Wraps each string or number the serialiser dropped (an int-or-string slot given plain)
 * as `{ value }`; a dropped key that is no such slot stays dropped and is refused after.
 */
function wrapDropped(input: unknown, output: unknown): unknown {
  if (Array.isArray(input)) return input.map((v, i) => wrapDropped(v, (output as unknown[] | undefined)?.[i]));
  if (input === null || typeof input !== 'object' || isWrapped(input)) return input;
  const out = (output ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(input as Record<string, unknown>).map(([k, v]) => {
    const plainSlot = (typeof v === 'string' || typeof v === 'number') && (out[k] === undefined || out[k] === null);
    return [k, plainSlot ? { value: v } satisfies Wrapped : wrapDropped(v, out[k])];
  }));
}

function isWrapped(v: object): boolean {
  return Object.keys(v).length === 1 && (typeof (v as Wrapped).value === 'string' || typeof (v as Wrapped).value === 'number');
}

function droppedPath(input: unknown, output: unknown): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const d = droppedPath(input[i], (output as unknown[] | undefined)?.[i]);
      if (d !== undefined) return `[${i}]${d.startsWith('[') ? '' : '.'}${d}`;
    }
    return undefined;
  }
  const out = (output ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (out[k] === undefined || out[k] === null) return k;
    if (typeof v === 'object' && v !== null && !isWrapped(v)) {
      const d = droppedPath(v, out[k]);
      if (d !== undefined) return `${k}.${d}`;
    }
  }
  return undefined;
}
