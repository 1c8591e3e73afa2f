import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { QdrantCluster as QdrantClusterL1, QdrantClusterSpec } from '../../imports/qdrant.io';
import { inChart, inQdrantApp } from '../core/app-scope';
import { fail } from '../core/errors';
import { applyPolicy, warnPolicy } from '../core/policy';
import { dns1123Label } from '../core/rules';
import { checkKnownObject, convertShape, propKeys, SecretRecipe, ShapeContext } from '../core/shape';
import { checkEach, checkObject, constructId } from '../core/validate';
import { Delivery, DeliveryStage } from '../delivery/delivery';
import { bindPullSecret } from '../mirror/registry-target';
import { opaqueSecretRequest, tlsSecretRequest } from '../secrets/secret-request';
import { bindSecretSource, SecretSource } from '../secrets/secret-source';
import {
  addRestore, addScheduledSnapshot, addSnapshot, ClusterRestoreOptions, ClusterScheduledSnapshotOptions, ClusterSnapshotOptions,
} from './backups';
import { ClusterHost } from './cluster-host';
import { ClusterIdentity } from './cluster-reference';
import { ClusterImage, ExistingOperator, QdrantClusterProps } from './cluster-props';
import { CLUSTER_RULES, serviceTerminatesTls } from './cluster-rules';
import { CLUSTER_WARNINGS, warnKeyInClearText } from './cluster-warnings';
import { CLUSTER_SPEC } from './cluster-spec';
import {
  allowFromNamespaces, AllowFromNamespacesOptions, exposeWithIngress, exposeWithService, ExtraIngressOptions, ExtraServiceOptions, ingressAnnotations,
} from './exposure';

/** A Secret and one of its keys. */
interface BoundKey {
  readonly secretName: string;
  readonly key: string;
}

/**
 * One Qdrant cluster (`qdrant.io/v1` QdrantCluster named `qdrant-<id>`), with its API
 * key and TLS secrets, backups, restores and exposure. Create it with
 * `QdrantOperator.addCluster`, `HybridRegion.addCluster`, or directly with
 * `existingOperator` for an operator installed out of band.
 */
export class QdrantCluster extends Construct implements ClusterIdentity {
  /** Cluster id. */
  public readonly clusterId: string;
  /** Kubernetes name, `qdrant-<id>`. */
  public readonly name: string;
  /** Namespace. */
  public readonly namespace: string;
  /** Labels every object of this cluster carries (`cluster-id`, `customer-id`). */
  public readonly labels: Readonly<Record<string, string>>;
  /** The operator-made Service, `qdrant-<id>`. */
  public readonly serviceName: string;
  /** Whether the cluster has an API key. */
  public readonly hasApiKey: boolean;
  /** Whether the database serves TLS on its ports (`tls` set). */
  public readonly hasTls: boolean;
  /** Who runs the cluster. */
  private readonly host: ClusterHost;
  /** The Secret and (first) key each secret prop is bound to, by prop (`tls.ca`). */
  private readonly boundSecrets = new Map<string, BoundKey>();

  /**
   * A cluster run by an operator installed out of band (`existingOperator`). Clusters of
   * a QdrantOperator or HybridRegion come from their `addCluster`.
   */
  constructor(scope: Construct, id: string, props: QdrantClusterProps);
  /** A cluster run by a QdrantOperator or a HybridRegion, which pass who runs it. @internal */
  constructor(scope: Construct, id: string, props: QdrantClusterProps, host: ClusterHost);
  constructor(scope: Construct, id: string, props: QdrantClusterProps, host: ClusterHost | undefined = undefined) {
    super(inChart(inQdrantApp(scope, constructId(scope, id), 'QdrantCluster'), id, 'QdrantCluster',
      'create it with QdrantOperator.addCluster or HybridRegion.addCluster, or, with existingOperator, ' +
      'in a chart of your own (new QdrantCluster(new Chart(app, \'clusters\'), ...)); the chart id names its output folder'), id);
    checkObject(this, 'props', props, 'QdrantClusterProps');
    // The ids name the objects below: checked by their table entries before they are used.
    for (const key of ['id', 'customerId'] as const) convertShape(this, key, CLUSTER_SPEC.fields![key], props[key]);
    const resolvedHost = host ?? hostFromProps(this, props);
    this.host = resolvedHost;
    const namespace = props.namespace ?? resolvedHost.defaultNamespace;
    if (namespace === undefined) fail(this, 'namespace', undefined, 'expected the namespace of the cluster');
    this.clusterId = props.id;
    this.name = `qdrant-${props.id}`;
    this.namespace = namespace;
    this.serviceName = this.name;
    this.labels = { 'cluster-id': props.id, 'customer-id': props.customerId };
    this.hasApiKey = props.apiKey !== undefined;
    this.hasTls = props.tls !== undefined;

    const context: ShapeContext = {
      crd: resolvedHost.crdChartVersion === 'unknown' ? 'unknown' : { version: resolvedHost.crdChartVersion, installedBy: resolvedHost.description },
      qdrantVersion: typeof props.version === 'string' ? props.version : 'unknown',
      bindSecret: (prop, source: SecretSource, recipe) => this.bindSecret(prop, source, recipe),
    };
    const spec = convertShape(this, '', CLUSTER_SPEC, { ...props, namespace }, context) as Record<string, any>;
    // The operator makes this Ingress; a database serving TLS needs the controller to talk HTTPS to it.
    if (spec.ingress) spec.ingress.annotations = ingressAnnotations(this, 'ingress', spec.ingress);
    applyPolicy(this, CLUSTER_RULES, { props, host: resolvedHost, namespace });
    warnPolicy(this, CLUSTER_WARNINGS, { props, host: resolvedHost, namespace });
    const exposedAs = props.service?.type ?? 'ClusterIP';
    if (exposedAs !== 'ClusterIP') warnKeyInClearText(this, `service.type "${exposedAs}"`, serviceTerminatesTls(props.service?.annotations), 'or TLS at the load balancer');
    this.addPullSecret(props, resolvedHost, namespace);

    const image = this.mirroredImage(props, resolvedHost);
    const cr = new QdrantClusterL1(this, 'Resource', {
      metadata: { name: this.name, namespace, labels: { ...this.labels } },
      spec: (image ? { ...spec, image: { ...spec.image as object, ...image } } : spec) as unknown as QdrantClusterSpec,
    });
    this.stage(cr, DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** The Secret and key of the cluster's API key, for scrapers in its namespace. @internal */
  public get _apiKeyRef(): BoundKey | undefined {
    return this.boundSecrets.get('apiKey');
  }

  /** The Secret and key of the CA that signed the cluster's certificate (`tls.ca`), for scrapers in its namespace. @internal */
  public get _tlsCaRef(): BoundKey | undefined {
    return this.boundSecrets.get('tls.ca');
  }

  /** A one-off snapshot (`QdrantClusterSnapshot`) with the cluster's labels. */
  public addSnapshot(id: string, options: ClusterSnapshotOptions): void {
    this.stage(addSnapshot(this, id, options), DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** A snapshot schedule (`QdrantClusterScheduledSnapshot`) with the cluster's labels. */
  public addScheduledSnapshot(id: string, options: ClusterScheduledSnapshotOptions): void {
    this.stage(addScheduledSnapshot(this, id, options), DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** A restore (`QdrantClusterRestore`) of a snapshot into this cluster (or a new one). */
  public addRestore(id: string, options: ClusterRestoreOptions): void {
    this.stage(addRestore(this, id, options), DeliveryStage.CUSTOM_RESOURCES, true);
  }

  /** An extra Service for ports 6333/6334 only, e.g. an internal load balancer. */
  public exposeWithService(id: string, options: ExtraServiceOptions): void {
    this.stage(exposeWithService(this, id, options), DeliveryStage.CUSTOM_RESOURCES);
  }

  /**
   * An extra Ingress to the REST port 6333. Needs an API key. In front of a cluster that
   * serves TLS it asks the controller to talk HTTPS to the database.
   */
  public exposeWithIngress(id: string, options: ExtraIngressOptions): void {
    const { ingress, certificateObjects } = exposeWithIngress(this, id, options);
    certificateObjects.forEach((o) => this.stage(o, DeliveryStage.PREREQUISITES));
    this.stage(ingress, DeliveryStage.CUSTOM_RESOURCES);
  }

  /** A NetworkPolicy letting the named namespaces reach ports 6333/6334. */
  public allowFromNamespaces(id: string, options: AllowFromNamespacesOptions): void {
    this.stage(allowFromNamespaces(this, id, options), DeliveryStage.CUSTOM_RESOURCES);
  }

  private stage(obj: ApiObject, stage: DeliveryStage, customResource = false): void {
    this.host.delivery._stage(obj, stage, customResource ? { crdInSameSync: true, preventPrune: true } : {});
  }

  /**
   * With a mirror, a cluster's own image repository moves to the mirror, and its
   * version is recorded for mirror.yaml.
   */
  private mirroredImage(props: QdrantClusterProps, host: ClusterHost): ClusterImage | undefined {
    const mirror = host.mirror;
    if (!mirror) return undefined;
    const repository = props.image?.repository ? mirror._rewriteRepository(this, 'image.repository', props.image.repository) : undefined;
    const name = repository ? repository.slice(mirror.containerRegistry.length + 1) : host.databaseImageName ?? 'qdrant';
    host.manifest?.addImage(name, props.version, 'Qdrant version of a declared cluster');
    return repository ? { repository } : undefined;
  }

  /** Binds a secret entry of the table into the Secret its recipe describes; returns what the spec holds for it. */
  private bindSecret(prop: string, source: SecretSource, recipe: SecretRecipe): unknown {
    const secret = { name: `${this.name}-${recipe.nameSuffix}`, namespace: this.namespace, purpose: `${recipe.purpose} of cluster ${this.clusterId}` };
    const request = recipe.keys === 'tls' ? tlsSecretRequest(secret) : opaqueSecretRequest({ ...secret, keys: [recipe.keys.opaque], fixedName: false });
    const bound = bindSecretSource(source, this, prop, prop, request);
    bound.objects.forEach((o) => this.stage(o, DeliveryStage.PREREQUISITES));
    const firstKey = request.inputs[0].key;
    this.boundSecrets.set(prop, { secretName: bound.name, key: firstKey });
    const keyRef = (key: string) => ({ secretKeyRef: { name: bound.name, key } });
    return recipe.wire ? recipe.wire(keyRef) : keyRef(firstKey);
  }

  /** The database image is pulled with the operator's pull secret, which must exist in the cluster's namespace. */
  private addPullSecret(props: QdrantClusterProps, host: ClusterHost, namespace: string): void {
    const registry = host.registry;
    if (!registry || registry.namespace === namespace) return;
    const chart = Chart.of(this);
    const marker = `pull-secret-${namespace}`;
    if (chart.node.tryFindChild(marker)) return;
    const source = props.registryCredentials ?? registry.source;
    if (source.origin === 'sealed-secret' && !props.registryCredentials) {
      fail(this, 'registryCredentials', undefined,
        `the operator's registry credentials are sealed for its own namespace; the database image needs Secret ${namespace}/${registry.secretName}: give a SecretSource sealed for it`);
    }
    bindPullSecret(new Construct(chart, marker), 'secret', props.registryCredentials ? 'registryCredentials' : `${host.description} registryCredentials`, source, {
      name: registry.secretName, namespace, server: registry.server, defaultUsername: registry.defaultUsername, fixedName: true,
    }, host.delivery);
  }
}

const EXISTING_OPERATOR_KEYS = propKeys<ExistingOperator>({ watchedNamespaces: true, delivery: true });

function hostFromProps(scope: Construct, props: QdrantClusterProps): ClusterHost {
  const existing = props.existingOperator;
  if (!existing) {
    fail(scope, 'existingOperator', undefined,
      'a QdrantCluster needs an operator: create it with QdrantOperator.addCluster or HybridRegion.addCluster, or declare existingOperator');
  }
  checkKnownObject(scope, 'existingOperator', existing, 'an object { watchedNamespaces, delivery }', EXISTING_OPERATOR_KEYS);
  if (existing.watchedNamespaces !== 'all') {
    if (!Array.isArray(existing.watchedNamespaces)) {
      fail(scope, 'existingOperator.watchedNamespaces', existing.watchedNamespaces, 'expected "all" or a list of the namespaces the operator watches');
    }
    checkEach(scope, 'existingOperator.watchedNamespaces', existing.watchedNamespaces, dns1123Label);
  }
  if (!(existing.delivery instanceof Delivery)) {
    fail(scope, 'existingOperator.delivery', existing.delivery, 'expected new FluxDelivery() or new ArgoCdDelivery(), the delivery applying this folder');
  }
  return {
    description: 'the existing operator', delivery: existing.delivery, watchedNamespaces: existing.watchedNamespaces,
    crdChartVersion: 'unknown', clusterManagerEnabled: 'unknown',
  };
}
