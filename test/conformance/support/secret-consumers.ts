/**
 * Which keys the consumers of a Secret read, from the output itself (every
 * `secretKeyRef`, as the Qdrant operator and pods read them) and from the documented
 * contracts of consumers that do not reference their Secret in a manifest.
 */

/** The Hybrid Cloud agent reads `qdrant-cloud-creds` key `access-key` (../shared/docs/qdrant-facts.md). */
const AGENT_SECRET = { name: 'qdrant-cloud-creds', keys: ['access-key'] };
/** Argo CD repository Secrets: the fields Argo CD reads (declarative setup docs). */
export const ARGOCD_REPOSITORY_FIELDS = ['name', 'url', 'type', 'project', 'enableOCI', 'username', 'password', 'insecure', 'forceHttpBasicAuth', 'tlsClientCertData', 'tlsClientCertKey'];
const ARGOCD_SECRET_TYPE = 'argocd.argoproj.io/secret-type';

/** What reads a Secret and which keys it needs. */
export interface SecretConsumer {
  readonly consumer: string;
  /** The keys the consumer needs. */
  readonly requiredKeys: readonly string[];
  /** The keys the consumer can read at all; a Secret with others carries data nobody reads. */
  readonly allowedKeys: readonly string[];
}

function* secretKeyRefs(value: unknown): Generator<{ name: string; key: string }> {
  if (Array.isArray(value)) for (const v of value) yield* secretKeyRefs(v);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'secretKeyRef' && v && typeof (v as any).key === 'string') yield v as { name: string; key: string };
      else yield* secretKeyRefs(v);
    }
  }
}

/** The consumer of the Secret `namespace/name` with these labels, or undefined if nothing reads it. */
export function consumerOf(objects: readonly any[], namespace: string, name: string, labels: Record<string, string> = {}): SecretConsumer | undefined {
  if (labels[ARGOCD_SECRET_TYPE] === 'repository') return { consumer: 'Argo CD repository', requiredKeys: ['url'], allowedKeys: ARGOCD_REPOSITORY_FIELDS };
  if (name === AGENT_SECRET.name) return { consumer: 'Qdrant Hybrid Cloud agent', requiredKeys: AGENT_SECRET.keys, allowedKeys: AGENT_SECRET.keys };
  const readers = objects.filter((o) => o.metadata?.namespace === namespace);
  const keys = [...new Set(readers.flatMap((o) => [...secretKeyRefs(o.spec)].filter((r) => r.name === name).map((r) => r.key)))].sort();
  if (keys.length === 0) return undefined;
  const kinds = [...new Set(readers.filter((o) => [...secretKeyRefs(o.spec)].some((r) => r.name === name)).map((o) => o.kind))];
  return { consumer: `secretKeyRef of ${kinds.join(', ')}`, requiredKeys: keys, allowedKeys: keys };
}
