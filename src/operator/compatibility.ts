/**
 * Qdrant Private Cloud releases and the component versions each ships, from Qdrant's
 * Private Cloud changelog and setup pages (see qdrant-facts.md, "Private Cloud
 * installation"). `undefined` marks a version the sources do not give.
 */
export interface PrivateCloudRelease {
  /** `qdrant-private-cloud` chart version. */
  readonly chartVersion: string;
  /** Matching `qdrant-kubernetes-api` (CRD) chart version. */
  readonly crdChartVersion: string;
  /** Operator version. @default - not published */
  readonly operator?: string;
  /** qdrant-cluster-manager version. @default - not published */
  readonly clusterManager?: string;
  /** qdrant-cluster-exporter version. @default - not published */
  readonly clusterExporter?: string;
}

export const PRIVATE_CLOUD_RELEASES: readonly PrivateCloudRelease[] = [
  { chartVersion: '1.0.0', crdChartVersion: 'v1.2.7', operator: '0.1.3', clusterManager: 'v0.2.4' },
  { chartVersion: '1.1.0', crdChartVersion: 'v1.6.4', operator: '2.1.10', clusterManager: 'v0.2.6' },
  { chartVersion: '1.2.0', crdChartVersion: 'v1.8.0', operator: '2.1.20', clusterManager: 'v0.2.9' },
  { chartVersion: '1.3.0', crdChartVersion: 'v1.8.0', operator: '2.1.21', clusterManager: 'v0.2.10' },
  { chartVersion: '1.4.0', crdChartVersion: 'v1.8.0', operator: '2.1.26', clusterManager: 'v0.3.0' },
  { chartVersion: '1.5.0', crdChartVersion: 'v1.12.0', operator: '2.1.26', clusterManager: 'v0.3.0' },
  { chartVersion: '1.5.1', crdChartVersion: 'v1.12.0', operator: '2.1.26', clusterManager: 'v0.3.2' },
  { chartVersion: '1.6.1', crdChartVersion: 'v1.14.2', operator: '2.3.2', clusterManager: 'v0.3.3' },
  { chartVersion: '1.6.2', crdChartVersion: 'v1.15.0', operator: '2.3.2', clusterManager: 'v0.3.3' },
  { chartVersion: '1.6.3', crdChartVersion: 'v1.15.0', operator: '2.3.3', clusterManager: 'v0.3.4' },
  { chartVersion: '1.6.4', crdChartVersion: 'v1.15.5', operator: '2.3.4', clusterManager: 'v0.3.4' },
  { chartVersion: '1.7.0', crdChartVersion: 'v1.16.3', operator: '2.4.2', clusterManager: 'v0.3.5' },
  { chartVersion: '1.7.1', crdChartVersion: 'v1.16.6', operator: '2.6.0', clusterManager: 'v0.3.6' },
  { chartVersion: '1.8.0', crdChartVersion: 'v1.17.2' },
  { chartVersion: '1.9.3', crdChartVersion: 'v1.22.1', operator: '2.9.1', clusterManager: 'v0.3.13', clusterExporter: '1.7.6' },
  { chartVersion: '1.9.4', crdChartVersion: 'v1.22.1', operator: '2.9.1', clusterManager: 'v0.3.15', clusterExporter: '1.7.6' },
  { chartVersion: '1.9.5', crdChartVersion: 'v1.23.0', operator: '2.14.0', clusterManager: 'v0.3.17', clusterExporter: '1.7.6' },
  { chartVersion: '1.9.6', crdChartVersion: 'v1.23.0', operator: '2.15.0', clusterManager: 'v0.3.17', clusterExporter: '1.7.6' },
];

/**
 * Private Cloud releases after 1.9.6 whose component versions no source gives (qdrant-facts.md
 * §13: 1.9.7 of 2026-05-28, "support for Qdrant 1.18", to 1.9.15, known from the titles of
 * `qdrant/landing_page` PRs). They are never guessed: each needs an explicit `crdChartVersion`.
 * `hint` is what the sources do say, for the error.
 */
export const PRIVATE_CLOUD_RELEASES_WITHOUT_COMPONENTS: Readonly<Record<string, string>> = {
  '1.9.7': 'a review comment on qdrant/landing_page PR #2386 names qdrant-kubernetes-api v1.34.0, which the merged table does not confirm',
  ...Object.fromEntries(['1.9.8', '1.9.9', '1.9.10', '1.9.11', '1.9.12', '1.9.13', '1.9.14', '1.9.15'].map((v) => [v, 'no component table was found'])),
};

export function findPrivateCloudRelease(chartVersion: string): PrivateCloudRelease | undefined {
  return PRIVATE_CLOUD_RELEASES.find((r) => r.chartVersion === chartVersion);
}
