import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { checkResources } from '../core/resources';
import { chartVersion, dns1123Label, integerBetween, labelValue, qualifiedName, unprefixedChartVersion } from '../core/rules';
import { checkNodeSelector, checkTolerations } from '../core/scheduling';
import { check, checkEach, checkOptional, checkStringMap } from '../core/validate';
import { compact, deepMerge, mergeExtraValues, Values } from '../core/values';
import { imagePullPolicy } from '../core/vocabulary';
import { applyPolicy, warnRule } from '../core/policy';
import { ChartReference, QDRANT_CHART_REPOSITORY } from '../delivery/chart-reference';
import { chartCredentials, RegistryTarget } from '../mirror/registry-target';
import { mirrorSideFiles } from '../mirror/side-files';
import { ChartRelease, Delivery, DeliveryStage } from '../delivery/delivery';
import { ISideFileProvider } from '../stack/side-files';
import { StackChart } from '../stack/stack-chart';
import { ClusterHost } from '../cluster/cluster-host';
import { QdrantClusterProps } from '../cluster/cluster-props';
import { QdrantCluster } from '../cluster/qdrant-cluster';
import { checkKnownObject } from '../core/shape';
import { compareVersions } from '../core/versions';
import { findPrivateCloudRelease, PrivateCloudRelease } from './compatibility';
import { COMPONENT_PROP_KEYS, ComponentProps, OPERATOR_COMPONENT_PROP_KEYS, OPERATOR_PROP_KEYS, QdrantOperatorProps } from './operator-props';
import { OPERATOR_RULES, OPERATOR_WARNINGS } from './operator-rules';
import { operatorSettingsToWire } from './operator-settings';
import { CRD_RELEASE_NAME, PRIVATE_CLOUD_RELEASE_NAME } from '../core/release-names';
import { StackMonitoring } from '../monitoring/stack-monitoring';
import { addStackStorage, ResolvedStorage } from '../storage/stack-storage';

export const PRIVATE_CLOUD_CHART = 'qdrant-private-cloud';
export const CRD_CHART = 'qdrant-kubernetes-api';
export { CRD_RELEASE_NAME, PRIVATE_CLOUD_RELEASE_NAME } from '../core/release-names';

/**
 * The Qdrant operator stack of Qdrant Private Cloud, managed through GitOps: the CRD
 * chart `qdrant-kubernetes-api` (release `qdrant-private-cloud-crds`), then the
 * `qdrant-private-cloud` chart (operator, cluster-manager, exporter), then the Qdrant
 * clusters added with `addCluster`.
 */
export class QdrantOperator extends StackChart implements ISideFileProvider {
  /** Namespace of the operator. */
  public readonly operatorNamespace: string;
  /** The delivery used. */
  public readonly delivery: Delivery;
  /** Chart versions in use. */
  public readonly chartVersion: string;
  public readonly crdChartVersion: string;
  /** The known component versions of this Private Cloud release, when it is in the compatibility table. */
  public readonly release?: PrivateCloudRelease;
  /** Name of the pull secret in the operator namespace (none for an anonymous mirror). */
  public readonly registrySecretName?: string;
  /** Where images and charts come from. */
  public readonly registry: RegistryTarget;
  /** The CRD release and the operator release. */
  public readonly crdRelease: ChartRelease;
  public readonly operatorRelease: ChartRelease;
  /** The `qdrant-private-cloud` values, as emitted. */
  public readonly values: Values;
  /** The `settings:` tree in wire form (shared with HybridRegion's advanced operator settings). */
  public readonly settings: Values;

  private readonly watchScope: readonly string[] | 'all';
  /** Name of the database image in the mirror (`qdrant` unless the settings name another). */
  private readonly databaseImageName?: string;
  private readonly storage: ResolvedStorage;
  private readonly monitoring?: StackMonitoring;

  constructor(scope: Construct, id: string, props: QdrantOperatorProps) {
    super(scope, id);
    const p = resolveProps(this, props);
    this.operatorNamespace = p.namespace;
    this.delivery = p.delivery;
    this.chartVersion = p.chartVersion;
    this.release = p.release;
    this.crdChartVersion = p.crdChartVersion;
    this.watchScope = p.watchScope;

    const { target, pull, prerequisites } = this.prepare(p);
    this.registry = target;
    this.registrySecretName = pull?.name;
    // Checked first: the storage and the mirror read the (then valid) typed settings.
    const typedSettings = operatorSettingsToWire(this, 'settings', p.settings);
    const dbImage = target.mirror
      ? target.mirror._rewriteRepository(this, 'settings.features.clusterManagement.qdrant.image.repository',
        p.settings?.features?.clusterManagement?.qdrant?.image?.repository ?? target.image('qdrant'))
      : undefined;
    this.databaseImageName = dbImage && target.mirror ? dbImage.slice(target.mirror.containerRegistry.length + 1) : undefined;
    this.storage = this.addStorage(prerequisites, p);
    this.settings = this.settingsTree(p, typedSettings, pull?.name, dbImage);
    this.values = this.chartValues(p, target, pull?.name);
    [this.crdRelease, this.operatorRelease] = this.addReleases(p, target, pull?.name);
    // Applied to the stack's own Kubernetes cluster, where the delivery puts monitoring (Argo CD: with the custom resources).
    this.monitoring = p.monitoring ? new StackMonitoring(this, p.delivery, p.monitoring, {
      kind: 'operator', namespace: p.namespace, databaseNamespaces: this.watchScope,
    }) : undefined;
  }

  /**
   * The operator's `settings:` tree: defaults first (the pull secret, the declared storage
   * classes), the typed settings over them, the mirror's database image over those; the
   * escape hatch may add keys but not override any of them.
   */
  private settingsTree(p: ResolvedOperatorProps, typedSettings: Values, pullSecretName: string | undefined, dbImage: string | undefined): Values {
    const databaseImage = (image: Values) => ({ features: { clusterManagement: { qdrant: { image } } } });
    const storageClasses = compact({ features: {
      clusterManagement: { storageClass: { database: this.storage.storageClass, snapshot: this.storage.storageClass } },
      backupManagement: { snapshots: { volumeSnapshotClass: this.storage.volumeSnapshotClass === 'none' ? undefined : this.storage.volumeSnapshotClass } },
    } });
    const settings = mergeExtraValues(this, 'extraSettings', [
      databaseImage(compact({ pullSecretName })),
      storageClasses,
      typedSettings,
      dbImage ? databaseImage({ repository: dbImage }) : {},
    ].reduce(deepMerge), p.extraSettings);
    if (p.extraSettings) warnRule(this, OPERATOR_WARNINGS.uncheckedExtraSettings, `extraSettings passes keys the library does not check: ${Object.keys(p.extraSettings).join(', ')}`);
    return settings;
  }

  /** The `qdrant-private-cloud` chart values: the three components, the watch scope, the settings tree, then extraValues. */
  private chartValues(p: ResolvedOperatorProps, target: RegistryTarget, pullSecretName: string | undefined): Values {
    const imagePullSecrets = pullSecretName ? [{ name: pullSecretName }] : undefined;
    const component = (c: ComponentProps | undefined, imageName: string) => ({
      ...componentValues(c),
      image: { repository: target.mirror ? target.image(imageName) : undefined, pullPolicy: c?.imagePullPolicy },
      imagePullSecrets,
    });
    const typed = compact({
      operator: {
        ...component(p.operator, 'operator'),
        customLabels: p.operator.customLabels,
        serviceMonitor: p.operator.serviceMonitor === undefined ? undefined : { enabled: p.operator.serviceMonitor },
        watch: {
          onlyReleaseNamespace: p.operator.watchOnlyReleaseNamespace,
          namespaces: p.operator.watchNamespaces ? [...p.operator.watchNamespaces] : undefined,
        },
        limitRBAC: p.operator.limitRbac,
        settings: this.settings,
      },
      'qdrant-cluster-manager': component(p.clusterManager, 'cluster-manager'),
      'qdrant-cluster-exporter': component(p.clusterExporter, 'qdrant-cluster-exporter'),
    });
    if (p.extraValues) warnRule(this, OPERATOR_WARNINGS.uncheckedExtraValues, `extraValues passes chart values the library does not check: ${Object.keys(p.extraValues).join(', ')}`);
    return mergeExtraValues(this, 'extraValues', typed, p.extraValues);
  }

  /** The CRD chart, then the operator chart after it; both recorded for mirror.yaml. */
  private addReleases(p: ResolvedOperatorProps, target: RegistryTarget, pullSecretName: string | undefined): [ChartRelease, ChartRelease] {
    const crdChart = { repository: target.chartRepository, name: CRD_CHART, version: p.crdChartVersion };
    const operatorChart = { repository: target.chartRepository, name: PRIVATE_CLOUD_CHART, version: p.chartVersion };
    const shared = {
      namespace: p.namespace,
      credentials: pullSecretName ? chartCredentials(target, pullSecretName) : undefined,
      caCertificates: target.caCertificates,
    };
    const crds = p.delivery._addChartRelease(this, 'crds', {
      ...shared, releaseName: CRD_RELEASE_NAME, chart: crdChart, values: {}, stage: DeliveryStage.CRDS, installsCrds: true,
    });
    const operator = p.delivery._addChartRelease(this, 'operator', {
      ...shared, releaseName: PRIVATE_CLOUD_RELEASE_NAME, chart: operatorChart, values: this.values, stage: DeliveryStage.CONTROLLERS, dependsOn: [crds],
    });
    this.recordMirroredArtifacts(crdChart, operatorChart);
    return [crds, operator];
  }

  /** Checks and emits the declared storage classes, against what the settings already name. */
  private addStorage(scope: Chart, p: ResolvedOperatorProps): ResolvedStorage {
    const features = p.settings?.features ?? {};
    const backups = features.backupManagement ?? {};
    return addStackStorage(scope, p.delivery, {
      stack: this,
      storage: p.storage,
      settings: {
        databaseStorageClass: features.clusterManagement?.storageClass?.database,
        volumeSnapshotClass: backups.snapshots?.volumeSnapshotClass,
      },
      settingsProps: {
        databaseStorageClass: 'settings.features.clusterManagement.storageClass.database',
        volumeSnapshotClass: 'settings.features.backupManagement.snapshots.volumeSnapshotClass',
      },
      backupsEnabled: backups.enable !== false && backups.snapshots?.enable !== false,
    });
  }

  /** The charts and images of this release, for mirror.yaml. */
  private recordMirroredArtifacts(...charts: ChartReference[]): void {
    const manifest = this.registry.manifest;
    if (!manifest) return;
    charts.forEach((c) => manifest.addChart({ ...c, repository: QDRANT_CHART_REPOSITORY }));
    const fromChangelog = `tag from the Private Cloud ${this.chartVersion} changelog`;
    const follows = { unpinned: `tag follows the appVersion of chart ${PRIVATE_CLOUD_CHART} ${this.chartVersion}` };
    manifest.addImage('operator', this.release?.operator ?? follows, fromChangelog);
    manifest.addImage('cluster-manager', this.release?.clusterManager ?? follows, fromChangelog);
    manifest.addImage('qdrant-cluster-exporter', this.release?.clusterExporter ?? follows, fromChangelog);
    // The operator's database image setting points at the mirror; declared clusters pin its tags.
    manifest.addImage(this.databaseImageName!, { unpinned: 'tags are the versions of the QdrantClusters; none is declared in this output' });
  }

  /** Namespaces the operator reconciles QdrantClusters in, or 'all'. */
  public get watchedNamespaces(): readonly string[] | 'all' {
    return this.watchScope;
  }

  /** Whether a QdrantCluster in `namespace` is reconciled by this operator. */
  public watches(namespace: string): boolean {
    return this.watchScope === 'all' || this.watchScope.includes(namespace);
  }

  /** The chart custom resources of this stack go to (ordered after the operator). */
  public get customResourceScope(): Chart {
    return this.delivery._customResourceScope(this, this.operatorNamespace);
  }

  /** A Qdrant cluster run by this operator, applied after it (sync wave or dependent Flux folder). */
  public addCluster(id: string, props: QdrantClusterProps): QdrantCluster {
    const cluster = new QdrantCluster(this.customResourceScope, id, props, this.clusterHost());
    this.monitoring?.addCluster(this.customResourceScope, cluster);
    return cluster;
  }

  private clusterHost(): ClusterHost {
    const cm = (this.settings.features as any)?.clusterManagement?.clusterManager?.enable;
    return {
      description: `QdrantOperator "${this.node.id}"`,
      defaultNamespace: this.operatorNamespace,
      delivery: this.delivery,
      watchedNamespaces: this.watchScope,
      crdChartVersion: this.crdChartVersion,
      clusterManagerEnabled: typeof cm === 'boolean' ? cm : 'unknown',
      registry: this.registrySecretName && this.registry.pullSecret
        ? { secretName: this.registrySecretName, source: this.registry.pullSecret, namespace: this.operatorNamespace, server: this.registry.server }
        : undefined,
      mirror: this.registry.mirror,
      manifest: this.registry.manifest,
      databaseImageName: this.databaseImageName,
    };
  }

  public sideFiles(): Record<string, string> {
    return { ...mirrorSideFiles(this.registry, this.delivery), ...this.monitoring?.sideFiles(), ...this.delivery._healthSideFiles(this) };
  }

  public readmeNotes(): string[] {
    const order = this.delivery._orderNote(['namespace and secrets', 'CRD chart', 'operator chart', 'Qdrant clusters'], PRIVATE_CLOUD_RELEASE_NAME, CRD_RELEASE_NAME);
    const applied = this.delivery._applyNote(this, this.operatorNamespace);
    return [
      `Qdrant Private Cloud ${this.chartVersion} (CRDs ${this.crdChartVersion}) in namespace \`${this.operatorNamespace}\`; watches ${this.watchScope === 'all' ? 'all namespaces' : this.watchScope.map((n) => `\`${n}\``).join(', ')}.`,
      order,
      ...(applied ? [applied] : []),
      ...this.storage.notes,
      ...this.monitoring?.readmeNotes() ?? [],
      ...this.delivery._healthNotes(this),
    ];
  }
}

function componentValues(c: ComponentProps | undefined): Values {
  return {
    replicaCount: c?.replicaCount,
    resources: c?.resources,
    nodeSelector: c?.nodeSelector,
    tolerations: c?.tolerations?.map((t) => ({ ...t })),
    affinity: k8s.toJson_Affinity(c?.affinity),
    podAnnotations: c?.podAnnotations,
  };
}

function checkComponent(scope: Construct, prop: string, c: ComponentProps | undefined, keys: readonly string[]): void {
  if (c === undefined) return;
  checkKnownObject(scope, prop, c, 'component settings', keys);
  checkOptional(scope, `${prop}.replicaCount`, c.replicaCount, integerBetween(0, 100));
  checkOptional(scope, `${prop}.imagePullPolicy`, c.imagePullPolicy, imagePullPolicy);
  checkResources(scope, `${prop}.resources`, c.resources);
  checkNodeSelector(scope, `${prop}.nodeSelector`, c.nodeSelector);
  checkTolerations(scope, `${prop}.tolerations`, c.tolerations);
  checkStringMap(scope, `${prop}.podAnnotations`, c.podAnnotations, qualifiedName);
}

/** The props once checked, with their defaults. */
type ResolvedOperatorProps = ReturnType<typeof resolveProps>;

/** Checks every prop and applies defaults, in one place. */
function resolveProps(scope: Construct, props: QdrantOperatorProps) {
  checkKnownObject(scope, 'props', props, 'QdrantOperatorProps', OPERATOR_PROP_KEYS, '');
  check(scope, 'namespace', props.namespace, dns1123Label);
  check(scope, 'chartVersion', props.chartVersion, unprefixedChartVersion('qdrant-private-cloud'));
  checkOptional(scope, 'crdChartVersion', props.crdChartVersion, chartVersion);
  if (!(props.delivery instanceof Delivery)) fail(scope, 'delivery', props.delivery, 'expected new FluxDelivery() or new ArgoCdDelivery()');
  const operator = props.operator ?? {};
  checkComponent(scope, 'operator', operator, OPERATOR_COMPONENT_PROP_KEYS);
  checkComponent(scope, 'clusterManager', props.clusterManager, COMPONENT_PROP_KEYS);
  checkComponent(scope, 'clusterExporter', props.clusterExporter, COMPONENT_PROP_KEYS);
  checkStringMap(scope, 'operator.customLabels', operator.customLabels, qualifiedName, labelValue);
  checkEach(scope, 'operator.watchNamespaces', operator.watchNamespaces, dns1123Label);

  const release = findPrivateCloudRelease(props.chartVersion);
  applyPolicy(scope, OPERATOR_RULES, { props, operator, release });
  const onlyRelease = operator.watchOnlyReleaseNamespace ?? true;
  const namespaces = operator.watchNamespaces ?? [];
  const watchScope: readonly string[] | 'all' = onlyRelease ? [props.namespace] : namespaces.length ? [...namespaces] : 'all';

  const crdChartVersion = props.crdChartVersion ?? release!.crdChartVersion;
  if (!release) {
    warnRule(scope, OPERATOR_WARNINGS.releaseNotInTable, `Private Cloud ${props.chartVersion} is not in the compatibility table; check that qdrant-kubernetes-api ${crdChartVersion} matches it`);
  } else if (compareVersions(crdChartVersion, release.crdChartVersion) > 0) {
    warnRule(scope, OPERATOR_WARNINGS.crdChartNewerThanRelease, `crdChartVersion ${crdChartVersion} is newer than ${release.crdChartVersion}, the version Private Cloud ${props.chartVersion} ships with`);
  }
  return {
    ...props,
    operator,
    createNamespace: props.createNamespace ?? true,
    watchScope,
    release,
    crdChartVersion,
  };
}
