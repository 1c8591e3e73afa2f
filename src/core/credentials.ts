import { envNamesCredential, namesCredential } from './credential-names';
import { looksLikeCredential, REDACTED } from './credential-shapes';

/**
 * Values that are not credentials though their names say so (paths), and the redaction
 * of whole values by shape and by name, for error messages.
 */

/** A path in a secret store (`secret/data/qdrant`), as Vault annotations name one: lowercase segments. */
export function isStorePath(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z0-9._-]+(\/[a-z0-9._-]+)+$/.test(value);
}

/**
 * An absolute file path (`/var/secrets/key.json`): where a credential is mounted, not the
 * credential. Lowercase segments only: a base64 secret that starts with `/` has capitals.
 */
export function isFilePath(value: unknown): boolean {
  return typeof value === 'string' && /^(\/[a-z0-9._-]+)+$/.test(value) && /\/[a-z0-9._-]+\/|\.[a-z0-9]+$/.test(value);
}

/** `value` with every credential-shaped string and every credential-named member replaced by `<redacted>`. */
export function redact(value: unknown, depth = 0): unknown {
  if (looksLikeCredential(value)) return REDACTED;
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  // Class instances too: a plaintext SecretSource given in the wrong place holds its values.
  // An env var `{ name: 'API_KEY', value }` says by its name that its value is a secret.
  const record = value as Record<string, unknown>;
  const namedSecret = typeof record.name === 'string' && envNamesCredential(record.name);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => {
    const hidden = v !== undefined && (namesCredential(k) || (namedSecret && k === 'value'));
    return [k, hidden ? REDACTED : redact(v, depth + 1)];
  }));
}
