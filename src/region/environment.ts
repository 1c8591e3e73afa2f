import { IConstruct } from 'constructs';
import { labelValue, maxItems, nonEmpty, pemCertificates, qualifiedName, dns1123Subdomain, httpUrl } from '../core/rules';
import { checkNodeSelector, checkTolerations, Toleration } from '../core/scheduling';
import { check, checkEach, checkOptional, checkStringMap } from '../core/validate';

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

export function checkEnvironmentSettings(scope: IConstruct, prop: string, s: HybridEnvironmentSettings): void {
  checkOptional(scope, `${prop}.httpProxyUrl`, s.httpProxyUrl, httpUrl);
  checkOptional(scope, `${prop}.httpsProxyUrl`, s.httpsProxyUrl, httpUrl);
  checkEach(scope, `${prop}.noProxy`, s.noProxy, (v) => (nonEmpty(v) === undefined && !/\s|,/.test(v) ? undefined
    : 'expected one host, domain (".example.com"), IP or CIDR per entry, without spaces or commas'));
  checkOptional(scope, `${prop}.caCertificates`, s.caCertificates, pemCertificates);
  checkOptional(scope, `${prop}.databaseStorageClass`, s.databaseStorageClass, dns1123Subdomain);
  checkOptional(scope, `${prop}.snapshotStorageClass`, s.snapshotStorageClass, dns1123Subdomain);
  checkOptional(scope, `${prop}.volumeSnapshotClass`, s.volumeSnapshotClass, dns1123Subdomain);
  checkNodeSelector(scope, `${prop}.nodeSelector`, s.nodeSelector);
  checkTolerations(scope, `${prop}.tolerations`, s.tolerations);
  if (s.controlPlaneLabels) check(scope, `${prop}.controlPlaneLabels`, s.controlPlaneLabels, maxItems(10));
  checkStringMap(scope, `${prop}.controlPlaneLabels`, s.controlPlaneLabels, qualifiedName, labelValue);
}

/** The Cloud API's enum names, as the API and the Terraform provider spell them. */
const LOG_LEVEL_ENUM = 'HYBRID_CLOUD_ENVIRONMENT_CONFIGURATION_LOG_LEVEL_';
const EFFECT_ENUM: Record<string, string> = {
  NoSchedule: 'TOLERATION_EFFECT_NO_SCHEDULE',
  PreferNoSchedule: 'TOLERATION_EFFECT_PREFER_NO_SCHEDULE',
  NoExecute: 'TOLERATION_EFFECT_NO_EXECUTE',
};

/** Registry and chart repository overrides of a mirrored environment. */
export interface EnvironmentMirrorSettings {
  readonly containerRegistryUrl: string;
  readonly chartRepositoryUrl: string;
  /** Pull secret name. @default - none, for a mirror with anonymous pulls */
  readonly registrySecretName?: string;
}

/**
 * Builds the `configuration` object of a hybrid cloud environment with the field names
 * of the Qdrant Cloud API (`HybridCloudEnvironmentConfiguration`) and the Terraform
 * provider's `configuration` block. Unset settings are left out (Cloud defaults apply).
 */
export function environmentConfiguration(input: {
  namespace: string;
  logLevel: string;
  settings: HybridEnvironmentSettings;
  mirror?: EnvironmentMirrorSettings;
  advancedOperatorSettings?: Record<string, unknown>;
}): Record<string, unknown> {
  const s = input.settings;
  const keyValues = (m?: Record<string, string>) =>
    m && Object.keys(m).length ? Object.keys(m).sort().map((key) => ({ key, value: m[key] })) : undefined;
  const config: Record<string, unknown> = {
    namespace: input.namespace,
    http_proxy_url: s.httpProxyUrl,
    https_proxy_url: s.httpsProxyUrl,
    no_proxy_configs: s.noProxy?.length ? [...s.noProxy] : undefined,
    container_registry_url: input.mirror?.containerRegistryUrl,
    chart_repository_url: input.mirror?.chartRepositoryUrl,
    registry_secret_name: input.mirror?.registrySecretName,
    ca_certificates: s.caCertificates,
    database_storage_class: s.databaseStorageClass,
    snapshot_storage_class: s.snapshotStorageClass,
    volume_snapshot_storage_class: s.volumeSnapshotClass,
    log_level: `${LOG_LEVEL_ENUM}${input.logLevel}`,
    node_selector: keyValues(s.nodeSelector),
    tolerations: s.tolerations?.length ? s.tolerations.map((t) => ({
      key: t.key,
      operator: (t.operator ?? 'Equal') === 'Exists' ? 'TOLERATION_OPERATOR_EXISTS' : 'TOLERATION_OPERATOR_EQUAL',
      value: t.value,
      effect: t.effect ? EFFECT_ENUM[t.effect] : undefined,
      toleration_seconds: t.tolerationSeconds,
    })) : undefined,
    control_plane_labels: keyValues(s.controlPlaneLabels),
    advanced_operator_settings: input.advancedOperatorSettings && Object.keys(input.advancedOperatorSettings).length
      ? input.advancedOperatorSettings : undefined,
  };
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
}
