import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { ConfigProblem } from '../core/errors';
import { quantityValue } from '../core/resources';
import { parseVersion } from '../core/versions';
import { RenderedFolder } from './rendered-folder';

/** A change the guards refuse unless it is allowed explicitly. */
export type GuardedChange = 'delete-cluster' | 'shrink-storage' | 'skip-minor-version' | 'change-namespace';

/** One allowed change, with the reason a reviewer reads. */
export interface AllowedChange {
  /** Which change. */
  readonly change: GuardedChange;
  /** What it applies to: a cluster id, or an output folder for a namespace change. */
  readonly target: string;
  /** Why it is intended. */
  readonly reason: string;
}

/** Explicit permissions for changes that can lose data. Each names one target and needs a reason. */
export class Allow {
  /** Let a QdrantCluster disappear from the output (its data goes when someone deletes it). */
  public static clusterDeletion(clusterId: string, reason: string): AllowedChange {
    return { change: 'delete-cluster', target: clusterId, reason };
  }
  /** Let a cluster's storage shrink (Qdrant cannot shrink volumes; the operator will fail). */
  public static storageShrink(clusterId: string, reason: string): AllowedChange {
    return { change: 'shrink-storage', target: clusterId, reason };
  }
  /** Let a cluster's version skip a minor version or go down. */
  public static versionSkip(clusterId: string, reason: string): AllowedChange {
    return { change: 'skip-minor-version', target: clusterId, reason };
  }
  /** Let a region's namespace change (a new environment in Qdrant Cloud; the old one stays behind). */
  public static namespaceChange(folder: string, reason: string): AllowedChange {
    return { change: 'change-namespace', target: folder, reason };
  }
}

interface GuardResult {
  readonly problems: ConfigProblem[];
  readonly unusedAllowances: AllowedChange[];
}

/**
 * Compares the new output with the previous one (the output directory before it is
 * replaced) and refuses changes that lose data: a deleted cluster, a storage shrink,
 * a skipped minor version or a downgrade, a region namespace change.
 */
export function checkAgainstPrevious(previousDir: string, folders: readonly RenderedFolder[], allowed: readonly AllowedChange[]): GuardResult {
  const used = new Set<AllowedChange>();
  const problems: ConfigProblem[] = [];
  const permits = (change: GuardedChange, target: string) => {
    const a = allowed.find((x) => x.change === change && x.target === target);
    if (a) used.add(a);
    return a !== undefined;
  };
  const refuse = (constructPath: string, prop: string, value: unknown, why: string, allowCall: string) =>
    problems.push({ constructPath, prop, value, allowed: `${why}; if this is intended, add ${allowCall} to the QdrantApp's allowedChanges` });

  const before = previousClusters(previousDir);
  const after = new Map<string, { folder: string; cr: any }>();
  for (const f of folders) for (const o of f.objects) if (o.kind === 'QdrantCluster') after.set(`${o.metadata.namespace}/${o.metadata.name}`, { folder: f.folder, cr: o });

  for (const [key, old] of before) {
    const id = old.cr.spec?.id;
    const now = after.get(key);
    if (!now) {
      if (!permits('delete-cluster', id)) {
        refuse(`dist/${old.folder}`, `QdrantCluster ${key}`, 'deleted', 'a cluster left the output; deleting it deletes its data',
          `Allow.clusterDeletion('${id}', '<reason>')`);
      }
      continue;
    }
    const [oldStorage, newStorage] = [old.cr.spec?.resources?.storage, now.cr.spec?.resources?.storage];
    if (oldStorage && newStorage && quantityValue(newStorage) < quantityValue(oldStorage) && !permits('shrink-storage', id)) {
      refuse(`dist/${now.folder}`, `QdrantCluster ${key} spec.resources.storage`, newStorage, `storage can only grow (it was ${oldStorage})`,
        `Allow.storageShrink('${id}', '<reason>')`);
    }
    const [oldVersion, newVersion] = [old.cr.spec?.version, now.cr.spec?.version];
    if (oldVersion && newVersion && !isAllowedUpgrade(oldVersion, newVersion) && !permits('skip-minor-version', id)) {
      refuse(`dist/${now.folder}`, `QdrantCluster ${key} spec.version`, newVersion,
        `upgrades go one minor version at a time and never down (it was ${oldVersion})`, `Allow.versionSkip('${id}', '<reason>')`);
    }
  }

  for (const f of folders) {
    const newEnv = f.files['environment.json'];
    const oldEnvFile = path.join(previousDir, f.folder, 'environment.json');
    if (!newEnv || !fs.existsSync(oldEnvFile)) continue;
    const oldNs = JSON.parse(fs.readFileSync(oldEnvFile, 'utf8'))?.configuration?.namespace;
    const newNs = JSON.parse(newEnv).configuration.namespace;
    if (oldNs && oldNs !== newNs && !permits('change-namespace', f.folder)) {
      refuse(`dist/${f.folder}`, 'namespace', newNs, `the namespace of a bootstrapped environment cannot change (it was "${oldNs}")`,
        `Allow.namespaceChange('${f.folder}', '<reason>')`);
    }
  }
  return { problems, unusedAllowances: allowed.filter((a) => !used.has(a)) };
}

/** `vX.Y.Z` → `vX.Y'.Z'` with Y' in {Y, Y+1}, never down. */
function isAllowedUpgrade(from: string, to: string): boolean {
  const [a, b] = [parseVersion(from), parseVersion(to)];
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) return true;
  if (b[0] !== a[0]) return false;
  if (b[1] === a[1]) return b[2] >= a[2];
  return b[1] === a[1] + 1;
}

function previousClusters(dir: string): Map<string, { folder: string; cr: any }> {
  const found = new Map<string, { folder: string; cr: any }>();
  if (!fs.existsSync(dir)) return found;
  for (const folder of fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith('.k8s.yaml')).sort()) {
      // Parsed in-process: cdk8s's Yaml.load starts a child process per file.
      const docs = parseAllDocuments(fs.readFileSync(path.join(dir, folder, file), 'utf8'), { version: '1.1' }).map((d) => d.toJS());
      for (const o of docs) {
        if (o?.kind === 'QdrantCluster') found.set(`${o.metadata?.namespace}/${o.metadata?.name}`, { folder, cr: o });
      }
    }
  }
  return found;
}
