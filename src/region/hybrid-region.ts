import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { applyPolicy, warnRule } from '../core/policy';
import { dns1123Label, httpUrl, mergedCertificates, sha256Hex, unprefixedChartVersion, userName, uuid } from '../core/rules';
import { checkKnownObject, propKeys } from '../core/shape';
import { check, checkOptional } from '../core/validate';
import { compact, mergeExtraValues, Values } from '../core/values';
import { LogLevel, logLevel } from '../core/vocabulary';
import { QDRANT_CHART_REPOSITORY } from '../delivery/chart-reference';
import { ChartRelease, Delivery, DeliveryStage } from '../delivery/delivery';
import { ISideFileProvider, stableJson } from '../stack/side-files';
import { StackChart } from '../stack/stack-chart';
import { opaqueSecretRequest } from '../secrets/secret-request';
import { bindSecretSource, BoundSecret, SecretSource } from '../secrets/secret-source';
import { QdrantClusterProps } from '../cluster/cluster-props';
import { QdrantCluster } from '../cluster/qdrant-cluster';
import { ImageMirror } from '../mirror/image-mirror';
import { mirrorSideFiles } from '../mirror/side-files';
import { chartCredentials, RegistryTarget } from '../mirror/registry-target';
import { OperatorSettings, operatorSettingsToWire } from '../operator/operator-settings';
import { checkEnvironmentSettings, environmentConfiguration, HybridEnvironmentSettings } from './environment';
import { AGENT_RELEASE_NAME } from '../core/release-names';
import { REGION_RULES, REGION_WARNINGS } from './region-rules';
import { MonitoringProps } from '../monitoring/monitoring-props';
import { StackMonitoring } from '../monitoring/stack-monitoring';
import { StorageProps } from '../storage/storage-props';
import { addStackStorage, ResolvedStorage } from '../storage/stack-storage';

/** Names the install command uses; consumers read them, so they never change. */
export const CLOUD_SECRET_NAME = 'qdrant-cloud-creds';
export const CLOUD_SECRET_KEY = 'access-key';
export { AGENT_RELEASE_NAME } from '../core/release-names';

export interface HybridRegionProps {
  /** Hybrid Cloud environment id (UUID), from the Qdrant Cloud Console or API. */
  readonly environmentId: string;
  /** Qdrant Cloud account id (UUID). */
  readonly accountId: string;
  /** Kubernetes namespace of the environment; fixed once the environment is bootstrapped. */
  readonly namespace: string;
  /** Version of the `qdrant-cloud-agent` chart, e.g. `1.33.0`. */
  readonly agentChartVersion: string;
  /** How the agent chart reaches the cluster: `new FluxDelivery()` or `new ArgoCdDelivery()`. */
  readonly delivery: Delivery;
  /** Password (and optionally user name) for `registry.cloud.qdrant.io`; becomes `qdrant-registry-creds`. @default - required unless a mirror is set */
  readonly registryCredentials?: SecretSource;
  /** The environment's access key (`<uuid>|<secret>`); becomes `qdrant-cloud-creds` with key `access-key`. */
  readonly cloudAccessKey: SecretSource;
  /** Registry user name. @default - 'robot$private-region-<environmentId>' */
  readonly registryUsername?: string;
  /** Log level of the environment. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Qdrant Cloud URL the agent talks to. @default 'https://cloud.qdrant.io' */
  readonly serverUrl?: string;
  /** Qdrant Cloud gRPC host (no scheme, no port). @default 'grpc.cloud.qdrant.io' */
  readonly grpcServerUrl?: string;
  /**
   * SHA-256 (hex) of the access key, set as the agent's `podAnnotations.accessKeyHash`
   * so that a rotated key rolls the agent. Computed when the library holds the key.
   * @default - computed for a plaintext key; otherwise not set (see README, "Rotating the access key")
   */
  readonly accessKeyHash?: string;
  /** Further agent chart values (escape hatch); keys set by typed props are refused. @default - none */
  readonly agentValues?: Values;
  /** Environment settings that live in Qdrant Cloud, written to `environment.json`. @default - none */
  readonly environment?: HybridEnvironmentSettings;
  /** Operator settings for the environment's advanced operator settings (same typed tree as QdrantOperator). @default - none */
  readonly operatorSettings?: OperatorSettings;
  /** Pull every image and chart from this mirror instead of Qdrant's registry. @default - the QdrantApp's mirror, else none */
  readonly mirror?: ImageMirror;
  /** Emit the Namespace object. Set false when the namespace is managed elsewhere. @default true */
  readonly createNamespace?: boolean;
  /** StorageClass and VolumeSnapshotClass of the environment: emitted first, or checked; environment.json names them. @default - cluster defaults, unchecked */
  readonly storage?: StorageProps;
  /** PodMonitors for agent, operator and databases, a NetworkPolicy for Prometheus and the alert pack (needs prometheus-operator). @default - no monitoring objects */
  readonly monitoring?: MonitoringProps;
}

/**
 * One namespace of one Kubernetes cluster, onboarded as a Qdrant Hybrid Cloud region:
 * what Qdrant's generated installation command creates, as declarative objects.
 *
 * Emits the Namespace, `qdrant-registry-creds`, `qdrant-cloud-creds` and the
 * `qdrant-cloud-agent` release (through the chosen delivery), and writes
 * `environment.json` with the environment's Cloud-side settings.
 */
export class HybridRegion extends StackChart implements ISideFileProvider {
  /** Namespace of the region. */
  public readonly regionNamespace: string;
  /** Environment id. */
  public readonly environmentId: string;
  /** The delivery used. */
  public readonly delivery: Delivery;
  /** The agent release. */
  public readonly agentRelease: ChartRelease;
  /** Name of the registry pull secret in the region namespace (none for an anonymous mirror). */
  public readonly registrySecretName?: string;
  /** The agent's Helm values, as emitted. */
  public readonly agentValues: Values;

  private readonly logLevel: LogLevel;
  private readonly environment: HybridEnvironmentSettings;
  private readonly cloudSecret: BoundSecret;
  private readonly operatorSettings: Values;
  private readonly declaredClusters: string[] = [];
  private readonly target: RegistryTarget;
  private readonly storage: ResolvedStorage;
  /** Whether the agent pods carry the access key's hash (so a rotated key rolls them). */
  private readonly accessKeyHashSet: boolean;
  private readonly monitoring?: StackMonitoring;

  constructor(scope: Construct, id: string, props: HybridRegionProps) {
    super(scope, id);
    const p = resolveProps(this, props);
    this.regionNamespace = p.namespace;
    this.environmentId = p.environmentId;
    this.delivery = p.delivery;
    this.logLevel = p.logLevel;
    this.operatorSettings = operatorSettingsToWire(this, 'operatorSettings', p.operatorSettings);
    warnStorageClassConflict(this, p.environment, p.operatorSettings);

    const { target, pull: registry, prerequisites } = this.prepare(p);
    this.target = target;
    this.registrySecretName = registry?.name;
    this.storage = addStackStorage(prerequisites, p.delivery, {
      stack: this,
      storage: p.storage,
      settings: p.environment,
      settingsProps: { databaseStorageClass: 'environment.databaseStorageClass', volumeSnapshotClass: 'environment.volumeSnapshotClass' },
      otherSnapshotClassSettings: {
        'operatorSettings.features.backupManagement.snapshots.volumeSnapshotClass': p.operatorSettings?.features?.backupManagement?.snapshots?.volumeSnapshotClass,
      },
      // Qdrant Cloud switches backups per cluster.
      backupsEnabled: 'unknown',
    });
    this.environment = environmentWithStorage(p.environment, this.storage);
    this.cloudSecret = bindSecretSource(p.cloudAccessKey, prerequisites, 'cloud-credentials', 'cloudAccessKey', opaqueSecretRequest({
      name: CLOUD_SECRET_NAME,
      namespace: p.namespace,
      purpose: 'Qdrant Cloud access key',
      keys: [CLOUD_SECRET_KEY],
      fixedName: true,
    }));
    this.cloudSecret.objects.forEach((o) => p.delivery._stage(o, DeliveryStage.PREREQUISITES));

    const accessKeyHash = this.resolveAccessKeyHash(p.accessKeyHash);
    this.accessKeyHashSet = accessKeyHash !== undefined;
    this.agentValues = this.agentChartValues(p, registry?.name, accessKeyHash);
    this.agentRelease = this.addAgent(p, registry?.name);
    // Applied to the region's own Kubernetes cluster, where the delivery puts monitoring (Argo CD: with the custom resources).
    this.monitoring = p.monitoring ? new StackMonitoring(this, p.delivery, p.monitoring, {
      kind: 'hybrid', namespace: p.namespace, databaseNamespaces: [p.namespace],
    }) : undefined;
  }

  /** The agent chart's values: Qdrant Cloud's endpoints and ids, the agent image and pull secret, then agentValues. */
  private agentChartValues(p: ResolvedRegionProps, pullSecretName: string | undefined, accessKeyHash: string | undefined): Values {
    const typedValues = compact({
      config: {
        serverURL: p.serverUrl,
        grpcServerURL: p.grpcServerUrl,
        hybridCloud: { id: p.environmentId, accountId: p.accountId },
        logLevel: p.logLevel,
      },
      image: { repository: this.target.image('qdrant-cloud-agent') },
      imagePullSecrets: pullSecretName ? [{ name: pullSecretName }] : undefined,
      podAnnotations: accessKeyHash ? { accessKeyHash } : undefined,
    });
    return mergeExtraValues(this, 'agentValues', typedValues, p.agentValues);
  }

  /** The agent chart release, recorded with its image for mirror.yaml. */
  private addAgent(p: ResolvedRegionProps, pullSecretName: string | undefined): ChartRelease {
    const target = this.target;
    const agentChart = { repository: target.chartRepository, name: AGENT_RELEASE_NAME, version: p.agentChartVersion };
    const release = p.delivery._addChartRelease(this, 'agent', {
      releaseName: AGENT_RELEASE_NAME,
      chart: agentChart,
      namespace: p.namespace,
      values: this.agentValues,
      stage: DeliveryStage.CONTROLLERS,
      credentials: pullSecretName ? chartCredentials(target, pullSecretName) : undefined,
      caCertificates: target.caCertificates,
    });
    target.manifest?.addChart({ ...agentChart, repository: QDRANT_CHART_REPOSITORY });
    target.manifest?.addImage('qdrant-cloud-agent', { unpinned: `tag follows the appVersion of chart qdrant-cloud-agent ${p.agentChartVersion}` });
    return release;
  }

  /**
   * A QdrantCluster declared in code inside this region. In Hybrid Cloud the Qdrant
   * Cloud agent creates and owns QdrantCluster objects, and changes made in the Cloud
   * Console fight with the ones in git; declare clusters here only when you manage
   * them solely through GitOps, and acknowledge that explicitly.
   */
  public addCluster(id: string, props: QdrantClusterProps, ack: { readonly agentOwnsClustersAcknowledged: true }): QdrantCluster {
    if (ack?.agentOwnsClustersAcknowledged !== true) {
      fail(this, `addCluster(${id}).agentOwnsClustersAcknowledged`, ack?.agentOwnsClustersAcknowledged,
        'true: in Hybrid Cloud the agent owns QdrantCluster objects; declaring one in code is a deliberate choice (see README, "Clusters in a Hybrid region")');
    }
    this.declaredClusters.push(id);
    const scope = this.delivery._customResourceScope(this, this.regionNamespace);
    const cluster = new QdrantCluster(scope, id, props, {
      description: `HybridRegion "${this.node.id}"`,
      defaultNamespace: this.regionNamespace,
      delivery: this.delivery,
      watchedNamespaces: [this.regionNamespace],
      // Qdrant Cloud picks the operator and CRD versions of a Hybrid region.
      crdChartVersion: 'unknown',
      clusterManagerEnabled: 'unknown',
      mirror: this.target.mirror,
      manifest: this.target.manifest,
    });
    this.monitoring?.addCluster(scope, cluster);
    return cluster;
  }

  /** `environment.json`: the environment's settings in the Cloud API / Terraform field names. */
  public sideFiles(): Record<string, string> {
    const mirror = this.target.mirror;
    return {
      'environment.json': stableJson({
        configuration: environmentConfiguration(this, {
          namespace: this.regionNamespace,
          logLevel: this.logLevel,
          // The agent installs the operator from the mirror too: its CA is trusted wherever the environment's is.
          settings: { ...this.environment, caCertificates: mergedCertificates(this.environment.caCertificates, mirror?.caCertificates) },
          mirror: mirror ? {
            containerRegistryUrl: mirror.containerRegistry,
            chartRepositoryUrl: mirror.chartRepository,
            registrySecretName: this.registrySecretName,
          } : undefined,
          advancedOperatorSettings: Object.keys(this.operatorSettings).length ? { settings: this.operatorSettings } : undefined,
        }),
      }),
      ...mirrorSideFiles(this.target, this.delivery, [
        'Qdrant Cloud then installs the operator and its companions from the same mirror (container_registry_url in',
        'environment.json). Mirror them as Qdrant releases them: images operator, cluster-manager, qdrant,',
        'qdrant-cluster-exporter, prometheus, prometheus-config-reloader, kube-state-metrics, kubernetes-event-exporter;',
        'charts operator, qdrant-cluster-manager, qdrant-kubernetes-api, prometheus, kubernetes-event-exporter,',
        'qdrant-cluster-exporter. Their versions are chosen by Qdrant Cloud, not by this output.',
      ]),
      ...this.monitoring?.sideFiles(),
      ...this.delivery._healthSideFiles(this),
    };
  }

  public readmeNotes(): string[] {
    return [
      `Qdrant Hybrid Cloud region \`${this.environmentId}\` in namespace \`${this.regionNamespace}\`, delivered by ${this.delivery._tool.displayName}.`,
      ...[this.delivery._applyNote(this, this.regionNamespace)].filter((n): n is string => n !== undefined),
      `\`environment.json\` holds the environment's Qdrant Cloud settings (Cloud API / Terraform \`configuration\` field names); apply it there, not with kubectl.`,
      this.cloudSecret.origin === 'plaintext'
        ? '**Warning:** the access key is committed in clear text (plaintext opt-in).'
        : `The access key comes from ${describeOrigin(this.cloudSecret.origin)}; no credential is stored in this folder.` +
          (this.accessKeyHashSet ? '' : ' `accessKeyHash` is not set: after rotating the key, the agent keeps the old one until its pod restarts; set `accessKeyHash` to the new key\'s SHA-256 to roll it.'),
      ...(this.declaredClusters.length
        ? ['**Clusters declared in code** (acknowledged): the Qdrant Cloud agent also owns QdrantCluster objects; change them only through git.'] : []),
      ...this.storage.notes,
      ...this.monitoring?.readmeNotes() ?? [],
      ...this.delivery._healthNotes(this),
    ];
  }

  private resolveAccessKeyHash(given?: string): string | undefined {
    const key = this.cloudSecret.plaintextInputs?.[CLOUD_SECRET_KEY];
    if (key === undefined) return given;
    const computed = createHash('sha256').update(key).digest('hex');
    applyPolicy(this, REGION_RULES, { givenAccessKeyHash: given, computedAccessKeyHash: computed });
    return computed;
  }
}

/** The declared classes fill the environment's class settings the user left unset (the rules refused conflicts). */
function environmentWithStorage(environment: HybridEnvironmentSettings, storage: ResolvedStorage): HybridEnvironmentSettings {
  const snapshotClass = storage.volumeSnapshotClass === 'none' ? undefined : storage.volumeSnapshotClass;
  return {
    ...environment,
    databaseStorageClass: environment.databaseStorageClass ?? storage.storageClass,
    snapshotStorageClass: environment.snapshotStorageClass ?? storage.storageClass,
    volumeSnapshotClass: environment.volumeSnapshotClass ?? snapshotClass,
  };
}

/** Two places name the default StorageClass of database and snapshot volumes; which one Qdrant Cloud applies is not documented. */
function warnStorageClassConflict(scope: Construct, environment: HybridEnvironmentSettings, settings?: OperatorSettings): void {
  const operator = settings?.features?.clusterManagement?.storageClass;
  const pairs = [
    ['databaseStorageClass', environment.databaseStorageClass, 'database', operator?.database],
    ['snapshotStorageClass', environment.snapshotStorageClass, 'snapshot', operator?.snapshot],
  ] as const;
  for (const [envProp, envValue, opProp, opValue] of pairs) {
    if (envValue !== undefined && opValue !== undefined && envValue !== opValue) {
      warnRule(scope, REGION_WARNINGS.storageClassTwice, `environment.${envProp} "${envValue}" differs from operatorSettings.features.clusterManagement.storageClass.${opProp} "${opValue}"; set one of them`);
    }
  }
}

function describeOrigin(origin: BoundSecret['origin']): string {
  return { 'existing': 'a Secret created out of band', 'external-secret': 'External Secrets', 'sealed-secret': 'a SealedSecret', 'plaintext': 'plaintext' }[origin];
}

/** The qdrant-cloud-agent chart is tagged without a leading "v"; "v1.33.0" would not resolve. */
const agentChartVersion = unprefixedChartVersion('qdrant-cloud-agent');

/** Every key of HybridRegionProps, for refusing unknown ones at run time. */
const REGION_PROP_KEYS = propKeys<HybridRegionProps>({
  environmentId: true, accountId: true, namespace: true, agentChartVersion: true, delivery: true, registryCredentials: true,
  cloudAccessKey: true, registryUsername: true, logLevel: true, serverUrl: true, grpcServerUrl: true, accessKeyHash: true,
  agentValues: true, environment: true, operatorSettings: true, mirror: true, createNamespace: true, storage: true, monitoring: true,
});

/** The props once checked, with their defaults. */
type ResolvedRegionProps = ReturnType<typeof resolveProps>;

/** Checks every prop and applies defaults, in one place. */
function resolveProps(scope: Construct, props: HybridRegionProps) {
  checkKnownObject(scope, 'props', props, 'HybridRegionProps', REGION_PROP_KEYS, '');
  check(scope, 'environmentId', props.environmentId, uuid);
  check(scope, 'accountId', props.accountId, uuid);
  check(scope, 'namespace', props.namespace, dns1123Label);
  check(scope, 'agentChartVersion', props.agentChartVersion, agentChartVersion);
  if (!(props.delivery instanceof Delivery)) fail(scope, 'delivery', props.delivery, 'expected new FluxDelivery() or new ArgoCdDelivery()');
  checkOptional(scope, 'logLevel', props.logLevel, logLevel);
  checkOptional(scope, 'serverUrl', props.serverUrl, httpUrl);
  checkOptional(scope, 'grpcServerUrl', props.grpcServerUrl, (v) =>
    typeof v === 'string' && /^[a-z0-9.-]+$/.test(v) ? undefined : 'expected a host name without scheme or port, such as "grpc.cloud.qdrant.io"');
  checkOptional(scope, 'registryUsername', props.registryUsername, userName);
  // An invalid hash is not shown: it is most often the access key itself.
  const invalidHash = props.accessKeyHash === undefined ? undefined : sha256Hex(props.accessKeyHash);
  if (invalidHash) fail(scope, 'accessKeyHash', props.accessKeyHash, invalidHash, true);
  checkEnvironmentSettings(scope, 'environment', props.environment ?? {});
  return {
    ...props,
    logLevel: props.logLevel ?? 'INFO',
    serverUrl: props.serverUrl ?? 'https://cloud.qdrant.io',
    grpcServerUrl: props.grpcServerUrl ?? 'grpc.cloud.qdrant.io',
    registryUsername: props.registryUsername ?? `robot$private-region-${props.environmentId}`,
    environment: props.environment ?? {},
    createNamespace: props.createNamespace ?? true,
  };
}
