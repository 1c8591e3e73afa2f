/**
 * What a credential looks like, by value and by name. One place decides, so the
 * refusal of plaintext routes (escape hatches, env literals, URLs) and the redaction
 * of error messages agree on what counts as a secret.
 */

/** What errors and warnings show instead of a secret. */
export const REDACTED = '<redacted>';

/**
 * `user:password@host` without a scheme (a registry, a proxy): a word, a colon, a
 * password and `@` before a host. Not `git@host:path` (no password part), not an image
 * digest (`image:tag@sha256:...`), not `mailto:team@example.com`.
 */
const BARE_USERINFO_BODY = String.raw`(?!(?:mailto|urn|tel|sips?|xmpp|news|cid|mid):)[^\s"'/?#@:<>]+:[^\s"'/?#<>]+@(?![a-z0-9]+:[0-9a-f]{32,})(?=[a-z0-9[])`;

/**
 * Shapes that are credentials whatever prop or key carries them, each with what a
 * message shows instead (`$1` keeps a harmless prefix such as the URL scheme). Detection
 * and redaction both read this list, so they cannot drift apart.
 */
const CREDENTIAL_SHAPES: readonly { readonly pattern: RegExp; readonly shownAs: string; readonly needs?: string }[] = [
  // A Qdrant Cloud access key: `<uuid>|<secret>` (qdrant-facts.md, "access key").
  { pattern: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|[^\s"',;]+/gi, shownAs: REDACTED },
  // `scheme://user[:password]@host`: credentials in a URL's userinfo.
  // (`needs`: a character the shape cannot do without; testing for it first keeps long values cheap.)
  { pattern: /([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]+@/gi, shownAs: `$1${REDACTED}@`, needs: '@' },
  { pattern: new RegExp(String.raw`(^|[\s"'=(,;<>])${BARE_USERINFO_BODY}`, 'gi'), shownAs: `$1${REDACTED}@`, needs: '@' },
  // Credentials in a URL query or a connection string.
  { pattern: /([?&](?:password|passwd|pwd|token|access_token|private_token|api_key|apikey|secret|sig)=)[^&\s"']+/gi, shownAs: `$1${REDACTED}` },
  { pattern: /((?:^|;)\s*(?:password|pwd)\s*=\s*)[^;\s"']+/gi, shownAs: `$1${REDACTED}` },
  // PEM and PGP private keys.
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY( BLOCK)?-----|$)/g, shownAs: REDACTED },
  // Well-known token formats: JWTs, AWS access key ids, GitHub, GitLab and Slack tokens, Slack webhooks.
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, shownAs: REDACTED },
  { pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, shownAs: REDACTED },
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,})/g, shownAs: REDACTED },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, shownAs: REDACTED },
  { pattern: /hooks\.slack\.com\/services\/[A-Za-z0-9/]+/g, shownAs: `hooks.slack.com/services/${REDACTED}` },
  // HTTP Authorization values.
  { pattern: /\b(Basic|Bearer) [A-Za-z0-9+/=._~-]{12,}/g, shownAs: `$1 ${REDACTED}` },
];

/** Whether a string looks like a credential whatever prop carries it. */
export function looksLikeCredential(value: unknown): boolean {
  return typeof value === 'string' && CREDENTIAL_SHAPES.some(({ pattern, needs }) => {
    if (needs !== undefined && !value.includes(needs)) return false;
    pattern.lastIndex = 0;
    return pattern.test(value);
  });
}

/** `text` with every credential-shaped part replaced by `<redacted>`: for free-form messages (warnings, notices). */
export function redactText(text: string): string {
  return CREDENTIAL_SHAPES.reduce((t, { pattern, shownAs, needs }) => (needs !== undefined && !t.includes(needs) ? t : t.replace(pattern, shownAs)), text);
}

/**
 * The words of a key or variable name: `passwordValue` -> password, value;
 * `SECRET_KEY_BASE` -> secret, key, base; `agent-inject-secret-config` -> agent, inject, secret, config.
 */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Words that make a name a credential (`password`, `tokens`, `secret`, `pwd`, `pass`). */
const CREDENTIAL_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'tokens',
  'credential', 'credentials', 'apikey', 'apikeys', 'accesskey', 'privatekey']);
/** Word pairs that do (`api key`, `access key`, `secret key`, `private key`, `client secret` is covered by `secret`). */
const CREDENTIAL_PAIRS = /\b(api|access|secret|private|signing|encryption|master|license) keys?\b/;
/**
 * Last words that make the name a reference to a credential, a setting about one, or a
 * switch: `passwordKey` (a key in a Secret), `existingSecretName`, `tokenEndpoint`,
 * `tokenAudience`, `AWS_ACCESS_KEY_ID`, `KEY_FILE`.
 */
const REFERENCE_LAST_WORDS = new Set(['ref', 'refs', 'reference', 'name', 'names', 'file', 'files', 'path', 'paths', 'dir', 'endpoint',
  'endpoints', 'url', 'uri', 'enabled', 'enable', 'interval', 'audience', 'header', 'type', 'mode', 'selector', 'length', 'ttl', 'timeout',
  'format', 'policy', 'provider', 'issuer', 'hash', 'id', 'mount', 'mounts', 'create', 'annotations', 'labels', 'version', 'lifetime',
  'expiry', 'expiration', 'duration', 'store', 'class', 'template', 'key', 'keys']);
/** Before a final `key`, these words make it the key of a Secret (`passwordKey`, `tokenKey`), not a key itself. */
const SECRET_FIELD_WORDS = new Set(['password', 'passwd', 'pwd', 'token', 'credentials', 'credential', 'user', 'username']);

/**
 * Before a final `secret`, these words make it the name of a Kubernetes Secret
 * (`tlsSecret`, `extraEnvVarsSecret`, `passwordsSecret`, `auth-secret`), not a secret value.
 */
const SECRET_OBJECT_WORDS = new Set(['tls', 'ssl', 'cert', 'certs', 'certificate', 'certificates', 'ca', 'env', 'vars', 'extra', 'config',
  'configuration', 'registry', 'docker', 'image', 'volume', 'volumes', 'backup', 'keystore', 'truststore', 'kube', 'k8s', 'kubernetes',
  'key', 'keys', 'password', 'passwords', 'token', 'tokens', 'credentials', 'auth', 'basic']);
/**
 * Words after the credential word that still name the credential's value (`passwordValue`,
 * `privateKeyPem`, `SECRET_KEY_BASE`, `GOOGLE_APPLICATION_CREDENTIALS_JSON`); any other
 * word makes the name something about the credential (`passwordUpdateJob`, `tokenRefreshSeconds`).
 */
const VALUE_WORDS = new Set(['value', 'values', 'plain', 'plaintext', 'string', 'text', 'data', 'raw', 'pem', 'b64', 'base64', 'json',
  'hex', 'base', 'content', 'contents', 'literal']);

/** Whether a key or prop name says it holds a credential (`password`, `passwordValue`, `apiKeys`, `QDRANT__SERVICE__API_KEY`). */
export function namesCredential(name: string): boolean {
  const words = wordsOf(name);
  // `existingSecret`, `imagePullSecrets`: names of Secrets; a public key is no secret.
  if (!words.length || words.includes('existing') || words.includes('pull') || words.includes('public')) return false;
  // The credential words must end the name, or be followed only by words for its value.
  let end = words.length;
  while (end > 1 && VALUE_WORDS.has(words[end - 1]) && !(end === words.length && isCredentialEnd(words.slice(0, end)))) end--;
  return isCredentialEnd(words.slice(0, end));
}

/** Whether `words` end in a credential word or pair (`password`, `apiKeys`, `secretAccessKey`), not in a reference to one. */
function isCredentialEnd(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  const beforeLast = words[words.length - 2] ?? '';
  if (last === 'key' || last === 'keys') {
    // `passwordKey`, `rootUserSecretKey`: the key of a Secret; `apiKey`, `secretKey`, `secretAccessKey`: a key.
    if (SECRET_FIELD_WORDS.has(beforeLast) || (beforeLast === 'secret' && SECRET_FIELD_WORDS.has(words[words.length - 3] ?? ''))) return false;
    return CREDENTIAL_PAIRS.test(words.slice(-2).join(' ')) || CREDENTIAL_WORDS.has(beforeLast);
  }
  if (last === 'secret' || last === 'secrets') return !SECRET_OBJECT_WORDS.has(beforeLast);
  return CREDENTIAL_WORDS.has(last);
}

/** Whether an environment variable name says its value is a credential: a credential name, or a `KEY` word (`S3_KEY`, `SSH_KEY`). */
export function envNamesCredential(name: string): boolean {
  if (namesCredential(name)) return true;
  const words = wordsOf(name);
  if (words.includes('public')) return false;
  const last = words[words.length - 1] ?? '';
  return last === 'key' || last === 'keys';
}

/** Keys that hold credentials by name (`tokens: { primary: ... }`, `apiKeys: [...]`): every string in them is one. */
export function namesCredentialContainer(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  return ['tokens', 'passwords', 'passwds', 'apikeys'].includes(last) || (last === 'keys' && words[words.length - 2] === 'api');
}

/** Whether a key names a reference to a credential or a setting about one, not the credential (`secretName`, `passwordKey`). */
export function namesReference(name: string): boolean {
  const words = wordsOf(name);
  return words.length > 0 && (words.includes('existing') || REFERENCE_LAST_WORDS.has(words[words.length - 1]));
}

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
