import { judgeName, NameKind, NameVerdict, wordsOf } from '../src/core/credential-names';

// Examples of the name table (src/core/credential-names.ts), as data: each is a test
// row. A review that finds a wrong verdict adds its example here and a row to the table.
const EXAMPLES: ReadonlyArray<readonly [name: string, kind: NameKind, verdict: NameVerdict, why: string]> = [
  ['password', 'key', 'credential', 'the word itself'],
  ['passwordValue', 'key', 'credential', 'a value word after the credential word'],
  ['clientSecret', 'key', 'credential', 'a secret of an OAuth client'],
  ['apiKeys', 'key', 'credential', 'a plural key pair'],
  ['secretAccessKey', 'key', 'credential', 'an AWS secret access key'],
  ['SECRET_KEY_BASE', 'env', 'credential', 'Rails signs with it; BASE names its value'],
  ['QDRANT__SERVICE__API_KEY', 'env', 'credential', "Qdrant's API key as an env var"],
  ['DBPASSWORD', 'env', 'credential', 'glued: db + password'],
  ['githubtoken', 'env', 'credential', 'glued: github + token'],
  ['APIKEY', 'env', 'credential', 'a glued pair: api + key'],
  ['mongoPassword', 'env', 'credential', 'camel case'],
  ['S3_KEY', 'env', 'credential', 'an env var ending in KEY'],
  ['SSH_KEY', 'key', 'credential', 'an SSH key'],
  ['AccountKey', 'key', 'credential', 'an Azure storage account key'],
  ['pwd', 'key', 'credential', 'a short credential word'],
  ['existingSecret', 'key', 'secret reference', 'names a Secret'],
  ['imagePullSecrets', 'key', 'secret reference', 'names pull Secrets'],
  ['tlsSecret', 'key', 'secret reference', 'names a TLS Secret'],
  ['passwordKey', 'key', 'secret reference', 'the entry of a Secret'],
  ['rootUserSecretKey', 'key', 'secret reference', 'the entry of a Secret holding the root user'],
  ['rootPasswordSecretKey', 'key', 'secret reference', 'the entry of a Secret holding the root password'],
  ['tokenEndpoint', 'key', 'secret reference', 'where a token is fetched'],
  ['TOKEN_REFRESH_SECONDS', 'env', 'secret reference', 'when a token is refreshed'],
  ['passwordFile', 'key', 'secret reference', 'where a password is mounted'],
  ['MAX_TOKENS', 'env', 'setting', 'an LLM token budget'],
  ['OPENAI_MAX_TOKENS', 'env', 'setting', 'a prefixed token budget'],
  ['cacheKey', 'key', 'setting', 'the key of a cache'],
  ['SORT_KEY', 'env', 'setting', 'the key of a sort'],
  ['partitionKey', 'key', 'setting', 'the key of a partition'],
  ['publicKey', 'key', 'setting', 'a public key is no secret'],
  ['key', 'key', 'setting', 'a bare key in Helm values is a toleration or a Secret entry'],
  ['tokenizer', 'key', 'setting', 'a word that only starts with token'],
  ['bypass', 'env', 'setting', 'a word that only ends with pass'],
  ['PASSWORD_MIN_LENGTH', 'env', 'secret reference', 'a policy about passwords'],
];

test.each(EXAMPLES)('%s (%s) is a %s: %s', (name, kind, verdict) => {
  // GIVEN a name WHEN the table judges it THEN the verdict is the example's
  expect(judgeName(name, kind).verdict).toBe(verdict);
});

test('names are split the way people write them', () => {
  // GIVEN camel, snake, kebab, glued and acronym names WHEN split THEN the words come out
  expect(wordsOf('passwordValue')).toEqual(['password', 'value']);
  expect(wordsOf('SECRET_KEY_BASE')).toEqual(['secret', 'key', 'base']);
  expect(wordsOf('agent-inject-secret-config')).toEqual(['agent', 'inject', 'secret', 'config']);
  expect(wordsOf('APIKey')).toEqual(['api', 'key']);
  expect(wordsOf('DBPASSWORD')).toEqual(['db', 'password']);
});
