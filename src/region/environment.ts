import { IConstruct } from 'constructs';
import { labelValue, maxItems, nonEmpty, pemCertificates, qualifiedName, dns1123Subdomain, httpUrl } from '../core/rules';
import { checkNodeSelector, checkTolerations, Toleration } from '../core/scheduling';
import { anyValue, convertShape, custom, Fields, leaf, object, required } from '../core/shape';
import { checkEach, checkStringMap } from '../core/validate';
import { Values } from '../core/values';

/**
 * Settings of a Hybrid Cloud environment that live in Qdrant Cloud, not in the
 * cluster. The library writes them to `environment.json` for the Cloud API or the
 * Terraform provider's `configuration` block.
 */
export interface HybridEnvironmentSettings {
  /** HTTP proxy for outbound connections. @default - no proxy */
  readonly httpProxyUrl?: string;
  /** HTTPS proxy for outbound connections. @default - no proxy */
  readonly httpsProxyUrl?: string;
  /** Hosts, domains and CIDRs reached without the proxy. @default - none */
  readonly noProxy?: readonly string[];
  /** PEM CA certificates to trust (proxy or registry with a private CA). @default - none */
  readonly caCertificates?: string;
  /** StorageClass of database volumes. @default - the cluster's default StorageClass */
  readonly databaseStorageClass?: string;
  /** StorageClass of snapshot volumes. @default - the cluster's default StorageClass */
  readonly snapshotStorageClass?: string;
  /** VolumeSnapshotClass for backups. @default - 'csi-snapclass' (Qdrant's default) */
  readonly volumeSnapshotClass?: string;
  /** Node selector of the control-plane components (agent, operator, cluster-manager, monitoring). @default - none */
  readonly nodeSelector?: Record<string, string>;
  /** Tolerations of the control-plane components. @default - none */
  readonly tolerations?: readonly Toleration[];
  /** Extra labels of the control-plane components. @default - none */
  readonly controlPlaneLabels?: Record<string, string>;
}

/** The Cloud API's enum names, as the API and the Terraform provider spell them. */
const LOG_LEVEL_ENUM = 'HYBRID_CLOUD_ENVIRONMENT_CONFIGURATION_LOG_LEVEL_';
const EFFECT_ENUM: Record<string, string> = {
  NoSchedule: 'TOLERATION_EFFECT_NO_SCHEDULE',
  PreferNoSchedule: 'TOLERATION_EFFECT_PREFER_NO_SCHEDULE',
  NoExecute: 'TOLERATION_EFFECT_NO_EXECUTE',
};

/** The API takes maps as sorted key/value lists; an empty map is left out. */
const keyValues = (m: Record<string, string>) => (Object.keys(m).length ? Object.keys(m).sort().map((key) => ({ key, value: m[key] })) : undefined);
const noProxyEntry = (v: string) => (nonEmpty(v) === undefined && !/\s|,/.test(v) ? undefined
  : 'expected one host, domain (".example.com"), IP or CIDR per entry, without spaces or commas');

/**
 * HybridEnvironmentSettings as a table, with the field names of the Qdrant Cloud API
 * (`HybridCloudEnvironmentConfiguration`) and the Terraform provider's `configuration`
 * block as wire names. Unset settings are left out (Cloud defaults apply).
 */
const SETTINGS: Fields<HybridEnvironmentSettings> = {
  httpProxyUrl: leaf(httpUrl, { wire: 'http_proxy_url' }),
  httpsProxyUrl: leaf(httpUrl, { wire: 'https_proxy_url' }),
  noProxy: custom((scope, prop, v: readonly string[]) => {
    checkEach(scope, prop, v, noProxyEntry);
    return v.length ? [...v] : undefined;
  }, { wire: 'no_proxy_configs' }),
  caCertificates: leaf(pemCertificates, { wire: 'ca_certificates' }),
  databaseStorageClass: leaf(dns1123Subdomain, { wire: 'database_storage_class' }),
  snapshotStorageClass: leaf(dns1123Subdomain, { wire: 'snapshot_storage_class' }),
  volumeSnapshotClass: leaf(dns1123Subdomain, { wire: 'volume_snapshot_storage_class' }),
  nodeSelector: custom((scope, prop, v: Record<string, string>) => {
    checkNodeSelector(scope, prop, v);
    return keyValues(v);
  }, { wire: 'node_selector' }),
  tolerations: custom((scope, prop, v: readonly Toleration[]) => {
    checkTolerations(scope, prop, v);
    return v.length ? v.map((t) => ({
      key: t.key,
      operator: (t.operator ?? 'Equal') === 'Exists' ? 'TOLERATION_OPERATOR_EXISTS' : 'TOLERATION_OPERATOR_EQUAL',
      value: t.value,
      effect: t.effect ? EFFECT_ENUM[t.effect] : undefined,
      toleration_seconds: t.tolerationSeconds,
    })) : undefined;
  }),
  controlPlaneLabels: custom((scope, prop, v: Record<string, string>) => {
    checkStringMap(scope, prop, v, qualifiedName, labelValue);
    return keyValues(v);
  }, { check: maxItems(10), wire: 'control_plane_labels' }),
};

/** Registry and chart repository overrides of a mirrored environment. */
export interface EnvironmentMirrorSettings {
  /** Registry and path of the mirrored images. */
  readonly containerRegistryUrl: string;
  /** OCI repository of the mirrored charts. */
  readonly chartRepositoryUrl: string;
  /** Pull secret name. @default - none, for a mirror with anonymous pulls */
  readonly registrySecretName?: string;
}

/** Everything `configuration` holds: the user's settings and what the region derives. */
interface EnvironmentConfiguration extends HybridEnvironmentSettings, Partial<EnvironmentMirrorSettings> {
  readonly namespace: string;
  readonly logLevel: string;
  readonly advancedOperatorSettings?: Values;
}

/** The whole `configuration`, in the Cloud API's field order (the order environment.json shows). */
const CONFIGURATION = object<EnvironmentConfiguration>({
  namespace: required(leaf(anyValue)),
  httpProxyUrl: SETTINGS.httpProxyUrl,
  httpsProxyUrl: SETTINGS.httpsProxyUrl,
  noProxy: SETTINGS.noProxy,
  containerRegistryUrl: leaf(anyValue, { wire: 'container_registry_url' }),
  chartRepositoryUrl: leaf(anyValue, { wire: 'chart_repository_url' }),
  registrySecretName: leaf(anyValue, { wire: 'registry_secret_name' }),
  caCertificates: SETTINGS.caCertificates,
  databaseStorageClass: SETTINGS.databaseStorageClass,
  snapshotStorageClass: SETTINGS.snapshotStorageClass,
  volumeSnapshotClass: SETTINGS.volumeSnapshotClass,
  logLevel: required(custom((_s, _p, v: string) => `${LOG_LEVEL_ENUM}${v}`, { wire: 'log_level' })),
  nodeSelector: SETTINGS.nodeSelector,
  tolerations: SETTINGS.tolerations,
  controlPlaneLabels: SETTINGS.controlPlaneLabels,
  advancedOperatorSettings: custom((_s, _p, v: Values) => (Object.keys(v).length ? v : undefined), { wire: 'advanced_operator_settings' }),
});

/** Checks the environment settings a user gives, refusing unknown keys. */
export function checkEnvironmentSettings(scope: IConstruct, prop: string, settings: HybridEnvironmentSettings): void {
  convertShape(scope, prop, object<HybridEnvironmentSettings>(SETTINGS), settings);
}

/**
 * Builds the `configuration` object of a hybrid cloud environment with the field names
 * of the Qdrant Cloud API (`HybridCloudEnvironmentConfiguration`) and the Terraform
 * provider's `configuration` block.
 */
export function environmentConfiguration(scope: IConstruct, input: {
  namespace: string;
  logLevel: string;
  settings: HybridEnvironmentSettings;
  mirror?: EnvironmentMirrorSettings;
  advancedOperatorSettings?: Record<string, unknown>;
}): Record<string, unknown> {
  const { settings, mirror, ...derived } = input;
  return convertShape(scope, 'environment', CONFIGURATION, { ...settings, ...mirror, ...derived }) as Record<string, unknown>;
}
