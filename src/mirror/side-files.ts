import { registryHost } from '../delivery/chart-reference';
import { Delivery } from '../delivery/delivery';
import { RegistryTarget } from './registry-target';

/** `mirror.yaml`, `mirror-charts.yaml` and whatever the delivery needs to trust the mirror's private CA. */
export function mirrorSideFiles(target: RegistryTarget, delivery: Delivery, comment: readonly string[] = []): Record<string, string> {
  if (!target.manifest || !target.mirror) return {};
  return {
    'mirror.yaml': target.manifest.render(comment),
    'mirror-charts.yaml': target.manifest.renderCharts(),
    ...(target.caCertificates ? delivery._trustedCaSideFiles(registryHost(target.mirror.chartRepository), target.caCertificates) : {}),
  };
}
