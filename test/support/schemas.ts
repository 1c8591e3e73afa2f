import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

/** ../shared beside the repository (CI has it there too). */
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared');
/** The Kubernetes version whose schemas every test validates against (cdk8s-plus-28's). */
const K8S_VERSION = 'v1.28.0';
/** Every Kubernetes version in ../shared/schemas/kubernetes: built-in kinds must validate against each. */
export const K8S_VERSIONS = ['v1.28.0', 'v1.31.0', 'v1.34.0'] as const;
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/**
 * Strict mode: every schema that declares `properties` rejects other keys, even where
 * the CRD says `x-kubernetes-preserve-unknown-fields` (QdrantCluster's spec does: the
 * API server would accept a typo silently, so the tests must not). Free-form maps
 * (no `properties`) stay open.
 */
function strictify(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strictify);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === 'properties' || k === 'definitions'
      ? Object.fromEntries(Object.entries(v as object).map(([pk, pv]) => [pk, strictify(pv)]))
      : strictify(v);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Every CustomResourceDefinition in ../shared/crds. */
export function loadCrds(): any[] {
  const files: string[] = [];
  const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (/\.ya?ml$/.test(e.name) && !e.name.includes('helm-template') && !e.name.includes('chart-')) files.push(p);
  });
  walk(path.join(SHARED_DIR, 'crds'));
  return files.flatMap((f) => parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => d.toJS()))
    .filter((d) => d?.kind === 'CustomResourceDefinition');
}

/**
 * CRD patterns are Go (RE2) regular expressions; the prometheus-operator CRDs use its
 * inline case-insensitive flag `(?i)`, which JavaScript spells as the `i` flag.
 */
const goRegExp = Object.assign((pattern: string, flags: string) => (pattern.includes('(?i)')
  ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags)), { code: 'goRegExp' });

class SchemaRegistry {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
  /** Schemas by `apiVersion/kind`, compiled on first use (compiling all takes seconds). */
  private readonly schemas = new Map<string, object>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(k8sVersion: string) {
    const defs = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'schemas', 'kubernetes', k8sVersion, '_definitions.json'), 'utf8')).definitions;
    this.ajv.addSchema({ $id: 'k8s', definitions: strictify(defs) });
    for (const [name, def] of Object.entries<any>(defs)) {
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
        const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
        this.schemas.set(`${apiVersion}/${gvk.kind}`, { $ref: `k8s#/definitions/${name}` });
      }
    }
    for (const crd of loadCrds()) {
      for (const version of crd.spec.versions.filter((v: any) => v.served)) {
        const schema = strictify(version.schema.openAPIV3Schema);
        schema.properties.metadata = { $ref: `k8s#/definitions/${OBJECT_META}` };
        schema.required = [...new Set([...(schema.required ?? []), 'apiVersion', 'kind', 'metadata'])];
        this.schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, schema);
      }
    }
  }

  /** Errors of one object; empty when it is valid. */
  public errors(obj: any): string[] {
    const key = `${obj?.apiVersion}/${obj?.kind}`;
    const schema = this.schemas.get(key);
    if (!schema) return [`no schema for ${obj?.apiVersion} ${obj?.kind}`];
    if (!this.validators.has(key)) this.validators.set(key, this.ajv.compile(schema));
    const validate = this.validators.get(key)!;
    if (validate(obj)) return [];
    return (validate.errors ?? []).map((e) =>
      `${obj.kind}/${obj.metadata?.name}${e.instancePath} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${(e.params as any).additionalProperty})` : ''}`);
  }
}

const registries = new Map<string, SchemaRegistry>();

/** Validates objects strictly against ../shared (built-in kinds of `k8sVersion`); returns every error found. */
export function schemaErrors(objects: readonly any[], k8sVersion: string = K8S_VERSION): string[] {
  if (!registries.has(k8sVersion)) registries.set(k8sVersion, new SchemaRegistry(k8sVersion));
  const registry = registries.get(k8sVersion)!;
  return objects.flatMap((o) => registry.errors(o));
}
