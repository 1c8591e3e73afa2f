import { parseVersion } from './versions';

/**
 * The latest patch of each Qdrant minor version, from the release tags of `qdrant/qdrant`
 * (tags `v1.Y.Z`; read from the repository at 74f3e85, 2026-08-04: the newest tag is v1.19.0
 * of 2026-08-04). Qdrant upgrades through the latest patch of each minor (qdrant-facts.md §13).
 * Update it when Qdrant tags a new patch; a version newer than it is accepted with a warning.
 */
export const LATEST_PATCHES: Readonly<{ source: string; asOf: string; byMinor: Readonly<Record<string, string>> }> = {
  source: 'qdrant/qdrant release tags (v1.Y.Z)',
  asOf: '2026-08-04',
  byMinor: {
    '1.0': 'v1.0.3', '1.1': 'v1.1.3', '1.2': 'v1.2.2', '1.3': 'v1.3.2', '1.4': 'v1.4.1', '1.5': 'v1.5.1',
    '1.6': 'v1.6.1', '1.7': 'v1.7.4', '1.8': 'v1.8.4', '1.9': 'v1.9.7', '1.10': 'v1.10.1', '1.11': 'v1.11.5',
    '1.12': 'v1.12.6', '1.13': 'v1.13.6', '1.14': 'v1.14.1', '1.15': 'v1.15.5', '1.16': 'v1.16.3', '1.17': 'v1.17.1',
    '1.18': 'v1.18.3', '1.19': 'v1.19.0',
  },
};

/** The path from one Qdrant version to another, hop by hop. */
export interface UpgradePath {
  /**
   * The versions to deploy one after the other, ending with the target: one hop means the
   * change can land as it is. A minor the table does not know appears as `v1.Y.x` (its latest patch).
   */
  readonly hops: readonly string[];
  /** Why no path exists (a downgrade, a major change). @default - a path exists */
  readonly refused?: string;
  /** What the table cannot vouch for (a version newer than it): the path is taken on trust. @default - fully checked */
  readonly unchecked?: string;
}

const latestOf = (major: number, minor: number): string | undefined => LATEST_PATCHES.byMinor[`${major}.${minor}`];

/** True when `version` is newer than every tag the latest-patch table knows. */
export function newerThanPatchTable(version: string): boolean {
  const [major, minor, patch] = parseVersion(version);
  const latest = latestOf(major, minor);
  if (latest) return patch > parseVersion(latest)[2];
  const newest = Object.values(LATEST_PATCHES.byMinor).map(parseVersion).reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a));
  return major > newest[0] || (major === newest[0] && minor > newest[1]);
}

/**
 * The hop chain from `from` to `to`: before each minor step the cluster runs the latest
 * patch of its minor, so `v1.15.2 -> v1.17.1` is `v1.15.5, v1.16.3, v1.17.1`
 * (qdrant-facts.md §13, "upgrade to the latest patch version of each intermediate minor version first").
 */
export function upgradePath(from: string, to: string): UpgradePath {
  const [a, b] = [parseVersion(from), parseVersion(to)];
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) return { hops: [to] };
  const unchecked = [from, to].filter(newerThanPatchTable);
  const trust = unchecked.length
    ? { unchecked: `${unchecked.join(' and ')} ${unchecked.length > 1 ? 'are' : 'is'} newer than the latest-patch table (${LATEST_PATCHES.source}, ${LATEST_PATCHES.asOf}); the path is not checked past it` }
    : {};
  if (a[0] !== b[0]) return { hops: [to], refused: `Qdrant publishes no upgrade path across major versions (${from} -> ${to})` };
  if (b[1] < a[1] || (b[1] === a[1] && b[2] < a[2])) return { hops: [to], refused: `Qdrant never downgrades (${from} -> ${to})` };
  if (b[1] === a[1]) return { hops: a[2] === b[2] ? [] : [to], ...trust };
  const hops: string[] = [];
  const fromLatest = latestOf(a[0], a[1]);
  if (fromLatest && a[2] < parseVersion(fromLatest)[2]) hops.push(fromLatest);
  for (let minor = a[1] + 1; minor < b[1]; minor++) hops.push(latestOf(a[0], minor) ?? `v${a[0]}.${minor}.x`);
  hops.push(to);
  const unknownMinors = hops.filter((h) => h.endsWith('.x'));
  const missing = unknownMinors.length ? { unchecked: `the latest patch of ${unknownMinors.join(', ')} is not in the latest-patch table (${LATEST_PATCHES.source}, ${LATEST_PATCHES.asOf})` } : {};
  return { hops, ...trust, ...missing };
}
