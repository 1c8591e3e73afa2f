import { IConstruct } from 'constructs';
import { envNamesCredential, isFilePath, looksLikeCredential, namesCredential } from './credentials';
import { fail } from './errors';

/**
 * The routes by which a credential could reach git in clear text without the explicit
 * `SecretSource.plaintextCommittedToGit` opt-in: escape-hatch values and literal
 * environment variables. Each refusal names the tool that keeps the value out of git.
 */

const USE_SECRET_SOURCE = 'pass credentials through a SecretSource prop (cloudAccessKey, registryCredentials, a cluster\'s apiKey) ' +
  'or name an existing Secret in the values; a literal here is committed to git in clear text';

/**
 * Refuses credential-shaped leaves, string and number leaves named like credentials
 * (booleans are switches, file paths say where a credential is mounted, and null and ''
 * are no credential), and `{ name, value }` items (environment variables) whose name says
 * the value is a credential, in escape-hatch values (Helm values, settings). Under
 * annotations and labels, keys are free-form (`vault.hashicorp.com/agent-inject-secret-x`):
 * only the shape of a value counts there. `value` is plain JSON-like data (checkPlainValues ran first).
 */
export function refuseCredentialValues(scope: IConstruct, prop: string, value: unknown, key = '', freeFormKeys = false): void {
  if (value === null || value === undefined || value === '') return;
  if (typeof value !== 'object') {
    const namedSecret = !freeFormKeys && typeof value !== 'boolean' && !isFilePath(value) && namesCredential(key);
    if (looksLikeCredential(value) || namedSecret) fail(scope, prop, value, USE_SECRET_SOURCE, true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => refuseCredentialValues(scope, `${prop}[${i}]`, v, key, freeFormKeys));
    return;
  }
  const freeForm = /(annotations|labels)$/i.test(key);
  Object.entries(value).forEach(([k, v]) => refuseCredentialValues(scope, `${prop}.${k}`, v, k, freeForm));
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
    if (looksLikeCredential(value) || (typeof name === 'string' && envNamesCredential(name) && !isFilePath(value))) {
      fail(scope, `${prop}${list ? `[${i}]` : ''}.value`, value,
        `a literal value for ${JSON.stringify(name)} would be committed to git in clear text; read it from a Secret with valueFrom.secretKeyRef`, true);
    }
  });
}
