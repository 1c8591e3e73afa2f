import { Construct } from 'constructs';
import { FluxDelivery, HybridRegion, SecretSource } from '../src';

/**
 * The smallest useful region: both secrets are created out of band (for example
 * from the values `qcloud hybrid bootstrap` prints), Flux installs the agent.
 */
export function hybridRegionFlux(scope: Construct): HybridRegion {
  return new HybridRegion(scope, 'hybrid-region-flux', {
    environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f',
    accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
    namespace: 'qdrant-hybrid',
    agentChartVersion: '1.33.0',
    // The EU cluster of the fleet: its Flux is pointed at dist/flux-eu-central.
    delivery: new FluxDelivery({ cluster: 'eu-central' }),
    registryCredentials: SecretSource.existing(),
    cloudAccessKey: SecretSource.existing(),
  });
}
