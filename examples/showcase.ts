import { QdrantApp, QdrantAppProps } from '../src';
import { airGappedRegion } from './air-gapped-region';
import { hybridRegionArgoCdEso } from './hybrid-region-argocd-eso';
import { hybridRegionFlux } from './hybrid-region-flux';
import { monitoredPrivateCloud } from './monitored-private-cloud';
import { privateCloudArgoCd } from './private-cloud-argocd';
import { privateCloudFlux } from './private-cloud-flux';

/** Every bundled example in one app: what `npm run synth` writes to dist/. */
export function showcaseApp(props: QdrantAppProps = {}): QdrantApp {
  const app = new QdrantApp(props);
  hybridRegionFlux(app);
  hybridRegionArgoCdEso(app);
  privateCloudArgoCd(app);
  privateCloudFlux(app);
  airGappedRegion(app);
  monitoredPrivateCloud(app);
  return app;
}
