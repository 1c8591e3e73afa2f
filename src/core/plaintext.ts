import { IConstruct } from 'constructs';
import { envNamesCredential, looksLikeCredential, namesCredential } from './credentials';
import { fail } from './errors';

/**
 * The routes by which a credential could reach git in clear text without the explicit
 * `SecretSource.plaintextCommittedToGit` opt-in: escape-hatch values and literal
 * environment variables. Each refusal names the tool that keeps the value out of git.
 */

const USE_SECRET_SOURCE = 'pass credentials through a SecretSource prop (cloudAccessKey, registryCredentials, a cluster\'s apiKey) ' +
  'or name an existing Secret in the values; a literal here is committed to git in clear text';

/**
 * Refuses credential-shaped leaves, leaves named like credentials (a number or a boolean
 * too: only null and '' are no credential), and `{ name, value }` items (environment
 * variables) whose name says the value is a credential, in escape-hatch values (Helm
 * values, settings). `value` is plain JSON-like data (checkPlainValues ran first).
 */
export function refuseCredentialValues(scope: IConstruct, prop: string, value: unknown): void {
  if (value === null || value === undefined || value === '') return;
  if (typeof value !== 'object') {
    if (looksLikeCredential(value) || namesCredential(lastKey(prop))) fail(scope, prop, value, USE_SECRET_SOURCE, true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => refuseCredentialValues(scope, `${prop}[${i}]`, v));
    return;
  }
  Object.entries(value).forEach(([k, v]) => refuseCredentialValues(scope, `${prop}.${k}`, v));
  refuseSecretEnvLiterals(scope, prop, [value], false);
}

/**
 * Refuses a literal `value` for an environment variable named like a credential, or
 * holding one. `list`: `prop` is the list (`extraEnv[0].value`), else the item itself.
 */
export function refuseSecretEnvLiterals(scope: IConstruct, prop: string, env: readonly unknown[], list = true): void {
  env.forEach((item, i) => {
    if (item === null || typeof item !== 'object') return;
    const { name, value } = item as { name?: unknown; value?: unknown };
    if (value === null || value === undefined || value === '' || typeof value === 'object') return;
    if (looksLikeCredential(value) || (typeof name === 'string' && envNamesCredential(name))) {
      fail(scope, `${prop}${list ? `[${i}]` : ''}.value`, value,
        `a literal value for ${JSON.stringify(name)} would be committed to git in clear text; read it from a Secret with valueFrom.secretKeyRef`, true);
    }
  });
}

function lastKey(prop: string): string {
  return prop.slice(prop.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
}
