/**
 * What a construct needs from a secret: its name, namespace, type and keys. A
 * `SecretSource` decides how the values get there (existing, ESO, Sealed Secrets,
 * plaintext opt-in); the request decides the shape, so every source yields the same
 * Secret.
 */
export type SecretType = 'Opaque' | 'kubernetes.io/dockerconfigjson' | 'kubernetes.io/tls';

/** One logical value a source must provide, e.g. `password`. */
export interface SecretInput {
  /** Name of the value, e.g. `access-key` or `password`. */
  readonly key: string;
  /** Literal used when the source does not provide the value (e.g. the registry user name). @default - required */
  readonly default?: string;
}

/**
 * How a rendered value is written: the plaintext source writes real values, the
 * ESO source writes template expressions that ESO fills in on the cluster.
 */
export interface ValueSyntax {
  /** The raw value of an input. */
  value(input: string): string;
  /** The value as a JSON string literal, quotes included. */
  jsonString(input: string): string;
  /** base64("<user>:<password>") as used in a docker config's `auth` field. */
  basicAuth(userInput: string, passwordInput: string): string;
}

export interface SecretRequest {
  /** Kubernetes name of the Secret. */
  readonly name: string;
  /** Namespace of the Secret. */
  readonly namespace: string;
  /** Secret type. */
  readonly type: SecretType;
  /** What the secret is for, used in errors and docs, e.g. "Qdrant Cloud access key". */
  readonly purpose: string;
  /** Whether consumers read this exact name (an existing secret must then have it). */
  readonly fixedName: boolean;
  /** Values the source provides. */
  readonly inputs: readonly SecretInput[];
  /** Builds the secret data (final keys) from the inputs. */
  readonly render: (syntax: ValueSyntax) => Record<string, string>;
  /** Non-secret keys written as they are (e.g. an Argo CD repository URL). */
  readonly literals?: Record<string, string>;
  /** Labels of the Secret. */
  readonly labels?: Record<string, string>;
  /** Annotations of the Secret (delivery ordering is added by the caller). */
  readonly annotations?: Record<string, string>;
}

/** Request for a single-key Opaque secret, e.g. `qdrant-cloud-creds` with key `access-key`. */
export function opaqueSecretRequest(props: {
  name: string; namespace: string; purpose: string; keys: readonly string[]; fixedName: boolean;
}): SecretRequest {
  return {
    name: props.name,
    namespace: props.namespace,
    type: 'Opaque',
    purpose: props.purpose,
    fixedName: props.fixedName,
    inputs: props.keys.map((key) => ({ key })),
    render: (s) => Object.fromEntries(props.keys.map((k) => [k, s.value(k)])),
  };
}

/** Request for a certificate and its key (`kubernetes.io/tls`, keys `tls.crt` and `tls.key`), as `kubectl create secret tls` writes it. */
export function tlsSecretRequest(props: { name: string; namespace: string; purpose: string }): SecretRequest {
  return {
    ...props,
    type: 'kubernetes.io/tls',
    fixedName: false,
    inputs: [{ key: 'tls.crt' }, { key: 'tls.key' }],
    render: (s) => ({ 'tls.crt': s.value('tls.crt'), 'tls.key': s.value('tls.key') }),
  };
}

/**
 * Request for an image pull secret (`kubernetes.io/dockerconfigjson`), as
 * `kubectl create secret docker-registry` writes it.
 */
export function dockerConfigSecretRequest(props: {
  name: string; namespace: string; purpose: string; server: string; defaultUsername?: string; fixedName: boolean;
}): SecretRequest {
  return {
    name: props.name,
    namespace: props.namespace,
    type: 'kubernetes.io/dockerconfigjson',
    purpose: props.purpose,
    fixedName: props.fixedName,
    inputs: [{ key: 'username', default: props.defaultUsername }, { key: 'password' }],
    render: (s) => ({
      '.dockerconfigjson':
        // base64 and the ESO expression contain nothing JSON would escape, so "auth" is quoted as is.
        `{"auths":{${JSON.stringify(props.server)}:{"username":${s.jsonString('username')},` +
        `"password":${s.jsonString('password')},"auth":"${s.basicAuth('username', 'password')}"}}}`,
    }),
  };
}

/** Plaintext values: what the plaintext source writes. */
export function plaintextSyntax(values: Record<string, string>): ValueSyntax {
  return {
    value: (k) => values[k],
    jsonString: (k) => JSON.stringify(values[k]),
    basicAuth: (u, p) => Buffer.from(`${values[u]}:${values[p]}`).toString('base64'),
  };
}

/**
 * ESO template expressions (engine v2, Sprig functions). Inputs without a remote
 * reference fall back to their literal default.
 */
export function externalSecretSyntax(provided: ReadonlySet<string>, defaults: Record<string, string>): ValueSyntax {
  const expr = (k: string) => (provided.has(k) ? `(index . ${JSON.stringify(k)})` : JSON.stringify(defaults[k]));
  return {
    value: (k) => (provided.has(k) ? `{{ index . ${JSON.stringify(k)} }}` : templateLiteral(defaults[k])),
    jsonString: (k) => (provided.has(k) ? `{{ ${expr(k)} | toJson }}` : templateLiteral(JSON.stringify(defaults[k]))),
    basicAuth: (u, p) => `{{ printf "%s:%s" ${expr(u)} ${expr(p)} | b64enc }}`,
  };
}

/**
 * Literal text inside a Go template: written as is unless it holds a delimiter or a
 * control character, then as a Go string constant (a JSON string is one), so a value
 * such as `{{ index . "password" }}` stays text and is not executed by ESO.
 */
function templateLiteral(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /\{\{|\}\}|[\u0000-\u001f\u007f]/.test(text) ? `{{ ${JSON.stringify(text)} }}` : text;
}
