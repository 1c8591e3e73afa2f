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
      encryptedData: { '.dockerconfigjson': 'AgCXsWTgJh1OZdje7hdLaSOPTze71LaSJSlJuYmEWcLYHvcFnpAEGaFPl4pqAUQNKRwKL2q6q1T1s6cLb4WW4qXBV3f6f2MfTMb4FQzoEf1KRbJ3Z/3OldFd6Mjm0mZbEy0oaw6NcSiPS0tL+Y9hP3IdLoZZ1nIEBJWMbk2jF1VWdAoHbsq0ExFfNQHp/N6d1juWFylPTh/ZNNaVYlF9Hp5tA6nYXDeHWM+3AA9gkYK47+sPDENGIzCkw/BnHYNMa+JLSHdagu23FVoJmCO0/0RBsiibgieZY5yH0TXUDkcx5/BXyz6VyUWDgDc3jsEZVoFR1Ax/HFijFf9xkf61Z8qcm5PkPnljsdw8V+GEP0G+FWXRURn/3KrVM/zjquQWgduSX6tvi3Wzn7I17Jpa2NJ6sG5AzRoUQXO+HPElGWqhKgN5LeuEwnk1fZdfp1JVM+LuOVJb3zgjXu5QVryZoZcXms1/NYyZjH5Hso2yTAHKruNsCF5+mDzaNCEf/rV45aqDPrNzWpQiNzQ6HYWwzOKV/t+R5gHdIAJUgZ+1VCwN84WJOh246OcsR/tR9GI8ijIsaEFtuSTI5B/DLwQn6NwyhQ+0aQSfJjLcHw+MNtWpg3hAepbBf6rIvLuMCSklN04VI22URs8WtJKzbUh/P8wcgBRLG0OZ4iZSzc8Nb2bR3HktdBTWpsabvotKGBDS7RAIayhR6c8jCVhGkVWEPqaOYuhPiReklBYwjN00rqpmNUtYwb8rimERluktCWs34qk/LvktvVDWZFvrdE6M2DqlUgtaG/hdeWgspEafiYEqHF/PV2fcaSH7LeJmjYYYEG/TkWYLl0iMTSYMHzrHJXJME+U0EU8CrfllGhssrGgG0FfhhGhXMzJwn+ydRBYQSrgl2lyP7560QdwN8EpX1NKMz41E+0+b5QYTPPjuo0GqXwEi/Sw=' },
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
      encryptedData: { 'access-key': 'AgClyHePo7s7/Zs+41Yk2j9uWTFJ+K79XVFh4y6Fi+h0hSOrirwp9NKBev+2xiuZX0gsXGuON8nGdu8fzEMLFlFr5BMUn41cSSTTRkmMdUH1lDdmF2YX1CvZGTaAJQn77hmxlh/SqMB4eZbZleUCkCgnGKlrcs4XKwmkgXN6AfM9fhoOZ0qCgJ1fyzrfuNiXhnD31R+sRZ+D0ssRipcGH1JEHlZyXOTPSPgyYODXg0SzIzu28l+CV7gXr6Y1rPXFbx4b5SQ5KsZYipOVwtJ2K2ABDUgztkaCNJScVJnNAZVNN9ellepCn/zBvlJErjh2emIBJZJKZRpkABp7h+qIVtZZEfXbtsKHnwjNovYDkgqtBi5vEBASUkrQDrZzIKj3q5p5Ejg7i5CDW+KJzdFZ34SUBxbL7fof1U+t23O+ufJNoMLtFx2Eruq0PhLG8zmkb1xduaGxkDpJJ+wIAgBZmCvP7X/4ZItqGtcmHZX9BVdzvdLG/hKQJgrUFfXIfPVy54qPXW3P3tX+v9t06W5CrX6Zb+npIBmcCBwSRNml/4ypwijtKFzV85wbs88pl40SMr1p/cKZ1TerVPIBU3t9Z60LjPW1f/WCvkLJG+ftcNOsIxes4p4uf+LB+CcrW1I/XZ261K+pvOGOlIiB4DJG0LOjnhLe+cuCEYBZPphZHNvnn8bR/ywg/lfsAsgI3jzkRoYtDbf+vJGcvn6DcA0szG0gJQtd4xbdXoSKKglDNoofTHhwDh2glKTmPKdm/rqDkUI=' },
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
