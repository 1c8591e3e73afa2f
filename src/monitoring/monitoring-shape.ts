import { IConstruct } from 'constructs';
import { dns1123Label, dns1123Subdomain, duration, integerBetween, labelValue, qualifiedName, Rule } from '../core/rules';
import { bool, convertShape, Fields, leaf, object, required, stringMap } from '../core/shape';
import { AlertThresholds, MonitoringProps, ScrapeKeyReference, SnapshotAlerts } from './monitoring-props';

const percent: Rule<number> = integerBetween(1, 99);
const labels = stringMap(qualifiedName, { values: labelValue });

/** MonitoringProps as a table: each value checked, unknown keys refused. */
const MONITORING: Fields<MonitoringProps> = {
  prometheusNamespace: required(leaf(dns1123Label)),
  selectorLabels: labels,
  scrapeInterval: leaf(duration),
  databaseApiKey: object<ScrapeKeyReference>({ secretName: required(leaf(dns1123Subdomain)), key: leaf(qualifiedName) }),
  operatorPodLabels: labels,
  agentPodLabels: labels,
  alertRules: leaf(bool),
  thresholds: object<AlertThresholds>({ diskUsagePercent: leaf(percent), memoryUsagePercent: leaf(percent) }),
  snapshotAlerts: object<SnapshotAlerts>({ maxAgeHours: leaf(integerBetween(1, 24 * 90)) }),
};

/** Checks a stack's `monitoring` prop against its table. */
export function checkMonitoring(scope: IConstruct, prop: string, monitoring: MonitoringProps): void {
  convertShape(scope, prop, object<MonitoringProps>(MONITORING), monitoring);
}
