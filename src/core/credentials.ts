/**
 * What a credential looks like, by value and by name. One place decides, so the
 * refusal of plaintext routes (escape hatches, env literals, URLs) and the redaction
 * of error messages agree on what counts as a secret.
 */

/** What errors and warnings show instead of a secret. */
export const REDACTED = '<redacted>';

/** A Qdrant Cloud access key: `<uuid>|<secret>` (qdrant-facts.md, "access key"). */
const ACCESS_KEY = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|\S/i;
/** `scheme://user[:password]@host`: credentials in a URL's userinfo. */
const URL_USERINFO = /[a-z][a-z0-9+.-]*:\/\/[^/?#\s@]+@/i;
/**
 * `user:password@host` without a scheme (a registry, a proxy): a word, a colon, a
 * password and `@` before a host. Not `git@host:path` (no password part) and not an
 * image digest (`image:tag@sha256:...`).
 */
const BARE_USERINFO_BODY = String.raw`(?!(?:mailto|urn|tel|sips?|xmpp|news|cid|mid):)[^\s"'/?#@:<>]+:[^\s"'/?#<>]+@(?![a-z0-9]+:[0-9a-f]{32,})(?=[a-z0-9[])`;
const BARE_USERINFO = new RegExp(String.raw`(?:^|[\s"'=(,;<>])${BARE_USERINFO_BODY}`, 'i');
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/**
 * Names of values that are credentials (`password`, `apiKey`, `ACCESS_TOKEN`), compared
 * without separators: the credential word ends the name. `passwordKey` (the key of a
 * Secret), `tokenEndpoint` or `usePasswordFiles` name something else.
 */
const SECRET_NAME = /(password|passwd|secret|token|apikey|accesskey|secretkey|privatekey|credentials?)$/;
/** Environment variable names ending in a `KEY` word (`QDRANT__TLS__KEY`, `S3_KEY`). */
const KEY_WORD = /(^|_)KEY$/i;
/** Names that hold a reference to a secret or a path to one, not the secret itself. */
const REFERENCE_NAME = /name$|pullsecrets?$|ref$|existing|file$|path$|dir$|enabled$|create|mount|hash$|selector|annotations?$|labels?$|keys?ref/;

/** An absolute file path: a value that names where a credential is mounted, not the credential. */
export function isFilePath(value: unknown): boolean {
  return typeof value === 'string' && /^\/[^\s]*$/.test(value);
}

/** Whether a string looks like a credential whatever prop carries it. */
export function looksLikeCredential(value: unknown): boolean {
  return typeof value === 'string' && (ACCESS_KEY.test(value) || URL_USERINFO.test(value) || BARE_USERINFO.test(value) || PRIVATE_KEY.test(value));
}

/** Whether a key or prop name says it holds a credential (`password`, `QDRANT__SERVICE__API_KEY`). */
export function namesCredential(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAME.test(n) && !REFERENCE_NAME.test(n);
}

/** Whether an environment variable name says its value is a key, password, secret or token. */
export function envNamesCredential(name: string): boolean {
  return namesCredential(name) || (KEY_WORD.test(name) && !REFERENCE_NAME.test(name.toLowerCase().replace(/[^a-z0-9]/g, '')));
}

/** `text` with every credential-shaped word replaced by `<redacted>`: for free-form messages (warnings, notices). */
export function redactText(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|[^\s"',;]+/gi, REDACTED)
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]+@/gi, `$1${REDACTED}@`)
    .replace(new RegExp(String.raw`(^|[\s"'=(,;<>])${BARE_USERINFO_BODY}`, 'gi'), `$1${REDACTED}@`)
    .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED);
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
    const hidden = v !== undefined && (typeof v !== 'object' || v === null) && (namesCredential(k) || (namedSecret && k === 'value'));
    return [k, hidden ? REDACTED : redact(v, depth + 1)];
  }));
}
