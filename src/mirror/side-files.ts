import { Delivery } from '../delivery/delivery';
import { RegistryTarget } from './registry-target';

/** `mirror.yaml`, `mirror-charts.yaml` and whatever the delivery needs to trust the mirror's private CA. */
export function mirrorSideFiles(target: RegistryTarget, delivery: Delivery, comment: readonly string[] = []): Record<string, string> {
  if (!target.manifest || !target.mirror) return {};
  const host = target.mirror.chartRepository.replace(/^oci:\/\//, '').split('/')[0];
  return {
    'mirror.yaml': target.manifest.render(comment),
    'mirror-charts.yaml': target.manifest.renderCharts(),
    ...(target.caCertificates ? delivery._trustedCaSideFiles(host, target.caCertificates) : {}),
  };
}
