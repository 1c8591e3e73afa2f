import { Yaml } from 'cdk8s';
import { parse, Scalar } from 'yaml';

/** Strings worth a second look: only those starting like a number can be read as one by YAML 1.2 but not 1.1. */
const NUMBER_LIKE = /^[-+.]?[0-9]/;

/**
 * YAML of cdk8s (YAML 1.1, whose plain-scalar rules quote `yes`, `0777`, `1e3`, ...),
 * with every string that YAML 1.2 would read as something else quoted as well:
 * `kubectl kustomize` and the API server read YAML 1.2, where `0o17` is the integer 15.
 */
export function manifestYaml(...docs: unknown[]): string {
  return Yaml.stringify(...docs.map(quoteAmbiguous));
}

/** The value with ambiguous strings wrapped in double-quoted scalars; untouched (same object) when none is found. */
function quoteAmbiguous(value: unknown): unknown {
  if (typeof value === 'string') {
    return NUMBER_LIKE.test(value) && typeof parse(value, { version: '1.2' }) !== 'string'
      ? Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE }) : value;
  }
  if (Array.isArray(value)) {
    const items = value.map(quoteAmbiguous);
    return items.some((v, i) => v !== value[i]) ? items : value;
  }
  if (value && typeof value === 'object' && !(value instanceof Scalar)) {
    const entries = Object.entries(value).map(([k, v]) => [k, quoteAmbiguous(v)] as const);
    return entries.some(([k, v]) => v !== (value as Record<string, unknown>)[k]) ? Object.fromEntries(entries) : value;
  }
  return value;
}
