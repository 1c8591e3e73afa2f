import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { dns1123Subdomain, pemCertificates, registryHostPath } from '../core/rules';
import { ociUrl } from '../core/vocabulary';
import { bool, checkKnownObject, propKeys } from '../core/shape';
import { check, checkOptional } from '../core/validate';
import { QDRANT_REGISTRY, REGISTRY_SECRET_NAME, registryHost } from '../delivery/chart-reference';
import { SecretSource } from '../secrets/secret-source';

/** Where Qdrant's images live upstream: `registry.cloud.qdrant.io/qdrant/<name>`. */
export const QDRANT_IMAGE_PREFIX = `${QDRANT_REGISTRY}/qdrant`;

/** Every key of ImageMirrorProps, for refusing unknown ones at run time. */
const IMAGE_MIRROR_PROP_KEYS = propKeys<ImageMirrorProps>({
  containerRegistry: true, chartRepository: true, pullSecret: true, pullSecretName: true, anonymousPull: true, caCertificates: true,
});

export interface ImageMirrorProps {
  /** Registry and path that hold the images, without scheme: images become `<containerRegistry>/<name>` (e.g. `.../qdrant-cloud-agent`). */
  readonly containerRegistry: string;
  /** OCI repository that holds the charts, e.g. `oci://registry.example.com/qdrant-charts`. */
  readonly chartRepository: string;
  /** Credentials (`username`, `password`) for the mirror; becomes the pull secret everywhere something pulls. @default - required unless anonymousPull */
  readonly pullSecret?: SecretSource;
  /** Name of the pull secret. @default 'qdrant-registry-creds' */
  readonly pullSecretName?: string;
  /** The mirror allows anonymous pulls, so no pull secret is made. @default false */
  readonly anonymousPull?: boolean;
  /** PEM CA bundle of the mirror, when it uses a private CA. @default - public CAs */
  readonly caCertificates?: string;
}

/**
 * One declaration for an air-gapped or mirrored setup: every image and chart
 * reference the library emits is rewritten to the mirror, pull secrets go wherever
 * something pulls, and `mirror.yaml` lists exactly what to copy there.
 */
export class ImageMirror {
  /** Registry and path of the images. */
  public readonly containerRegistry: string;
  /** OCI repository of the charts. */
  public readonly chartRepository: string;
  /** Name of the pull secret. */
  public readonly pullSecretName: string;
  /** Source of the pull secret, unless pulls are anonymous. */
  public readonly pullSecret?: SecretSource;
  /** PEM CA bundle of the mirror. */
  public readonly caCertificates?: string;

  private readonly props: ImageMirrorProps;

  constructor(props: ImageMirrorProps) {
    // JavaScript callers may pass anything; _check refuses what is not an object.
    this.props = props ?? {};
    this.containerRegistry = this.props.containerRegistry;
    this.chartRepository = this.props.chartRepository;
    this.pullSecretName = this.props.pullSecretName ?? REGISTRY_SECRET_NAME;
    this.pullSecret = this.props.pullSecret;
    this.caCertificates = this.props.caCertificates;
  }

  /** Registry host of the images, e.g. `registry.example.com:5000`. */
  public get registryHost(): string {
    return registryHost(this.containerRegistry);
  }

  /** The mirrored repository of a Qdrant image name, e.g. `operator`. */
  public image(name: string): string {
    return `${this.containerRegistry}/${name}`;
  }

  /**
   * Checks the declaration where it is used (`prop` is the prop path there); the
   * same mirror may serve several charts.
   * @internal
   */
  public _check(scope: IConstruct, prop: string): void {
    checkKnownObject(scope, prop, this.props, 'ImageMirrorProps', IMAGE_MIRROR_PROP_KEYS);
    checkOptional(scope, `${prop}.anonymousPull`, this.props.anonymousPull, bool);
    check(scope, `${prop}.containerRegistry`, this.props.containerRegistry, registryHostPath);
    check(scope, `${prop}.chartRepository`, this.props.chartRepository, ociUrl);
    check(scope, `${prop}.pullSecretName`, this.pullSecretName, dns1123Subdomain);
    checkOptional(scope, `${prop}.caCertificates`, this.props.caCertificates, pemCertificates);
    if (!this.props.pullSecret && !this.props.anonymousPull) {
      fail(scope, `${prop}.pullSecret`, undefined, 'a mirror needs pull credentials (SecretSource with "username" and "password"), or anonymousPull: true');
    }
    if (this.props.pullSecret && this.props.anonymousPull) {
      fail(scope, `${prop}.anonymousPull`, true, 'contradicts pullSecret; set one of them');
    }
  }

  /**
   * Rewrites a user-given image repository: Qdrant's upstream names move to the
   * mirror, names already in the mirror stay, anything else is an error (it would
   * not be pullable in an air-gapped cluster).
   * @internal
   */
  public _rewriteRepository(scope: IConstruct, prop: string, repository: string): string {
    if (repository.startsWith(`${this.containerRegistry}/`)) return repository;
    const upstream = [`${QDRANT_IMAGE_PREFIX}/`, 'docker.io/qdrant/', 'qdrant/'].find((p) => repository.startsWith(p));
    if (!upstream) {
      fail(scope, prop, repository, `with an image mirror every image must come from "${this.containerRegistry}" (or be one of Qdrant's images, which are rewritten to it)`);
    }
    return this.image(repository.slice(upstream.length));
  }
}

