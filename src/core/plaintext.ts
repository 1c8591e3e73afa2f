import { IConstruct } from 'constructs';
import { envNamesCredential, namesCredential, namesCredentialContainer, namesReference } from './credential-names';
import { looksLikeCredential } from './credential-shapes';
import { isFilePath, isStorePath } from './credentials';
import { fail } from './errors';

/**
 * The routes by which a credential could reach git in clear text without the explicit
 * `SecretSource.plaintextCommittedToGit` opt-in: escape-hatch values and literal
 * environment variables. Each refusal names the tool that keeps the value out of git.
 */

const USE_SECRET_SOURCE = 'pass credentials through a SecretSource prop (cloudAccessKey, registryCredentials, a cluster\'s apiKey) ' +
  'or name an existing Secret in the values; a literal here is committed to git in clear text';

/** Where a leaf sits in escape-hatch values, for the name rules. */
interface LeafContext {
  /** The key that holds it (the item's list key for list items). */
  readonly key: string;
  /** Under a key that holds credentials by name (`tokens: { a: 'x' }`, `apiKeys: { ... }`). */
  readonly underCredential: boolean;
  /** In an annotations or labels map, whose keys are free-form (`vault.hashicorp.com/agent-inject-secret-x`). */
  readonly freeForm: boolean;
}

/**
 * Refuses credentials in escape-hatch values (Helm values, settings): credential-shaped
 * strings anywhere; string and number leaves whose key names a credential, or that sit
 * in a `tokens`, `passwords` or `apiKeys` map under a key that names no reference
 * (`secretName`, `existingSecret`); and `{ name, value }` items (environment variables)
 * whose name says the value is a credential. Never a credential by name: booleans, null, '', absolute file paths; in
 * annotations and labels (free-form keys, judged by their last segment) also "true",
 * "false" and secret-store paths. `value` is plain JSON-like data (checkPlainValues ran first).
 */
export function refuseCredentialValues(scope: IConstruct, prop: string, value: unknown, at: LeafContext = { key: '', underCredential: false, freeForm: false }): void {
  if (value === null || value === undefined || value === '') return;
  if (typeof value !== 'object') {
    if (looksLikeCredential(value) || namedCredentialLeaf(value as string | number | boolean, at)) fail(scope, prop, value, USE_SECRET_SOURCE, true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => refuseCredentialValues(scope, `${prop}[${i}]`, v, at));
    return;
  }
  const freeForm = /(annotations|labels)$/i.test(at.key);
  const underCredential = at.underCredential || (!freeForm && at.key !== '' && namesCredentialContainer(at.key));
  Object.entries(value).forEach(([k, v]) => refuseCredentialValues(scope, `${prop}.${k}`, v, { key: k, underCredential, freeForm }));
  refuseSecretEnvLiterals(scope, prop, [value], false);
}

/**
 * Refuses credentials in a typed map of strings (annotations, labels, parameters): by
 * shape, and by the last segment of the key (`example.com/api-token`), as in Helm values.
 */
export function refuseCredentialsInMap(scope: IConstruct, prop: string, map: Readonly<Record<string, unknown>>): void {
  for (const [k, v] of Object.entries(map)) refuseCredentialValues(scope, `${prop}.${k}`, v, { key: k, underCredential: false, freeForm: true });
}

function namedCredentialLeaf(value: string | number | boolean, at: LeafContext): boolean {
  if (typeof value === 'boolean' || isFilePath(value)) return false;
  const name = at.freeForm ? at.key.slice(at.key.lastIndexOf('/') + 1) : at.key;
  // Annotations: switches, secret-store paths and checksums of mounted Secrets (`checksum/secret`) name no credential.
  if (at.freeForm && (value === 'true' || value === 'false' || isStorePath(value) || at.key.startsWith('checksum/'))) return false;
  return namesCredential(name) || (at.underCredential && !namesReference(name));
}

/**
 * Refuses a literal `value` for an environment variable named like a credential, or
 * holding one. `list`: `prop` is the list (`extraEnv[0].value`), else the item itself.
 */
export function refuseSecretEnvLiterals(scope: IConstruct, prop: string, env: readonly unknown[], list = true): void {
  env.forEach((item, i) => {
    if (item === null || typeof item !== 'object') return;
    const { name, value } = item as { name?: unknown; value?: unknown };
    if (value === null || value === undefined || value === '' || value === 'true' || value === 'false' || typeof value === 'object') return;
    if (looksLikeCredential(value) || (typeof name === 'string' && envNamesCredential(name) && !isFilePath(value))) {
      fail(scope, `${prop}${list ? `[${i}]` : ''}.value`, value,
        `a literal value for ${JSON.stringify(name)} would be committed to git in clear text; read it from a Secret with valueFrom.secretKeyRef`, true);
    }
  });
}
