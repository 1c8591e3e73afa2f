import { ArgoCdDelivery } from '../delivery/argocd-delivery';
import { Delivery } from '../delivery/delivery';
import { argoCdTlsCertsPatch, RegistryTarget } from './registry-target';

/** `mirror.yaml`, `mirror-charts.yaml` and, for Argo CD with a private CA, the CA entry for Argo CD. */
export function mirrorSideFiles(target: RegistryTarget, delivery: Delivery, comment: readonly string[] = []): Record<string, string> {
  if (!target.manifest || !target.mirror) return {};
  const files: Record<string, string> = {
    'mirror.yaml': target.manifest.render(comment),
    'mirror-charts.yaml': target.manifest.renderCharts(),
  };
  if (target.caCertificates && delivery instanceof ArgoCdDelivery) {
    const host = target.mirror.chartRepository.replace(/^oci:\/\//, '').split('/')[0];
    files['argocd-tls-certs-cm.yaml'] = argoCdTlsCertsPatch(delivery.argoCdNamespace, host, target.caCertificates);
  }
  return files;
}
