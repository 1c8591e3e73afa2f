import { kubectlDockerConfig } from './docker-config';
import { runGoHelper } from './go-helper';
import { consumerOf } from './secret-consumers';

/**
 * Values the secret store could hold: quotes, backslashes, template delimiters,
 * non-ASCII and newlines must all reach the Secret unchanged.
 */
export const SAMPLE_VALUES = ['plain', 'q"uote \\back\\slash {{ .notATemplate }} Grüße ✓\nsecond line\n'];

/** The data ESO would hand the template for one sample: every fetched key with a distinct value. */
function sampleData(es: any, sample: string): Record<string, string> {
  return Object.fromEntries((es.spec.data ?? []).map((d: any) => [d.secretKey, `${sample}<${d.secretKey}>`]));
}

/** Problems of one rendered Secret of type kubernetes.io/dockerconfigjson. */
function dockerConfigProblems(rendered: Record<string, string>, data: Record<string, string>): string[] {
  if (Object.keys(rendered).join() !== '.dockerconfigjson') return [`keys ${JSON.stringify(Object.keys(rendered))}, expected exactly [".dockerconfigjson"]`];
  let config: any;
  try {
    config = JSON.parse(rendered['.dockerconfigjson']);
  } catch (e) {
    return [`.dockerconfigjson is not JSON (${(e as Error).message}): ${rendered['.dockerconfigjson']}`];
  }
  return Object.entries<any>(config.auths ?? {}).flatMap(([server, entry]) => {
    const problems: string[] = [];
    if (entry.password !== data.password) problems.push(`${server}: password ${JSON.stringify(entry.password)}, expected the fetched ${JSON.stringify(data.password)}`);
    if (data.username !== undefined && entry.username !== data.username) problems.push(`${server}: username ${JSON.stringify(entry.username)}, expected the fetched ${JSON.stringify(data.username)}`);
    const kubectl = kubectlDockerConfig(server, entry.username, data.password);
    if (JSON.stringify(config) !== JSON.stringify(kubectl)) problems.push(`differs from kubectl create secret docker-registry: ${JSON.stringify(config)} vs ${JSON.stringify(kubectl)}`);
    const auth = Buffer.from(entry.auth ?? '', 'base64').toString('utf8');
    if (auth !== `${entry.username}:${data.password}`) problems.push(`${server}: auth decodes to ${JSON.stringify(auth)}, expected user:password`);
    return problems;
  });
}

/** Problems of one rendered Secret that a consumer reads by key. */
function keyedSecretProblems(es: any, objects: readonly any[], type: string, rendered: Record<string, string>, data: Record<string, string>): string[] {
  const labels = es.spec.target?.template?.metadata?.labels ?? {};
  const consumer = type === 'kubernetes.io/tls'
    ? { consumer: 'TLS Secret', requiredKeys: ['tls.crt', 'tls.key'], allowedKeys: ['tls.crt', 'tls.key', 'ca.crt'] }
    : consumerOf(objects, es.metadata.namespace, es.spec.target?.name ?? es.metadata.name, labels);
  if (!consumer) return ['no consumer reads this Secret (no secretKeyRef to it and no documented reader)'];
  const keys = Object.keys(rendered).sort();
  const problems: string[] = [];
  const missing = consumer.requiredKeys.filter((k) => !keys.includes(k));
  if (missing.length) problems.push(`keys ${JSON.stringify(missing)} are missing; the ${consumer.consumer} needs them`);
  const unread = keys.filter((k) => !consumer.allowedKeys.includes(k));
  if (unread.length) problems.push(`keys ${JSON.stringify(unread)} are not read by the ${consumer.consumer}`);
  for (const [key, value] of Object.entries(data)) {
    if (key in rendered && rendered[key] !== value) problems.push(`key ${key} renders ${JSON.stringify(rendered[key])}, expected the fetched ${JSON.stringify(value)}`);
  }
  return problems;
}

/**
 * Renders every ExternalSecret's template with ESO's engine for each sample and checks
 * the Secret it would produce against what its consumers read. Returns
 * `namespace/name: problem` lines; empty when all is well.
 */
export function externalSecretProblems(externalSecrets: readonly any[], objects: readonly any[]): string[] {
  const cases = externalSecrets.flatMap((es) => SAMPLE_VALUES.map((sample) => ({ es, data: sampleData(es, sample) })));
  const results = runGoHelper<Array<{ rendered: Record<string, string>; errors: Record<string, string> }>>('render',
    cases.map(({ es, data }) => ({ templates: es.spec.target?.template?.data ?? {}, data })));
  return cases.flatMap(({ es, data }, i) => {
    const template = es.spec.target?.template;
    const problems: string[] = [];
    if (es.spec.dataFrom) problems.push('uses dataFrom, whose keys this check cannot know');
    if (template && template.engineVersion !== 'v2') problems.push(`template engineVersion ${template.engineVersion}, expected v2`);
    problems.push(...Object.entries(results[i].errors).map(([key, error]) => `template ${key} does not render: ${error}`));
    const rendered = template?.data ? results[i].rendered : data;
    const type = template?.type ?? 'Opaque';
    problems.push(...(type === 'kubernetes.io/dockerconfigjson' ? dockerConfigProblems(rendered, data) : keyedSecretProblems(es, objects, type, rendered, data)));
    return problems.map((p) => `${es.metadata.namespace}/${es.metadata.name} (sample ${JSON.stringify(data)}): ${p}`);
  });
}
