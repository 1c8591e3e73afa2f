import { ApiObject } from 'cdk8s';
import {
  QdrantClusterRestore, QdrantClusterScheduledSnapshot, QdrantClusterSnapshot,
} from '../../imports/qdrant.io';
import { fail } from '../core/errors';
import { warnRule } from '../core/policy';
import { dns1123Label, dns1123Subdomain } from '../core/rules';
import { check, checkObject, checkOptional } from '../core/validate';
import { ClusterReference } from './cluster-reference';
import { CLUSTER_SITE_WARNINGS } from './cluster-warnings';

const RETENTION = /^[0-9]+h$/;
/**
 * The CRD's cron grammar (qdrant-facts.md §7.4): a macro, `@every <duration>`, or 5 to 7
 * fields. The CRD's own pattern anchors only its first and last alternatives, so it lets
 * `0 25 * * *` or `nightly at 0 2 * * *` through; here the whole value must match, and
 * each field must be in range, or the schedule would never run.
 */
const SCHEDULE_MACRO = /^@(annually|yearly|monthly|weekly|daily|hourly|reboot)$|^@every (\d+(ns|us|µs|ms|s|m|h))+$/;
const SCHEDULE_FIELD = /^(\*|\d+|(\d+,)+\d+|[\d*]+[/-]\d+)$/;
/** Field ranges: minute hour day-of-month month day-of-week, with seconds first (6 fields) and a year last (7). */
const FIVE_FIELDS: readonly (readonly [number, number])[] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function cronSchedule(v: unknown): string | undefined {
  const allowed = 'expected a cron schedule in UTC such as "0 2 * * *", "@daily" or "@every 6h" (5 fields: minute 0-59, hour 0-23, ' +
    'day 1-31, month 1-12, weekday 0-7; numbers, "*", lists "1,5", ranges "1-5" and steps "*/15")';
  if (typeof v !== 'string') return allowed;
  if (SCHEDULE_MACRO.test(v)) return undefined;
  const fields = v.split(' ');
  if (fields.length < 5 || fields.length > 7 || !fields.every((f) => SCHEDULE_FIELD.test(f))) return allowed;
  const ranges = [...(fields.length >= 6 ? [[0, 59] as const] : []), ...FIVE_FIELDS, ...(fields.length === 7 ? [[1970, 2099] as const] : [])];
  const outOfRange = fields.findIndex((f, i) => {
    const [min, max] = ranges[i];
    // In a step "a/n" only the start counts as a value; the step just has to be positive.
    const [values, step] = f.split('/');
    const numbers = values.split(/[,-]/).filter((x) => x !== '*').map(Number);
    return numbers.some((n) => n < min || n > max) || (step !== undefined && Number(step) < 1);
  });
  return outOfRange < 0 ? undefined : `${allowed}; field ${outOfRange + 1} ("${fields[outOfRange]}") is out of range`;
}

const retention = (v: string) => (RETENTION.test(v) ? undefined : 'expected hours such as "72h"');

export interface ClusterSnapshotOptions {
  /** Object name. */
  readonly name: string;
  /** How long to keep it, in hours ("72h"). @default - forever */
  readonly retention?: string;
}

export interface ClusterScheduledSnapshotOptions {
  /** Object name. */
  readonly name: string;
  /** Cron schedule in UTC ("0 2 * * *", "@daily"). */
  readonly schedule: string;
  /** How long to keep each snapshot, in hours ("72h"). */
  readonly retention: string;
  /** Short id of the schedule in snapshot names, at most 8 characters. @default - first 8 characters of the cluster id */
  readonly scheduleShortId?: string;
}

export interface ClusterRestoreOptions {
  /** Object name. */
  readonly name: string;
  /** Name of the QdrantClusterSnapshot to restore. */
  readonly snapshotName: string;
  /** Namespace of that snapshot. @default - the cluster's namespace */
  readonly snapshotNamespace?: string;
  /** Restore into a new cluster with this name instead of this cluster. @default - this cluster */
  readonly newClusterName?: string;
}

export function addSnapshot(cluster: ClusterReference, id: string, o: ClusterSnapshotOptions): ApiObject {
  checkObject(cluster, `addSnapshot(${id})`, o, 'options');
  check(cluster, `addSnapshot(${id}).name`, o.name, dns1123Subdomain);
  checkOptional(cluster, `addSnapshot(${id}).retention`, o.retention, retention);
  return new QdrantClusterSnapshot(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels } },
    spec: { clusterId: cluster.clusterId, retention: o.retention },
  });
}

export function addScheduledSnapshot(cluster: ClusterReference, id: string, o: ClusterScheduledSnapshotOptions): ApiObject {
  checkObject(cluster, `addScheduledSnapshot(${id})`, o, 'options');
  const prop = `addScheduledSnapshot(${id})`;
  check(cluster, `${prop}.name`, o.name, dns1123Subdomain);
  check(cluster, `${prop}.schedule`, o.schedule, cronSchedule);
  check(cluster, `${prop}.retention`, o.retention, retention);
  const shortId = o.scheduleShortId ?? cluster.clusterId.slice(0, 8);
  check(cluster, `${prop}.scheduleShortId`, shortId, (v) => (/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/.test(v)
    ? undefined : 'expected 1 to 8 lowercase letters, digits or "-"'));
  return new QdrantClusterScheduledSnapshot(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels } },
    spec: { clusterId: cluster.clusterId, schedule: o.schedule, retention: o.retention, scheduleShortId: shortId },
  });
}

export function addRestore(cluster: ClusterReference, id: string, o: ClusterRestoreOptions): ApiObject {
  checkObject(cluster, `addRestore(${id})`, o, 'options');
  const prop = `addRestore(${id})`;
  check(cluster, `${prop}.name`, o.name, dns1123Subdomain);
  check(cluster, `${prop}.snapshotName`, o.snapshotName, dns1123Subdomain);
  checkOptional(cluster, `${prop}.snapshotNamespace`, o.snapshotNamespace, dns1123Label);
  checkOptional(cluster, `${prop}.newClusterName`, o.newClusterName, dns1123Subdomain);
  if (o.newClusterName === cluster.name) fail(cluster, `${prop}.newClusterName`, o.newClusterName, 'names this cluster; leave it unset to restore into this cluster');
  const restore = new QdrantClusterRestore(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels } },
    spec: {
      source: { snapshotName: o.snapshotName, namespace: o.snapshotNamespace ?? cluster.namespace },
      destination: { name: o.newClusterName ?? cluster.name, namespace: cluster.namespace, create: o.newClusterName !== undefined },
    },
  });
  warnRule(restore, CLUSTER_SITE_WARNINGS.restoreReplays, `QdrantClusterRestore ${o.name} restores ${o.snapshotName} again whenever the object is re-created ` +
    '(a new namespace, a fresh cluster synced from this folder, a deleted object); remove it from the code once the restore has completed');
  return restore;
}
