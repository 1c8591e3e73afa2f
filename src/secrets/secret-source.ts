import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ExternalSecret, ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetTemplateEngineVersion,
} from '../../imports/external-secrets.io';
import { SealedSecret } from '../../imports/bitnami.com';
import { isKubesealCiphertext, kubesealCommand } from './kubeseal-form';
import { appRecords } from '../core/app-scope';
import { looksLikeCredential } from '../core/credential-shapes';
import { entryPath, fail } from '../core/errors';
import { addNotice } from '../core/notices';
import { NamedRule, warnRule } from '../core/policy';
import { RecordKey } from '../core/records';
import { dns1123Subdomain, duration, oneOf, Rule } from '../core/rules';
import { checkKnownObject, propKeys } from '../core/shape';
import { check, checkObject, checkOptional } from '../core/validate';
import { externalSecretSyntax, plaintextSyntax, SecretRequest } from './secret-request';

/** The secret warning rules. */
export const SECRET_WARNINGS = {
  plaintextCommitted: {
    id: 'plaintext-secret-in-git',
    doc: 'SecretSource.plaintextCommittedToGit writes the credential to git in clear text: for tests and demos only.',
  },
} as const satisfies Record<string, NamedRule>;

/** Annotation that marks a Secret whose values are committed to git in clear text. */
export const PLAINTEXT_ANNOTATION = 'cdk8s-qdrant.io/plaintext-credentials';

/** How a bound secret reaches the cluster. */
export type SecretOrigin = 'existing' | 'external-secret' | 'sealed-secret' | 'plaintext';

/** The result of binding a source to a request. */
export interface BoundSecret {
  /** Kubernetes name of the Secret consumers reference. */
  readonly name: string;
  /** How the secret reaches the cluster. */
  readonly origin: SecretOrigin;
  /** Objects emitted for it (none for an existing secret). */
  readonly objects: readonly ApiObject[];
  /** The input values, only when the library holds them (plaintext opt-in). */
  readonly plaintextInputs?: Readonly<Record<string, string>>;
}

/** A remote reference of ESO: where one value lives in the secret store. */
export interface ExternalSecretRef {
  /** Key (path) of the secret in the store, e.g. `qdrant/region-a`. */
  readonly key: string;
  /** Property inside that secret, e.g. `access-key`. @default - the whole secret value */
  readonly property?: string;
  /** Version of the secret in the store. @default - the latest */
  readonly version?: string;
}

export interface ExternalSecretSourceProps {
  /** Name of the (Cluster)SecretStore that ESO reads from. */
  readonly storeName: string;
  /** Kind of the store. @default 'ClusterSecretStore' */
  readonly storeKind?: 'SecretStore' | 'ClusterSecretStore';
  /** Where each value lives, by input name (e.g. `access-key`, `password`). */
  readonly refs: Record<string, ExternalSecretRef>;
  /** How often ESO refreshes the Secret. @default '1h' */
  readonly refreshInterval?: string;
}

export interface SealedSecretSourceProps {
  /**
   * Ciphertext per final Secret key, as `kubeseal` prints it. Seal it for the
   * Secret name and namespace the library documents for this secret (strict scope).
   */
  readonly encryptedData: Record<string, string>;
  /** Sealing scope the ciphertext was made for. @default 'strict' */
  readonly scope?: 'strict' | 'namespace-wide' | 'cluster-wide';
}

/**
 * How a secret reaches the cluster. Constructs decide the Secret's name, namespace,
 * type and keys; the source decides where the values come from.
 */
export abstract class SecretSource {
  /** The Secret is created out of band (kubectl, Vault agent, ...); nothing is emitted. */
  public static existing(name?: string): SecretSource {
    return new ExistingSecretSource(name);
  }

  /** An External Secrets Operator `ExternalSecret` (external-secrets.io/v1) renders the Secret on the cluster. */
  public static fromExternalSecret(props: ExternalSecretSourceProps): SecretSource {
    return new ExternalSecretSource(props);
  }

  /** A Bitnami `SealedSecret` (bitnami.com/v1alpha1) carries the values encrypted for the cluster's controller. */
  public static fromSealedSecret(props: SealedSecretSourceProps): SecretSource {
    return new SealedSecretSource(props);
  }

  /**
   * A plain `Secret` whose values are COMMITTED TO GIT IN CLEAR TEXT. For tests and
   * demos only; the Secret carries the annotation `cdk8s-qdrant.io/plaintext-credentials`.
   */
  public static plaintextCommittedToGit(values: Record<string, string>): SecretSource {
    return new PlaintextSecretSource(values);
  }

  /** How the secret reaches the cluster. */
  public abstract readonly origin: SecretOrigin;

  /**
   * Emits what the request needs under `scope`. `prop` is the prop path of this
   * source, used in errors.
   * @internal
   */
  public abstract _bind(scope: Construct, id: string, prop: string, request: SecretRequest): BoundSecret;
}

/**
 * Binds `source` to `request`, after checking that it is a SecretSource at all: a
 * JavaScript caller may pass the secret itself (a string, `{ password }`), which must
 * neither crash nor be printed.
 */
export function bindSecretSource(source: unknown, scope: Construct, id: string, prop: string, request: SecretRequest): BoundSecret {
  if (!(source instanceof SecretSource)) {
    fail(scope, prop, source, `expected a SecretSource (SecretSource.existing, fromExternalSecret, fromSealedSecret or plaintextCommittedToGit), not ${kindOf(source)}`, true);
  }
  return source._bind(scope, id, prop, request);
}

/** What a wrong value is, without its content. */
function kindOf(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a plain object' : `a ${typeof v}`;
}

class ExistingSecretSource extends SecretSource {
  public readonly origin = 'existing';
  constructor(private readonly name?: string) { super(); }

  public _bind(scope: Construct, _id: string, prop: string, request: SecretRequest): BoundSecret {
    const name = this.name ?? request.name;
    // An invalid name is not shown: it is most often the secret itself, pasted into the wrong place.
    const invalidName = dns1123Subdomain(name);
    if (invalidName) fail(scope, `${prop} (existing secret name)`, name, invalidName, true);
    if (request.fixedName && name !== request.name) {
      fail(scope, `${prop} (existing secret name)`, name,
        `the ${request.purpose} is read by name; the existing Secret must be named "${request.name}"`);
    }
    addNotice(scope, 'secret', `\`${request.namespace}/${name}\` (${request.type}, keys ${keyList(request)}): ${request.purpose}, created out of band`);
    return { name, origin: this.origin, objects: [] };
  }
}

/** Every key of the props of the External Secrets and Sealed Secrets sources, for refusing misspelt ones at run time. */
const EXTERNAL_SECRET_KEYS = propKeys<ExternalSecretSourceProps>({ storeName: true, storeKind: true, refs: true, refreshInterval: true });
const EXTERNAL_SECRET_REF_KEYS = propKeys<ExternalSecretRef>({ key: true, property: true, version: true });
const SEALED_SECRET_KEYS = propKeys<SealedSecretSourceProps>({ encryptedData: true, scope: true });

class ExternalSecretSource extends SecretSource {
  public readonly origin = 'external-secret';
  constructor(private readonly props: ExternalSecretSourceProps) { super(); }

  public _bind(scope: Construct, id: string, prop: string, request: SecretRequest): BoundSecret {
    const p = this.props;
    checkKnownObject(scope, prop, p, 'ExternalSecretSourceProps', EXTERNAL_SECRET_KEYS);
    check(scope, `${prop}.storeName`, p.storeName, dns1123Subdomain);
    checkOptional(scope, `${prop}.storeKind`, p.storeKind, oneOf(['SecretStore', 'ClusterSecretStore']));
    checkOptional(scope, `${prop}.refreshInterval`, p.refreshInterval, duration);
    if (p.refs !== undefined) checkObject(scope, `${prop}.refs`, p.refs, 'a map from input name to { key, property?, version? }');
    const provided = checkInputs(scope, `${prop}.refs`, p.refs, request);
    for (const [k, ref] of Object.entries(p.refs)) {
      const at = entryPath(`${prop}.refs`, k);
      checkKnownObject(scope, at, ref, 'a remote reference { key, property?, version? }', EXTERNAL_SECRET_REF_KEYS);
      check(scope, `${at}.key`, ref.key, storeReference);
      checkOptional(scope, `${at}.property`, ref.property, storeReference);
      checkOptional(scope, `${at}.version`, ref.version, storeReference);
    }
    const defaults = Object.fromEntries(request.inputs.filter((i) => i.default !== undefined).map((i) => [i.key, i.default!]));
    const data = { ...request.render(externalSecretSyntax(provided, defaults)), ...request.literals };
    const obj = new ExternalSecret(scope, id, {
      metadata: { name: request.name, namespace: request.namespace, labels: request.labels, annotations: request.annotations },
      spec: {
        refreshInterval: p.refreshInterval ?? '1h',
        secretStoreRef: {
          name: p.storeName,
          kind: p.storeKind === 'SecretStore'
            ? ExternalSecretSpecSecretStoreRefKind.SECRET_STORE
            : ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE,
        },
        target: {
          name: request.name,
          creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
          template: {
            type: request.type,
            engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2,
            metadata: request.labels ? { labels: request.labels } : undefined,
            data,
          },
        },
        data: [...provided].sort().map((k) => ({
          secretKey: k,
          remoteRef: { key: p.refs[k].key, property: p.refs[k].property, version: p.refs[k].version },
        })),
      },
    });
    // What must exist in the store: the remote keys are paths, not secrets.
    const remote = [...provided].sort().map((k) => `\`${k}\` from \`${p.refs[k].key}\`${p.refs[k].property ? ` property \`${p.refs[k].property}\`` : ''}`);
    addNotice(scope, 'secret', `\`${request.namespace}/${request.name}\` (${request.type}, keys ${keyList(request)}): ${request.purpose}, ` +
      `made by External Secrets from ${p.storeKind ?? 'ClusterSecretStore'} \`${p.storeName}\`: ${remote.join(', ')}`);
    return { name: request.name, origin: this.origin, objects: [obj] };
  }
}

/** The Secret each sealed source of the app is bound to (`<namespace>/<name>`): its values decrypt for that one only. */
const SEALED_BINDINGS = new RecordKey<Map<SecretSource, string>>('the Secret each sealed source is bound to', () => new Map());

class SealedSecretSource extends SecretSource {
  public readonly origin = 'sealed-secret';
  constructor(private readonly props: SealedSecretSourceProps) { super(); }

  public _bind(scope: Construct, id: string, prop: string, request: SecretRequest): BoundSecret {
    const target = `${request.namespace}/${request.name}`;
    const bindings = appRecords(scope).of(SEALED_BINDINGS);
    const boundTo = bindings.get(this);
    if (boundTo !== undefined && boundTo !== target) {
      fail(scope, prop, `sealed for ${boundTo}`,
        `sealed values decrypt only for the Secret they were sealed for; give the ${request.purpose} (${target}) its own SecretSource.fromSealedSecret` +
        (prop === 'mirror.pullSecret' ? ', in a mirror of its own: this stack\'s mirror prop, new ImageMirror({ ..., pullSecret }) (or an existing or External Secrets source, which serves every namespace)' : ''));
    }
    bindings.set(this, target);
    checkKnownObject(scope, prop, this.props, 'SealedSecretSourceProps', SEALED_SECRET_KEYS);
    checkObject(scope, `${prop}.encryptedData`, this.props.encryptedData, 'a map from Secret key to kubeseal ciphertext');
    checkOptional(scope, `${prop}.scope`, this.props.scope, oneOf(['strict', 'namespace-wide', 'cluster-wide']));
    const expected = secretKeys(request);
    const given = Object.keys(this.props.encryptedData ?? {}).sort();
    if (expected.join(',') !== given.join(',')) {
      fail(scope, `${prop}.encryptedData`, given,
        `expected ciphertext for exactly the keys ${expected.map((k) => JSON.stringify(k)).join(', ')} of the ${request.purpose} (Secret ${target}, type ${request.type})`);
    }
    for (const [k, v] of Object.entries(this.props.encryptedData)) {
      if (!isKubesealCiphertext(v)) {
        fail(scope, entryPath(`${prop}.encryptedData`, k), v, 'expected base64 ciphertext as printed by kubeseal (a wrapped session key and the sealed value, ' +
          `over 700 characters; not a plaintext or merely base64-encoded value); seal it with: ${kubesealCommand(request.namespace, request.name, request.type, k, this.props.scope)}`, true);
      }
    }
    const scopeAnnotations: Record<string, string> =
      this.props.scope === 'namespace-wide' ? { 'sealedsecrets.bitnami.com/namespace-wide': 'true' }
        : this.props.scope === 'cluster-wide' ? { 'sealedsecrets.bitnami.com/cluster-wide': 'true' } : {};
    const annotations = { ...request.annotations, ...scopeAnnotations };
    addNotice(scope, 'secret', `\`${target}\` (${request.type}, keys ${keyList(request)}): ${request.purpose}, sealed with \`kubeseal --namespace ${request.namespace} --name ${request.name}\``);
    const obj = new SealedSecret(scope, id, {
      metadata: {
        name: request.name, namespace: request.namespace, labels: request.labels,
        annotations: Object.keys(annotations).length ? annotations : undefined,
      },
      spec: {
        encryptedData: this.props.encryptedData,
        template: {
          type: request.type,
          metadata: request.labels ? { labels: request.labels } : undefined,
          data: request.literals,
        },
      },
    });
    return { name: request.name, origin: this.origin, objects: [obj] };
  }
}

class PlaintextSecretSource extends SecretSource {
  public readonly origin = 'plaintext';
  constructor(private readonly values: Record<string, string>) { super(); }

  public _bind(scope: Construct, id: string, prop: string, request: SecretRequest): BoundSecret {
    checkObject(scope, prop, this.values, 'a map from input name to value');
    checkInputs(scope, prop, this.values, request);
    const inputs = Object.fromEntries(request.inputs.map((i) => [i.key, this.values[i.key] ?? i.default!]));
    for (const [k, v] of Object.entries(this.values)) {
      if (typeof v !== 'string' || v === '') fail(scope, `${prop}.${k}`, v, 'expected a non-empty string', true);
    }
    const obj = new k8s.KubeSecret(scope, id, {
      metadata: {
        name: request.name,
        namespace: request.namespace,
        labels: request.labels,
        annotations: { ...request.annotations, [PLAINTEXT_ANNOTATION]: 'committed to git in clear text; for tests and demos only' },
      },
      type: request.type,
      stringData: { ...request.render(plaintextSyntax(inputs)), ...request.literals },
    });
    warnRule(scope, SECRET_WARNINGS.plaintextCommitted, `${prop}: the ${request.purpose} (Secret ${request.namespace}/${request.name}) is committed to git in clear text ` +
      '(SecretSource.plaintextCommittedToGit); for tests and demos only');
    return { name: request.name, origin: this.origin, objects: [obj], plaintextInputs: inputs };
  }
}

/** A key, property or version in a secret store: a non-empty string, written into the ExternalSecret as is. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f]/;
const storeReference: Rule<string> = (v) =>
  typeof v === 'string' && v.trim() !== '' && !CONTROL_CHARACTER.test(v) && !looksLikeCredential(v)
    ? undefined : 'expected a non-empty string without control characters: where the value lives in the store, not the value';

/** The final keys of the Secret a request describes. */
function secretKeys(request: SecretRequest): string[] {
  return Object.keys(request.render(plaintextSyntax({}))).sort();
}

function keyList(request: SecretRequest): string {
  return secretKeys(request).map((k) => `\`${k}\``).join(', ');
}

/** Every required input present, no unknown input; returns the provided input names. */
function checkInputs(scope: Construct, prop: string, given: Record<string, unknown> | undefined, request: SecretRequest): Set<string> {
  const known = request.inputs.map((i) => i.key);
  const describe = request.inputs.map((i) => (i.default === undefined ? `"${i.key}"` : `"${i.key}" (optional, default ${JSON.stringify(i.default)})`)).join(', ');
  for (const k of Object.keys(given ?? {})) {
    if (!known.includes(k)) fail(scope, `${prop}.${k}`, given![k], `unknown key for the ${request.purpose}; expected ${describe}`, true);
  }
  for (const i of request.inputs) {
    if (i.default === undefined && given?.[i.key] === undefined) {
      fail(scope, `${prop}.${i.key}`, undefined, `the ${request.purpose} needs ${describe}`);
    }
  }
  return new Set(Object.keys(given ?? {}));
}
