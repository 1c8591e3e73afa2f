import { IConstruct } from 'constructs';
import { fail } from './errors';

/**
 * Allowed keys of a props object: `true` accepts any value at that key (checked
 * elsewhere), a nested object describes a nested props object. TypeScript already
 * refuses unknown keys; this catches JavaScript callers and `as any`, so a typo is
 * an error instead of a silently dropped setting.
 */
export interface KnownKeys { readonly [key: string]: true | KnownKeys }

export function checkKnownKeys(scope: IConstruct, prop: string, value: unknown, known: KnownKeys): void {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const path = prop ? `${prop}.${key}` : key;
    const rule = known[key];
    if (rule === undefined) {
      fail(scope, path, '<set>', `unknown key; expected one of ${Object.keys(known).map((k) => JSON.stringify(k)).join(', ')}`);
    }
    if (rule !== true) checkKnownKeys(scope, path, v, rule);
  }
}
