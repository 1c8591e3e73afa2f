import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  HelmRelease, HelmReleaseSpecChartRefKind, HelmReleaseSpecInstallCrds, HelmReleaseSpecUpgradeCrds,
} from '../../imports/helm.toolkit.fluxcd.io';
import { Kustomization, KustomizationSpecSourceRefKind } from '../../imports/kustomize.toolkit.fluxcd.io';
import { OciRepository, OciRepositorySpecLayerSelectorOperation } from '../../imports/source.toolkit.fluxcd.io';
import { dns1123Label, dns1123Subdomain, duration, integerBetween, repositoryPath } from '../core/rules';
import { checkKnownObject, propKeys } from '../core/shape';
import { check, checkOptional } from '../core/validate';
import { qdrantHealthCheckExprs } from '../health/flux-health';
import { QDRANT_HEALTH } from '../health/qdrant-health';
import { RecordKey } from '../core/records';
import { ChartRelease, ChartReleaseRequest, DeliveredStack, Delivery, DeliveryStage, DeliveryTool, KubernetesClusterId, StageOptions } from './delivery';
import { BootstrapChart } from './bootstrap';

/** Media type of a Helm chart layer in an OCI artifact. */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

/** A Flux GitRepository object, by name. */
export interface FluxGitRepositoryReference {
  /** Name of the GitRepository. */
  readonly name: string;
  /** Its namespace. @default 'flux-system' */
  readonly namespace?: string;
}

export interface FluxDeliveryProps {
  /** Reconcile interval of the OCIRepository and HelmRelease objects. @default '10m' */
  readonly interval?: string;
  /** Helm install/upgrade retries before Flux gives up and remediates. @default 3 */
  readonly retries?: number;
  /** The GitRepository that holds the synthesised output. @default - flux-system/flux-system, as `flux bootstrap` creates it */
  readonly gitRepository?: FluxGitRepositoryReference;
  /** Path of the output directory inside that repository. @default './dist' */
  readonly outputPath?: string;
  /**
   * Id of the Kubernetes cluster whose Flux syncs this stack, in a fleet of several.
   * The entry Kustomizations of every stack naming the same cluster go to one folder,
   * `flux-<cluster>`, the only folder that cluster's Flux is pointed at by hand.
   * @default - one cluster: the entry Kustomizations go to `<folder>-entry`
   */
  readonly cluster?: string;
}

/** Flux labels every object it applies with its Kustomization's name: a label value, at most 63 characters. */
const kustomizationName = (v: string) => (v.length <= 63 ? undefined : 'a namespace of at most 54 characters: Flux labels objects with the Kustomization name `<namespace>-clusters`, a label value of at most 63 characters');

/** The folder a Kubernetes cluster's Flux is pointed at, in a fleet. */
const fluxBootstrapFolder = (cluster: string) => `flux-${cluster}`;

/** How long a Kustomization waits for what it applied to be healthy before it reports failure. */
const KUSTOMIZATION_TIMEOUT = '15m';

/** Annotation that stops Flux from pruning an object that left the output, or deleting it with its Kustomization. */
export const FLUX_PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

/** Every key of FluxDeliveryProps and of its GitRepository reference, for refusing unknown ones at run time. */
const FLUX_DELIVERY_PROP_KEYS = propKeys<FluxDeliveryProps>({ interval: true, retries: true, gitRepository: true, outputPath: true, cluster: true });
const FLUX_GIT_REPOSITORY_KEYS = propKeys<FluxGitRepositoryReference>({ name: true, namespace: true });

/** Flux as the output describes it: it orders by folders and `dependsOn`, and every stack of a fleet is in its cluster's bootstrap. */
const FLUX_TOOL: DeliveryTool = { displayName: 'Flux', bootstrapOptional: false, bootstrapNotes: [] };

/** What Flux wrote for one stack: its entry folder, its custom-resource folder, its CA Secrets by namespace. */
interface FluxStackRecord {
  entry?: Chart;
  customResources?: Chart;
  readonly caSecrets: Map<string, string>;
}

const FLUX_STACK = new RecordKey<FluxStackRecord>('what Flux wrote for the stack', () => ({ caSecrets: new Map() }));

/** The record of `stack`. */
const fluxRecord = (stack: DeliveredStack) => stack._deliveryRecords.of(FLUX_STACK);

/**
 * Delivers charts with Flux: an `OCIRepository` (source.toolkit.fluxcd.io/v1) per
 * chart, authenticated with the release namespace's pull secret, and a `HelmRelease`
 * (helm.toolkit.fluxcd.io/v2) with `chartRef` and `dependsOn` for ordering.
 */

export class FluxDelivery extends Delivery {
  public readonly tool = 'flux';
  /** @internal */
  public readonly _tool = FLUX_TOOL;
  private readonly interval: string;
  private readonly retries: number;
  private readonly props: FluxDeliveryProps;

  constructor(props: FluxDeliveryProps = {}) {
    super();
    // JavaScript callers may pass anything; checkProps refuses what is not an object.
    this.props = props ?? {};
    this.interval = this.props.interval ?? '10m';
    this.retries = this.props.retries ?? 3;
  }

  public _addChartRelease(scope: DeliveredStack, id: string, request: ChartReleaseRequest): ChartRelease {
    this.checkProps(scope);
    if (this.props.cluster !== undefined) this.entryOf(scope, request.namespace);
    const source = new OciRepository(scope, `${id}-source`, {
      metadata: { name: request.releaseName, namespace: request.namespace },
      spec: {
        interval: this.interval,
        url: `${request.chart.repository}/${request.chart.name}`,
        ref: { tag: request.chart.version },
        secretRef: request.credentials ? { name: request.credentials.pullSecretName } : undefined,
        certSecretRef: request.caCertificates
          ? { name: this.caSecret(scope, request.namespace, request.caCertificates) } : undefined,
        layerSelector: { mediaType: HELM_CHART_LAYER, operation: OciRepositorySpecLayerSelectorOperation.COPY },
      },
    });
    const release = new HelmRelease(scope, id, {
      metadata: { name: request.releaseName, namespace: request.namespace },
      spec: {
        interval: this.interval,
        releaseName: request.releaseName,
        chartRef: { kind: HelmReleaseSpecChartRefKind.OCI_REPOSITORY, name: source.name },
        dependsOn: request.dependsOn?.map((d) => ({ name: d.objectName, namespace: d.objectNamespace })),
        install: { crds: HelmReleaseSpecInstallCrds.CREATE_REPLACE, remediation: { retries: this.retries } },
        upgrade: { crds: HelmReleaseSpecUpgradeCrds.CREATE_REPLACE, remediation: { retries: this.retries } },
        values: request.values,
      },
    });
    // Pruning a CRD release (or its source) uninstalls the CRDs and with them every Qdrant cluster.
    if (request.installsCrds) [source, release].forEach((o) => this._stage(o, request.stage, { preventPrune: true }));
    return { releaseName: request.releaseName, namespace: request.namespace, objectName: release.name, objectNamespace: request.namespace };
  }

  /** HelmRelease `dependsOn`. @internal */
  public _orderNote(_stages: readonly string[], release: string, dependsOn: string): string {
    return `Flux: HelmRelease \`${release}\` depends on \`${dependsOn}\`.`;
  }

  /** @internal */
  public _kubernetesCluster(): KubernetesClusterId {
    const cluster = this.props.cluster;
    return cluster === undefined ? { key: 'flux', label: 'default' } : { key: `flux ${cluster}`, label: cluster };
  }

  /** Flux applies a folder as one unit; order comes from `dependsOn` and folders instead. @internal */
  public _stage(obj: ApiObject, _stage: DeliveryStage, options: StageOptions = {}): void {
    if (options.preventPrune) obj.metadata.addAnnotation(FLUX_PRUNE_ANNOTATION, 'disabled');
  }

  /**
   * Custom resources go to the folder `<chart>-clusters`, applied by a Kustomization
   * that depends on the one applying `<chart>` (with `wait: true`, so the HelmReleases
   * are ready: CRDs installed, operator running). Both Kustomizations are written to
   * `<chart>-entry`, the folder to point Flux at, or with `cluster` set to that
   * cluster's `flux-<cluster>`. They are named after the stack's
   * namespace (`<namespace>-stack`, `<namespace>-clusters`), never after the chart id:
   * a renamed Kustomization is garbage-collected together with what it applied. @internal
   */
  public _customResourceScope(chart: DeliveredStack, stackNamespace: string): Chart {
    const record = fluxRecord(chart);
    if (record.customResources) return record.customResources;
    this.checkProps(chart);
    const entry = this.entryOf(chart, stackNamespace);
    const crChart = new Chart(chart, `${chart.node.id}-clusters`);
    this.kustomization(entry, `${chart.node.id}-custom-resources`, `${stackNamespace}-clusters`, crChart.node.id, { dependsOn: `${stackNamespace}-stack`, qdrantHealth: true });
    record.customResources = crChart;
    return crChart;
  }

  /**
   * The folder holding the stack's entry Kustomizations, with the one applying the stack
   * folder (`<namespace>-stack`). In a fleet every stack has one, so the cluster's
   * bootstrap lists all of them; alone, only a stack with custom resources needs it.
   */
  private entryOf(chart: DeliveredStack, stackNamespace: string): Chart {
    const record = fluxRecord(chart);
    if (record.entry) return record.entry;
    check(chart, 'namespace (names the Flux Kustomization)', `${stackNamespace}-clusters`, kustomizationName);
    const entry = this.props.cluster === undefined ? new Chart(chart, `${chart.node.id}-entry`) : BootstrapChart.forFolder(chart, fluxBootstrapFolder(this.props.cluster), FLUX_TOOL, this._kubernetesCluster());
    this.kustomization(entry, `${chart.node.id}-controllers`, `${stackNamespace}-stack`, chart.node.id);
    record.entry = entry;
    return entry;
  }

  /** @internal */
  public _applyNote(chart: DeliveredStack, stackNamespace: string): string {
    const { entry, customResources: clusters } = fluxRecord(chart);
    if (!entry) return `Flux: point a Kustomization at this folder (path \`${this.outputBase()}/${chart.node.id}\`).`;
    const flux = this.props.cluster === undefined ? 'Flux' : `the Flux of Kubernetes cluster **${this.props.cluster}**`;
    const kustomizations = clusters
      ? `Kustomization \`${stackNamespace}-stack\` applies this folder, then \`${stackNamespace}-clusters\` applies \`${clusters.node.id}\` once it is ready`
      : `Kustomization \`${stackNamespace}-stack\` applies this folder`;
    return `Flux: ${kustomizations}; ${clusters ? 'both are' : 'it is'} in \`${entry.node.id}\`, the folder to point ${flux} at.`;
  }

  private outputBase(): string {
    return (this.props.outputPath ?? './dist').replace(/\/+$/, '');
  }

  /**
   * A Kustomization applying `folder`; `wait` makes it (and whatever depends on it) ready
   * only once everything it applied is healthy, the Qdrant objects by their phase.
   */
  private kustomization(entry: Chart, id: string, name: string, folder: string, options: { dependsOn?: string; qdrantHealth?: boolean } = {}): Kustomization {
    const source = this.props.gitRepository ?? { name: 'flux-system' };
    const base = this.outputBase();
    return new Kustomization(entry, id, {
      metadata: { name, namespace: 'flux-system' },
      spec: {
        interval: this.interval,
        path: `${base}/${folder}`,
        prune: true,
        wait: true,
        timeout: KUSTOMIZATION_TIMEOUT,
        healthCheckExprs: options.qdrantHealth ? qdrantHealthCheckExprs() : undefined,
        sourceRef: { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: source.name, namespace: source.namespace ?? 'flux-system' },
        dependsOn: options.dependsOn ? [{ name: options.dependsOn }] : undefined,
      },
    });
  }

  /** @internal */
  public _healthNotes(stack: DeliveredStack): string[] {
    const folder = fluxRecord(stack).customResources;
    if (!folder) return [];
    return [`Flux health: the Kustomization that applies \`${folder.node.id}\` waits (\`wait: true\`, timeout ${KUSTOMIZATION_TIMEOUT}) until its ` +
      `${QDRANT_HEALTH.map((k) => k.kind).join(', ')} objects are healthy by their \`status.phase\` (\`healthCheckExprs\` in CEL, qdrant-facts.md §13): ` +
      'a failed phase fails it, a cluster suspended on purpose counts as ready.'];
  }

  private checkProps(scope: Construct): void {
    checkKnownObject(scope, 'delivery', this.props, 'FluxDeliveryProps', FLUX_DELIVERY_PROP_KEYS);
    if (this.props.gitRepository !== undefined) {
      checkKnownObject(scope, 'delivery.gitRepository', this.props.gitRepository, '{ name, namespace? }', FLUX_GIT_REPOSITORY_KEYS);
    }
    check(scope, 'delivery.interval', this.interval, duration);
    check(scope, 'delivery.retries', this.retries, integerBetween(0, 100));
    checkOptional(scope, 'delivery.gitRepository.name', this.props.gitRepository?.name, dns1123Subdomain);
    checkOptional(scope, 'delivery.cluster', this.props.cluster, (v) => dns1123Label(v) ?? dns1123Label(fluxBootstrapFolder(v)));
    checkOptional(scope, 'delivery.gitRepository.namespace', this.props.gitRepository?.namespace, dns1123Label);
    checkOptional(scope, 'delivery.outputPath', this.props.outputPath, repositoryPath);
  }

  /** One CA secret (`ca.crt`, public data) per stack folder and namespace. */
  private caSecret(stack: DeliveredStack, namespace: string, pem: string): string {
    const caSecrets = fluxRecord(stack).caSecrets;
    const existing = caSecrets.get(namespace);
    if (existing) return existing;
    const secret = new k8s.KubeSecret(stack, `flux-registry-ca-${namespace}`, {
      metadata: { name: 'qdrant-registry-ca', namespace },
      type: 'Opaque',
      stringData: { 'ca.crt': pem },
    });
    caSecrets.set(namespace, secret.name);
    return secret.name;
  }
}
