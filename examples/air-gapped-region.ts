import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { FluxDelivery, HybridRegion, ImageMirror, SecretSource } from '../src';

/** The corporate CA that signed the proxy's and the registry's certificates (a public certificate, not a secret). */
const CORP_CA = fs.readFileSync(path.join(__dirname, 'assets', 'corp-ca.pem'), 'utf8');

/**
 * An on-prem region without access to registry.cloud.qdrant.io or docker.io: images
 * and charts come from the corporate registry (private CA), the only way out is the
 * proxy, and the credentials are sealed with the cluster's Sealed Secrets key.
 */
export function airGappedRegion(scope: Construct): HybridRegion {
  const mirror = new ImageMirror({
    containerRegistry: 'harbor.corp.example:8443/qdrant',
    chartRepository: 'oci://harbor.corp.example:8443/qdrant-charts',
    // kubeseal --namespace qdrant-onprem --name qdrant-registry-creds (a docker-registry secret for harbor.corp.example:8443)
    pullSecret: SecretSource.fromSealedSecret({
      encryptedData: { '.dockerconfigjson': 'AgBr5Xq8Kd2Wm4Tn6Yp1Lz3Vc7Hs9Jf0Ge2Ua4Ri6Ok8Pl0Mn2Bv4Cx6Zw8Qy1Ed3Tf5Gh7Jk9Lm==' },
    }),
    caCertificates: CORP_CA,
  });
  return new HybridRegion(scope, 'air-gapped-region', {
    environmentId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8',
    namespace: 'qdrant-onprem',
    agentChartVersion: '1.33.0',
    // The on-prem cluster of the fleet: its Flux is pointed at dist/flux-onprem.
    delivery: new FluxDelivery({ cluster: 'onprem' }),
    mirror,
    // kubeseal --namespace qdrant-onprem --name qdrant-cloud-creds
    cloudAccessKey: SecretSource.fromSealedSecret({
      encryptedData: { 'access-key': 'AgCz1Yx3Wv5Ut7Sr9Qp1On3Ml5Kj7Ih9Gf1Ed3Cb5Az7Yx9Wv1Ut3Sr5Qp7On9Ml1Kj3Ih5Gf7Ed9Cb==' },
    }),
    environment: {
      httpProxyUrl: 'http://proxy.corp.example:3128',
      httpsProxyUrl: 'http://proxy.corp.example:3128',
      noProxy: ['.svc', '.cluster.local', '10.0.0.0/8', 'harbor.corp.example'],
      caCertificates: CORP_CA,
      databaseStorageClass: 'vsphere-csi',
      snapshotStorageClass: 'vsphere-csi',
      volumeSnapshotClass: 'vsphere-csi-snapclass',
    },
  });
}
