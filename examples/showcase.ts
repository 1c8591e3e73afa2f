import { QdrantApp, QdrantAppProps } from '../src';
import { airGappedRegion } from './air-gapped-region';
import { hybridRegionArgoCdEso } from './hybrid-region-argocd-eso';
import { hybridRegionFlux } from './hybrid-region-flux';
import { monitoredPrivateCloud } from './monitored-private-cloud';
import { privateCloudArgoCd, privateCloudArgoCdWest } from './private-cloud-argocd';
import { privateCloudFlux } from './private-cloud-flux';

/**
 * Every bundled example in one app, a fleet: what `npm run synth` writes to dist/. Flux
 * syncs the EU Hybrid region (cluster eu-central), the air-gapped region (onprem) and
 * the Flux Private Cloud (the default cluster); a central Argo CD runs the EU West
 * region in its own cluster and the US Private Cloud on us-east and us-west.
 */
export function showcaseApp(props: QdrantAppProps = {}): QdrantApp {
  const app = new QdrantApp(props);
  hybridRegionFlux(app);
  hybridRegionArgoCdEso(app);
  privateCloudArgoCd(app);
  privateCloudArgoCdWest(app);
  privateCloudFlux(app);
  airGappedRegion(app);
  monitoredPrivateCloud(app);
  return app;
}
