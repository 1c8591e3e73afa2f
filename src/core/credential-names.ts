/**
 * What a key or variable name says about its value: a credential, a reference to one
 * (the name of a Secret, the key inside it, where it is mounted) or a setting. One table
 * of verdicts decides; a review that finds a wrong verdict adds a row (and an example in
 * test/credential-names.test.ts), not a branch.
 */

/** What a name says its value is. */
export type NameVerdict = 'credential' | 'secret reference' | 'setting';

/** Where the name comes from: environment variable names call more of their `..._KEY` values credentials. */
export type NameKind = 'key' | 'env';

/** One row of the table: the first row whose words all match decides. */
interface NameRule {
  readonly verdict: NameVerdict;
  /** The name's last word (after value words such as `value`, `b64` are dropped) is one of these. @default - any */
  readonly last?: ReadonlySet<string>;
  /** The word before the last is one of these. @default - any */
  readonly before?: ReadonlySet<string>;
  /** Some word of the name is one of these. @default - any */
  readonly anyWord?: ReadonlySet<string>;
  /** The row applies to environment variable names only. @default false */
  readonly envOnly?: boolean;
  readonly why: string;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Words that name a credential on their own. */
const CREDENTIAL = words('password passwords passwd passwds pwd pass passphrase token tokens credential credentials secret secrets ' +
  'apikey apikeys accesskey privatekey secretkey');
const KEY = words('key keys');
/** What a final `key` or `secret` refers to when these words come before it. */
const KEY_PAIRS = words('api access secret private signing encryption master license ssh hmac shared client session account');
const SECRET_ENTRY = words('password passwd pwd token tokens credential credentials user username');
const SECRET_OBJECT = words('tls ssl cert certs certificate certificates ca env vars extra config configuration registry docker image volume ' +
  'volumes backup keystore truststore kube k8s kubernetes key keys password passwords token tokens credentials auth basic');
/** Last words of names about a credential rather than the credential: where it is, how it is used, when it expires. */
const ABOUT = words('ref refs reference name names file files path paths dir endpoint endpoints url uri enabled enable interval audience ' +
  'header type mode selector length ttl timeout format policy provider issuer hash id mount mounts create annotations labels version ' +
  'lifetime expiry expiration duration store class template key keys seconds minutes hours days count limit refresh rotation');
/** Counts and limits of tokens (LLM budgets), not tokens. */
const AMOUNT = words('max min num limit limits count budget size');
/** Keys of data structures, not of locks. */
const DATA_KEY = words('cache sort partition shard routing primary foreign hash lookup group dedup dedupe idempotency index map object ' +
  'label metric query row column join bucket prefix');
const ANY_CREDENTIAL_WORD = new Set([...CREDENTIAL, ...KEY_PAIRS].filter((w) => !['client', 'session', 'shared', 'account'].includes(w)));

/** The table. Order matters: the first matching row decides; no row matching means a setting. */
export const NAME_RULES: readonly NameRule[] = [
  { verdict: 'setting', anyWord: words('public'), why: 'a public key or certificate is no secret' },
  { verdict: 'secret reference', anyWord: words('existing pull'), why: 'names an existing Secret or image pull Secrets' },
  { verdict: 'setting', last: CREDENTIAL, before: AMOUNT, why: 'an amount of tokens (an LLM budget), not a token' },
  { verdict: 'setting', last: KEY, before: DATA_KEY, why: 'the key of a cache, sort or partition, not a key to anything' },
  { verdict: 'secret reference', last: KEY, before: SECRET_ENTRY, why: 'the entry of a Secret that holds the credential (passwordKey)' },
  { verdict: 'secret reference', last: KEY, before: words('secret'), anyWord: SECRET_ENTRY,
    why: 'the entry of a Secret that holds a user name or password (rootUserSecretKey, rootPasswordSecretKey)' },
  { verdict: 'credential', last: KEY, before: KEY_PAIRS, why: 'a key to something (apiKey, secretAccessKey)' },
  { verdict: 'secret reference', last: words('secret secrets'), before: SECRET_OBJECT, why: 'names a Kubernetes Secret (tlsSecret, extraEnvVarsSecret)' },
  { verdict: 'credential', last: CREDENTIAL, why: 'says it is a credential (password, clientSecret, API_TOKEN)' },
  { verdict: 'credential', last: KEY, envOnly: true, why: 'an environment variable ending in KEY holds a key (S3_KEY, STRIPE_KEY)' },
  { verdict: 'secret reference', last: ABOUT, anyWord: ANY_CREDENTIAL_WORD, why: 'about a credential: where it is, how it is used or when it expires' },
];

/** Words after the credential word that still name its value (`passwordValue`, `SECRET_KEY_BASE`, `privateKeyPem`). */
const VALUE_WORDS = words('value values plain plaintext string text data raw pem b64 base64 json hex base content contents literal');

/** Credential words people glue to a prefix (`DBPASSWORD`, `githubtoken`, `clientsecret`), longest first. */
const GLUED = ['passphrase', 'password', 'passwd', 'credentials', 'credential', 'secret', 'token', 'apikey', 'accesskey', 'privatekey', 'secretkey'];
/** Compound words split into their parts (`apikey` -> api key), so the pair rows see them. */
const COMPOUNDS: ReadonlyMap<string, readonly string[]> = new Map([['apikey', ['api', 'key']], ['accesskey', ['access', 'key']], ['privatekey', ['private', 'key']], ['secretkey', ['secret', 'key']]]);

/**
 * The words of a name, the way people write them: `passwordValue` -> password, value;
 * `SECRET_KEY_BASE` -> secret, key, base; `DBPASSWORD` -> db, password; `APIKey` -> api, key.
 * One pass over the characters (no regular expression that could backtrack on a long name).
 */
export function wordsOf(name: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => { if (word) out.push(...unglue(word.toLowerCase())); word = ''; };
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const upper = c >= 'A' && c <= 'Z';
    const lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!upper && !lower) { flush(); continue; }
    const prev = name[i - 1] ?? '';
    const next = name[i + 1] ?? '';
    const prevLower = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
    const prevUpper = prev >= 'A' && prev <= 'Z';
    // `passwordValue`: a capital after a lower-case letter; `APIKey`: the last capital of a run before a lower-case letter.
    if (upper && (prevLower || (prevUpper && next >= 'a' && next <= 'z'))) flush();
    word += c;
  }
  flush();
  return out;
}

function unglue(word: string): string[] {
  const parts = COMPOUNDS.get(word);
  if (parts) return [...parts];
  const ending = GLUED.find((g) => word.length > g.length + 1 && word.endsWith(g));
  return ending ? [word.slice(0, -ending.length), ...unglue(ending)] : [word];
}

/** The verdict on a name and the row's reason. */
export function judgeName(name: string, kind: NameKind = 'key'): { readonly verdict: NameVerdict; readonly why: string } {
  const all = wordsOf(name);
  let end = all.length;
  while (end > 1 && VALUE_WORDS.has(all[end - 1])) end--;
  const last = all[end - 1];
  const before = all[end - 2];
  if (last === undefined) return { verdict: 'setting', why: 'no words' };
  const rule = NAME_RULES.find((r) => (kind === 'env' || !r.envOnly)
    && (!r.last || r.last.has(last))
    && (!r.before || (before !== undefined && r.before.has(before)))
    && (!r.anyWord || all.some((w) => r.anyWord!.has(w))));
  return rule ?? { verdict: 'setting', why: 'names no credential' };
}

/** Whether a key or prop name says it holds a credential (`password`, `passwordValue`, `apiKeys`, `QDRANT__SERVICE__API_KEY`). */
export function namesCredential(name: string): boolean {
  return judgeName(name).verdict === 'credential';
}

/** Whether an environment variable name says its value is a credential (`DB_PASSWORD`, `S3_KEY`, `GITHUBTOKEN`). */
export function envNamesCredential(name: string): boolean {
  return judgeName(name, 'env').verdict === 'credential';
}

/** Whether a key names a reference to a credential or a setting about one (`secretName`, `passwordKey`). */
export function namesReference(name: string): boolean {
  return judgeName(name).verdict === 'secret reference';
}

/** Keys that hold credentials by name (`tokens: { primary: ... }`, `apiKeys: [...]`): every string in them is one. */
export function namesCredentialContainer(name: string): boolean {
  const all = wordsOf(name);
  const last = all[all.length - 1];
  return namesCredential(name) && (['tokens', 'passwords', 'passwds'].includes(last) || (last === 'keys' && all[all.length - 2] === 'api'));
}
