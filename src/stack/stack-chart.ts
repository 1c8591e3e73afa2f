import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { inQdrantApp } from '../core/app-scope';
import { Records } from '../core/records';
import { dns1123Label } from '../core/rules';
import { check, constructId } from '../core/validate';
import { DeliveredStack, Delivery, DeliveryStage } from '../delivery/delivery';
import { ImageMirror } from '../mirror/image-mirror';
import { bindPullSecret, RegistryTarget, resolveRegistryTarget } from '../mirror/registry-target';
import { BoundSecret, SecretSource } from '../secrets/secret-source';

/** What every stack starts from. */
export interface StackBase {
  readonly namespace: string;
  readonly delivery: Delivery;
  readonly createNamespace: boolean;
  readonly mirror?: ImageMirror;
  readonly registryCredentials?: SecretSource;
  readonly registryUsername?: string;
}

/**
 * Base of the charts that install a Qdrant stack into one namespace (HybridRegion,
 * QdrantOperator): the chart id names the output folder, and both start with the
 * namespace and the registry pull secret.
 */
export abstract class StackChart extends Chart implements DeliveredStack {
  /** @internal */
  public readonly _deliveryRecords = new Records();
  /** The stack's namespace and delivery, once prepared: the fleet checks and the pictures read them. @internal */
  public _placement?: { readonly namespace: string; readonly delivery: Delivery };

  constructor(scope: Construct, id: string) {
    super(inQdrantApp(scope, constructId(scope, id), new.target.name), id);
    check(this, 'id (output folder name)', id, dns1123Label);
  }

  /**
   * The first steps of every stack: its Namespace, where images and charts come from, and
   * the pull secret there. `prerequisites` is the chart the stack's own Secrets go to.
   */
  protected prepare(p: StackBase): { readonly target: RegistryTarget; readonly pull?: BoundSecret; readonly prerequisites: Chart } {
    this._placement = { namespace: p.namespace, delivery: p.delivery };
    const prerequisites = p.delivery._prerequisiteScope(this, p.namespace);
    if (p.createNamespace) addNamespace(prerequisites, p.namespace, p.delivery);
    const target = resolveRegistryTarget(this, { mirror: p.mirror, registryCredentials: p.registryCredentials, defaultUsername: p.registryUsername });
    return { target, pull: addPullSecret(prerequisites, target, p.namespace, p.delivery), prerequisites };
  }
}

/**
 * The Namespace, ordered first and never pruned: deleting a namespace deletes every
 * Qdrant cluster and volume in it, whatever their own annotations say.
 */
function addNamespace(scope: Chart, namespace: string, delivery: Delivery): void {
  const ns = new k8s.KubeNamespace(scope, 'namespace', { metadata: { name: namespace } });
  delivery._stage(ns, DeliveryStage.PREREQUISITES, { preventPrune: true });
}

/** The image pull secret for the target registry in `namespace`; none for an anonymous mirror. */
function addPullSecret(scope: Chart, target: RegistryTarget & { readonly defaultUsername?: string }, namespace: string, delivery: Delivery): BoundSecret | undefined {
  if (!target.pullSecret) return undefined;
  return bindPullSecret(scope, 'registry-credentials', target.pullSecretProp, target.pullSecret, {
    name: target.pullSecretName, namespace, server: target.server, defaultUsername: target.defaultUsername, fixedName: false,
  }, delivery);
}
