import { ApiObject } from 'cdk8s';
import {
  QdrantClusterRestore, QdrantClusterScheduledSnapshot, QdrantClusterSnapshot,
} from '../../imports/qdrant.io';
import { fail } from '../core/errors';
import { addWarning } from '../core/notices';
import { dns1123Label, dns1123Subdomain } from '../core/rules';
import { check, checkObject, checkOptional } from '../core/validate';
import { ClusterReference } from './cluster-reference';

const RETENTION = /^[0-9]+h$/;
/** The CRD's cron pattern: macros, `@every <duration>`, or 5 to 7 fields. */
const SCHEDULE = /^(@(annually|yearly|monthly|weekly|daily|hourly|reboot))|(@every (\d+(ns|us|µs|ms|s|m|h))+)|((((\d+,)+\d+|([\d*]+(\/|-)\d+)|\d+|\*) ?){5,7})$/;

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
  check(cluster, `${prop}.schedule`, o.schedule, (v) => (typeof v === 'string' && SCHEDULE.test(v)
    ? undefined : 'expected a cron schedule in UTC such as "0 2 * * *", "@daily" or "@every 6h"'));
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
  addWarning(restore, `QdrantClusterRestore ${o.name} restores ${o.snapshotName} again whenever the object is re-created ` +
    '(a new namespace, a fresh cluster synced from this folder, a deleted object); remove it from the code once the restore has completed');
  return restore;
}
