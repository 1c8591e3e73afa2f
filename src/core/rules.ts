import { looksLikeCredential } from './credential-shapes';

/**
 * Small, named validation rules. A rule returns `undefined` when the value is fine,
 * else a sentence saying what is allowed. `check()` in validate.ts turns that into a
 * QdrantConfigError naming the construct, the prop and the value.
 */
export type Rule<T> = (value: T) => string | undefined;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const QDRANT_VERSION = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const QUANTITY = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
// Path segments exclude "/": a class that repeats the separator backtracks exponentially on `a/a/a/.../a!`.
const REGISTRY = /^([a-zA-Z0-9.-]+(:[0-9]+)?)(\/[a-zA-Z0-9_.-]+)*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const PEM_CERT = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g;

export const dns1123Label: Rule<string> = (v) =>
  typeof v === 'string' && v.length <= 63 && DNS1123_LABEL.test(v)
    ? undefined
    : 'expected a DNS-1123 label: 1-63 lowercase letters, digits or "-", starting and ending with a letter or digit';

export const dns1123Subdomain: Rule<string> = (v) =>
  typeof v === 'string' && v.length <= 253 && DNS1123_SUBDOMAIN.test(v)
    ? undefined
    : 'expected a DNS-1123 subdomain: up to 253 lowercase letters, digits, "-" or ".", starting and ending with a letter or digit';

export const uuid: Rule<string> = (v) =>
  typeof v === 'string' && UUID.test(v) ? undefined : 'expected a lowercase UUID such as "a7d8d973-0cc5-42de-8d7b-c29d14d24840"';

export const chartVersion: Rule<string> = (v) =>
  typeof v === 'string' && SEMVER.test(v.replace(/^v/, ''))
    ? undefined
    : 'expected a chart version in semver form such as "1.33.0" (a leading "v" is kept as given)';

/**
 * The version of a chart whose tags have no leading "v" (qdrant-cloud-agent,
 * qdrant-private-cloud: qdrant-facts.md §4 installs them as `--version 1.8.0`).
 */
export function unprefixedChartVersion(chart: string): Rule<string> {
  return (v) => {
    if (typeof v === 'string' && /^v\d/.test(v) && SEMVER.test(v.slice(1))) {
      return `expected the chart version without "v", such as ${JSON.stringify(v.slice(1))} (${chart} tags have none)`;
    }
    return typeof v === 'string' && SEMVER.test(v) ? undefined : `expected a ${chart} chart version in semver form without "v", such as "1.9.6"`;
  };
}

/** A directory inside a Git repository, as Flux and Argo CD paths name it (`dist`, `./clusters/prod`), never above it. */
export const repositoryPath: Rule<string> = (v) => (typeof v === 'string' && /^\.?\/?[A-Za-z0-9._/-]+$/.test(v) && !v.includes('..')
  ? undefined : 'expected a path inside the Git repository such as "dist" or "./clusters/prod"');

export const qdrantVersion: Rule<string> = (v) =>
  typeof v === 'string' && QDRANT_VERSION.test(v) ? undefined : 'expected a Qdrant version "vX.Y.Z" such as "v1.16.3" ("latest" is not allowed)';

export const quantity: Rule<string> = (v) =>
  typeof v === 'string' && QUANTITY.test(v) ? undefined : 'expected a Kubernetes quantity such as "500m", "2", "4Gi" or "100G"';

export const duration: Rule<string> = (v) =>
  typeof v === 'string' && GO_DURATION.test(v) ? undefined : 'expected a duration such as "30s", "10m", "10h" or "1h30m"';

export const sha256Hex: Rule<string> = (v) =>
  typeof v === 'string' && SHA256_HEX.test(v) ? undefined : 'expected 64 lowercase hex digits (a SHA-256)';

export const labelValue: Rule<string> = (v) =>
  typeof v === 'string' && v.length <= 63 && LABEL_VALUE.test(v)
    ? undefined
    : 'expected a label value: up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';

/** A qualified name as used for label and annotation keys: an optional DNS prefix and "/", then a name. */
export const qualifiedName: Rule<string> = (v) => {
  const allowed = 'expected a qualified key such as "example.com/name" or "name" (name: up to 63 letters, digits, "-", "_" or ".")';
  if (typeof v !== 'string') return allowed;
  const parts = v.split('/');
  if (parts.length > 2) return allowed;
  const name = parts[parts.length - 1];
  if (name.length > 63 || !LABEL_NAME.test(name)) return allowed;
  if (parts.length === 2 && dns1123Subdomain(parts[0]) !== undefined) return allowed;
  return undefined;
};

export const registryHostPath: Rule<string> = (v) =>
  typeof v === 'string' && v.length <= 2048 && REGISTRY.test(v) && !v.endsWith('/')
    ? undefined
    : 'expected a registry host and optional path without a scheme or trailing "/", such as "registry.example.com/qdrant"';

/** An http(s) URL without userinfo: `user:password@` in a URL is a credential committed to git. */
export const httpUrl: Rule<string> = (v) => {
  const allowed = 'expected an http:// or https:// URL such as "https://host.example.com:8443"';
  if (typeof v !== 'string') return allowed;
  if (looksLikeCredential(v)) {
    return 'expected a URL without "user:password@": credentials in a URL are committed to git in clear text; keep them in a Secret that the client reads';
  }
  try {
    const url = new URL(v);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' ? undefined : allowed;
  } catch {
    return allowed;
  }
};

/** One or more PEM certificates and nothing else. */
export const pemCertificates: Rule<string> = (v) => {
  const allowed = 'expected one or more PEM certificates ("-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----")';
  if (typeof v !== 'string') return allowed;
  const rest = v.replace(PEM_CERT, '').trim();
  return v.match(PEM_CERT) && rest === '' ? undefined : allowed;
};

/**
 * A PEM bundle that trusts every certificate of `bundles`: the first as given, then each
 * certificate of the others it lacks (the user's own CA and an image mirror's).
 * `undefined` when no bundle is given.
 */
export function mergedCertificates(...bundles: readonly (string | undefined)[]): string | undefined {
  const certificates = (b?: string) => (b?.match(PEM_CERT) ?? []).map((c) => c.replace(/\r\n/g, '\n'));
  const [first, ...others] = bundles.filter((b): b is string => b !== undefined);
  if (first === undefined) return undefined;
  const have = new Set(certificates(first));
  const missing = [...new Set(others.flatMap(certificates))].filter((c) => !have.has(c));
  return missing.length ? `${first.trimEnd()}\n${missing.join('\n')}\n` : first;
}

export const cidr: Rule<string> = (v) => {
  const allowed = 'expected a CIDR such as "10.0.0.0/8" or "2001:db8::/32"';
  if (typeof v !== 'string') return allowed;
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || bits === undefined || !/^\d+$/.test(bits)) return allowed;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
    return ip.split('.').every((o) => Number(o) <= 255) && Number(bits) <= 32 ? undefined : allowed;
  }
  return /^[0-9a-fA-F:]+$/.test(ip) && ip.includes(':') && Number(bits) <= 128 ? undefined : allowed;
};

export function oneOf<T extends string>(values: readonly T[]): Rule<T> {
  return (v) => (values.includes(v) ? undefined : `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
}

export function integerBetween(min: number, max: number): Rule<number> {
  return (v) => (Number.isInteger(v) && v >= min && v <= max ? undefined : `expected an integer from ${min} to ${max}`);
}

export const port: Rule<number> = integerBetween(1, 65535);

export function maxItems<T>(max: number): Rule<readonly T[] | Record<string, T>> {
  // A value that is not a list or map is left to the entry's own type check, which names what is expected.
  return (v) => (v === null || typeof v !== 'object' || Object.keys(v).length <= max ? undefined : `expected at most ${max} entries`);
}

/** Free text (owners, reasons, device names): any non-empty string that is not a credential. */
export const nonEmpty: Rule<string> = (v) => {
  if (typeof v !== 'string' || v.trim() === '') return 'expected a non-empty string';
  return looksLikeCredential(v) ? 'expected text, not a credential: credentials go through a SecretSource' : undefined;
};

/** A registry user name, also embedded in External Secrets templates: no template delimiters, no control characters. */
export const userName: Rule<string> = (v) => {
  if (typeof v !== 'string' || v.trim() === '') return 'expected a non-empty user name';
  // eslint-disable-next-line no-control-regex
  if (/[{}\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v)) return 'expected a user name without "{", "}" or control characters (it is embedded in External Secrets templates)';
  return looksLikeCredential(v) ? 'expected a user name, not a credential: the password goes into registryCredentials' : undefined;
};
