import { Construct } from 'constructs';
import {
  ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, QdrantClusterProps, QdrantOperator, QdrantOperatorProps, SecretSource,
} from '../../src';
import { testApp } from './synth';

// The common stacks of the tests, so a test's GIVEN shows only what it is about: anything a
// test depends on (a namespace in a message, a delivery, a version) is passed as an override.
// The defaults are what most tests wrote before: an operator on Argo CD, a region on Flux.

/** The Hybrid Cloud environment of the common region. */
export const ENVIRONMENT_ID = '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f';
/** The Qdrant Cloud account of the common region. */
export const ACCOUNT_ID = '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8';
/** The id of the common cluster. */
export const CLUSTER_ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';

/** A Private Cloud operator's props: namespace `qdrant`, chart 1.9.6, Argo CD, registry credentials created out of band. */
export function operatorProps(overrides: Partial<QdrantOperatorProps> = {}): QdrantOperatorProps {
  return { namespace: 'qdrant', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(), ...overrides };
}

/** A Private Cloud operator `id` (default `pc`) in `scope` (default a fresh test app), with `operatorProps(overrides)`. */
export function privateCloudOperator(scope: Construct = testApp(), overrides: Partial<QdrantOperatorProps> = {}, id = 'pc'): QdrantOperator {
  return new QdrantOperator(scope, id, operatorProps(overrides));
}

/** A Hybrid region's props: namespace `qdrant`, agent chart 1.33.0, Flux, both Secrets created out of band. */
export function regionProps(overrides: Partial<HybridRegionProps> = {}): HybridRegionProps {
  return {
    environmentId: ENVIRONMENT_ID, accountId: ACCOUNT_ID, namespace: 'qdrant', agentChartVersion: '1.33.0', delivery: new FluxDelivery(),
    registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(), ...overrides,
  };
}

/** A Hybrid region `id` (default `r`) in `scope` (default a fresh test app), with `regionProps(overrides)`. */
export function hybridRegion(scope: Construct = testApp(), overrides: Partial<HybridRegionProps> = {}, id = 'r'): HybridRegion {
  return new HybridRegion(scope, id, regionProps(overrides));
}

/** A one-node cluster's props: `CLUSTER_ID`, customer `acme`, Qdrant v1.16.3, 1 CPU, 1Gi memory, 2Gi storage. */
export function clusterProps(overrides: Partial<QdrantClusterProps> = {}): QdrantClusterProps {
  return { id: CLUSTER_ID, customerId: 'acme', version: 'v1.16.3', size: 1, resources: { cpu: '1', memory: '1Gi', storage: '2Gi' }, ...overrides };
}
