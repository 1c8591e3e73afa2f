import { Construct, IConstruct } from 'constructs';
import { appRecords } from '../core/app-scope';
import { fail } from '../core/errors';
import { RecordKey } from '../core/records';
import { QDRANT_CHART_REPOSITORY, QDRANT_REGISTRY, REGISTRY_SECRET_NAME } from '../delivery/chart-reference';
import { ChartRegistryCredentials, Delivery, DeliveryStage } from '../delivery/delivery';
import { dockerConfigSecretRequest } from '../secrets/secret-request';
import { bindSecretSource, BoundSecret, SecretSource } from '../secrets/secret-source';
import { ImageMirror, QDRANT_IMAGE_PREFIX } from './image-mirror';
import { MirrorManifest } from './mirror-manifest';

/** Where a chart's images and charts come from: Qdrant's registry, or a mirror. */
export interface RegistryTarget {
  /** Registry host written into the pull secret. */
  readonly server: string;
  /** OCI chart repository. */
  readonly chartRepository: string;
  /** Full image repository of a Qdrant image name, e.g. `operator`. */
  image(name: string): string;
  /** Name of the pull secret. */
  readonly pullSecretName: string;
  /** Source of the pull secret. @default - none: anonymous pulls */
  readonly pullSecret?: SecretSource;
  /** Prop path of that source, for errors. */
  readonly pullSecretProp: string;
  /** PEM CA of the registry. @default - the system's trust store */
  readonly caCertificates?: string;
  /** The mirror. @default - none: Qdrant's registry */
  readonly mirror?: ImageMirror;
  /** References to list in mirror.yaml. @default - none: no mirror */
  readonly manifest?: MirrorManifest;
}

/** An ImageMirror set on the QdrantApp applies to every chart that sets none. */
export interface IMirrorDefault {
  readonly mirror?: ImageMirror;
}

/** The app's image mirror, a record of the QdrantApp. */
export const DEFAULT_MIRROR = new RecordKey<ImageMirror | undefined>('the image mirror of every chart that sets none', () => undefined);

export function appMirror(scope: IConstruct): ImageMirror | undefined {
  return appRecords(scope).of(DEFAULT_MIRROR);
}

/** Resolves a chart's registry target; the Qdrant registry credentials and a mirror exclude each other. */
export function resolveRegistryTarget(scope: Construct, props: {
  mirror?: ImageMirror; registryCredentials?: SecretSource; defaultUsername?: string;
}): RegistryTarget & { readonly defaultUsername?: string } {
  const mirror = props.mirror ?? appMirror(scope);
  if (!mirror) {
    if (!(props.registryCredentials instanceof SecretSource)) {
      fail(scope, 'registryCredentials', props.registryCredentials, `expected a SecretSource with the credentials for ${QDRANT_REGISTRY} (or an ImageMirror)`);
    }
    return {
      server: QDRANT_REGISTRY,
      chartRepository: QDRANT_CHART_REPOSITORY,
      image: (name) => `${QDRANT_IMAGE_PREFIX}/${name}`,
      pullSecretName: REGISTRY_SECRET_NAME,
      pullSecret: props.registryCredentials,
      pullSecretProp: 'registryCredentials',
      defaultUsername: props.defaultUsername,
    };
  }
  if (!(mirror instanceof ImageMirror)) fail(scope, 'mirror', mirror, 'expected an ImageMirror');
  mirror._check(scope, 'mirror');
  if (props.registryCredentials !== undefined) {
    fail(scope, 'registryCredentials', '<set>',
      `with an image mirror nothing pulls from ${QDRANT_REGISTRY}; give the mirror's credentials as the mirror's pullSecret and leave registryCredentials unset ` +
      '(a pull secret per namespace: give this stack its own mirror prop, new ImageMirror({ ..., pullSecret }))');
  }
  return {
    server: mirror.registryHost,
    chartRepository: mirror.chartRepository,
    image: (name) => mirror.image(name),
    pullSecretName: mirror.pullSecretName,
    pullSecret: mirror.pullSecret,
    pullSecretProp: 'mirror.pullSecret',
    caCertificates: mirror.caCertificates,
    mirror,
    manifest: new MirrorManifest(mirror),
  };
}

/** Where an image pull secret goes and what it authenticates to. */
export interface PullSecretTarget {
  readonly name: string;
  readonly namespace: string;
  readonly server: string;
  readonly defaultUsername?: string;
  /** Consumers read this exact name (an existing Secret must have it). */
  readonly fixedName: boolean;
}

/** Binds an image pull secret (`kubernetes.io/dockerconfigjson`) and orders it with the prerequisites. */
export function bindPullSecret(scope: Construct, id: string, prop: string, source: SecretSource, target: PullSecretTarget, delivery: Delivery): BoundSecret {
  const bound = bindSecretSource(source, scope, id, prop, dockerConfigSecretRequest({ ...target, purpose: 'registry pull secret' }));
  bound.objects.forEach((o) => delivery._stage(o, DeliveryStage.PREREQUISITES));
  return bound;
}

/** Chart registry credentials for a delivery, or none for anonymous pulls. */
export function chartCredentials(target: RegistryTarget & { readonly defaultUsername?: string }, pullSecretName: string): ChartRegistryCredentials | undefined {
  return target.pullSecret
    ? { pullSecretName, source: target.pullSecret, sourceProp: target.pullSecretProp, defaultUsername: target.defaultUsername }
    : undefined;
}
