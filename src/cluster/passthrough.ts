import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { custom, EntryOptions, Shape } from '../core/shape';
import { checkList } from '../core/validate';

/**
 * Some props take Kubernetes types as they are (volumes, mounts, env vars). The
 * generated L1 serialisers drop keys they do not know, silently; this entry refuses
 * them instead; `refuse` adds checks of its own (credentials in env literals). Kubernetes field names are the same in TypeScript and on the wire.
 */
export function passThrough<T>(
  toJson: (x: T) => unknown, options: EntryOptions = {},
  refuse?: (scope: IConstruct, prop: string, items: readonly T[]) => void,
): Shape<readonly T[], false> {
  return custom((scope, prop, items: readonly T[]) => {
    checkNoDroppedKeys(scope, prop, items, toJson);
    refuse?.(scope, prop, items);
    return [...items];
  }, options);
}

function checkNoDroppedKeys<T>(scope: IConstruct, prop: string, items: readonly T[], toJson: (x: T) => unknown): void {
  checkList(scope, prop, items);
  items.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(scope, `${prop}[${i}]`, item, 'expected an object (the Kubernetes type of this list)');
    let json: unknown;
    try {
      json = toJson(item);
    } catch {
      // The generated serialisers read nested members without checking them (a null where an object belongs).
      fail(scope, `${prop}[${i}]`, item, 'expected the fields of this Kubernetes type; a member has the wrong type (null or a scalar where an object belongs?)');
    }
    const dropped = droppedPath(item, json);
    if (dropped !== undefined) fail(scope, `${prop}[${i}].${dropped}`, '<set>', 'unknown key for this Kubernetes type; check its spelling');
  });
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
    if (!(k in out)) return k;
    if (typeof v === 'object' && v !== null && typeof (v as any).value === 'undefined') {
      const d = droppedPath(v, out[k]);
      if (d !== undefined) return `${k}.${d}`;
    }
  }
  return undefined;
}
