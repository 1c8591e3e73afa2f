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

/** Refuses credential-shaped leaves and leaves named like credentials in escape-hatch values (Helm values, settings). */
export function refuseCredentialValues(scope: IConstruct, prop: string, value: unknown, depth = 0): void {
  if (typeof value === 'string') {
    if (looksLikeCredential(value) || (namesCredential(lastKey(prop)) && value !== '')) fail(scope, prop, value, USE_SECRET_SOURCE, true);
    return;
  }
  if (value === null || typeof value !== 'object' || depth > 32) return;
  if (Array.isArray(value)) value.forEach((v, i) => refuseCredentialValues(scope, `${prop}[${i}]`, v, depth + 1));
  else Object.entries(value).forEach(([k, v]) => refuseCredentialValues(scope, `${prop}.${k}`, v, depth + 1));
}

/** Refuses a literal `value` for an environment variable named like a credential, or holding one. */
export function refuseSecretEnvLiterals(scope: IConstruct, prop: string, env: readonly unknown[]): void {
  env.forEach((item, i) => {
    const { name, value } = (item ?? {}) as { name?: unknown; value?: unknown };
    if (typeof value !== 'string' || value === '') return;
    if (looksLikeCredential(value) || (typeof name === 'string' && envNamesCredential(name))) {
      fail(scope, `${prop}[${i}].value`, value,
        `a literal value for ${JSON.stringify(name)} would be committed to git in clear text; read it from a Secret with valueFrom.secretKeyRef`, true);
    }
  });
}

function lastKey(prop: string): string {
  return prop.slice(prop.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
}
