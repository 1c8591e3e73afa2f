import { oneOf, registryHostPath, Rule } from './rules';

/**
 * Words that several props share, each listed once: the list, the type derived from it
 * and the rule that checks it. A prop or table entry names these, never the literals,
 * so a new value is one edit.
 */

/** Log levels of the agent, the operator and the operator's database default (qdrant-facts.md §3.3, §5.3). */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
/** Log level of the environment (agent and operator). */
export type LogLevel = typeof LOG_LEVELS[number];
export const logLevel: Rule<LogLevel> = oneOf(LOG_LEVELS);

/** Log levels of a Qdrant database (`config.log_level`): Qdrant also knows `TRACE`. */
export const DATABASE_LOG_LEVELS = ['TRACE', ...LOG_LEVELS] as const;
/** Log level of a Qdrant database. */
export type DatabaseLogLevel = typeof DATABASE_LOG_LEVELS[number];
export const databaseLogLevel: Rule<DatabaseLogLevel> = oneOf(DATABASE_LOG_LEVELS);

/** Kubernetes image pull policies. */
export const IMAGE_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
/** When Kubernetes pulls a container image. */
export type ImagePullPolicy = typeof IMAGE_PULL_POLICIES[number];
export const imagePullPolicy: Rule<ImagePullPolicy> = oneOf(IMAGE_PULL_POLICIES);

/** The scheme of an OCI chart repository URL. */
export const OCI_SCHEME = 'oci://';

/** `registry.example.com/qdrant-charts` for `oci://registry.example.com/qdrant-charts`; other values as they are. */
export function withoutOciScheme(repository: string): string {
  return repository.startsWith(OCI_SCHEME) ? repository.slice(OCI_SCHEME.length) : repository;
}

/** An OCI repository URL: the scheme, then a registry host and optional path. */
export const ociUrl: Rule<string> = (v) =>
  typeof v === 'string' && v.length <= 2048 && v.startsWith(OCI_SCHEME) && registryHostPath(withoutOciScheme(v)) === undefined
    ? undefined
    : `expected an OCI repository URL such as "${OCI_SCHEME}registry.example.com/qdrant-charts" (scheme "${OCI_SCHEME}", no trailing "/")`;
