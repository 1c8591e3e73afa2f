import { OCI_SCHEME, withoutOciScheme } from '../core/vocabulary';

/** The public registry of Qdrant's charts and images. */
export const QDRANT_REGISTRY = 'registry.cloud.qdrant.io';
/** The image pull secret the install command creates and Qdrant's charts default to. */
export const REGISTRY_SECRET_NAME = 'qdrant-registry-creds';
/** Qdrant's OCI chart repository. */
export const QDRANT_CHART_REPOSITORY = `${OCI_SCHEME}${QDRANT_REGISTRY}/qdrant-charts`;

/** A Helm chart in an OCI repository. */
export interface ChartReference {
  /** OCI repository, e.g. `oci://registry.cloud.qdrant.io/qdrant-charts`. */
  readonly repository: string;
  /** Chart name, e.g. `qdrant-cloud-agent`. */
  readonly name: string;
  /** Chart version, e.g. `1.33.0`. */
  readonly version: string;
}

/** The registry host of an OCI repository or image reference, e.g. `registry.example.com:5000`. */
export function registryHost(reference: string): string {
  return withoutOciScheme(reference).split('/')[0];
}
