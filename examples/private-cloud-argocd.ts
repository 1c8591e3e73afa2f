import { Construct } from 'constructs';
import { ArgoCdDelivery, QdrantOperator, SecretSource } from '../src';

/** The Git repository the fleet's central Argo CD reads the output from. */
export const GITOPS_REPOSITORY = { url: 'https://git.example.com/platform/gitops.git', revision: 'main' };

/**
 * The chart registry credential of the US stacks in the central Argo CD, one Secret for
 * the project: Argo CD keys repositories by URL and project, not by destination.
 * kubeseal --namespace argocd --name dc1-repo-registry-cloud-qdrant-io-qdrant-charts
 */
const DC1_REPOSITORY_CREDENTIALS = SecretSource.fromSealedSecret({
  encryptedData: {
    username: 'AgBvR2YR0NbiKhKCRgpYBUaCj5vC5O/wVxu951lmNtTMUJanqs/D2oGfXte0Gr9XT6ebXV9wuwJDcRQkLhgZDhR8qvwPDubtLIJIv+ndqBW9aBf9x3xliBGD5OBVcpoyBmy+rra0JGIsQ73FtZx0wQFXpeJ7moZqW0VRIrS1FWFFMyotYdULf1UWENRb0SFUIzwMF0vJJVbypHGen4u1ImUhysQgLP3Zjx4dmsrpn1ibVNSxF0yZhN7SkccftWG8hvfBAhLvj6SIgg+zeyC0mowSn2cyMXKmSTwJAXxc2rr7xIGileDrTPIUgayfe6rXMBvLACFCdomze2fsHbR3XsIW7sGIxnDlNb97iWD1p3d3aFZpqt+8MCcpqafWqBgaq6CU2b6IhO2tbdflRCjf6Hhrtd03/FU10hbyDodYSq7iVmpe0bCowRmI03izOhwhhBMgoh2i9hYciDg+czY84b3j9JDHOiHh+lk6cci2jzF66CHJ7WspLtxFdAQnun+7SYQWLQYahqh1omWt87XxHvPl48Xe2a0IQN0l4X5H5ktzXsjbmujeXTipCtx82AhHh9qtQ1+3c0r3wryXsDVk4UxnB6LoSzvT1UAvAla0M+8l0fVVaV/vrxDIQ0E2hCXcSYnDp50F/LvfAYllh3YMsv7B+rrV+b/Z5gsSl7gt6eW+C2RBgd2wcUoHnX99LEJWlkUxNSb9EE2E5FejIPDPFhn51+GPfwbOXKFowJlfYZLteM2DTBwyNhQLEOaO4ZcsgJrOwITMddSEe2/npmFKSNxH',
    password: 'AgCmwlLdOqrzU9AFooIA//bH/0YYl2wpp1v5PWlqVHzpxR/TF4t78EPMf2QelOCSWxVeMQyuiD/xdbvqEPhSJPv86tR8I/NGfCsE9qTdKpGMBfJZEBAYNNvAWzQ99aVgvL/2ti92rQafa9VF1sSukeak0W+9TcGS45n+uxYLm9URYhpRPIFqgEEsN7pX8+uAhdJN7/2lRhilm37GZNcOiBxHJgh2Vd4VW7sY6gq5DmTrQ51ayrgkCX4+F+SLVhGh1WaYXcWs4OJWDxpyoexoXu5Bw2PAcRHesM4xVUZLx+A3S4Oq3SDgGfgpcVsfpa92jBg7ywhdb4dcwQxW1Er7BhImW6FAmCL2IuhKa6BOUomPj6gSAM/4gEL/dEN2bD5uYPD0bjrzRelAYjaPZP5xu9cgS80NLTi3YoQ5XyzExoWVfl1C30LIdmjp+jMsIFfgzq+kiOzZpVG4GGx8qava951C5EVVUaNiBqQqUxGWFbS2Jqw6ha3BZB0VPjo35J1WU9LzPkq3LMW9QmjRe3NxxiuuH4GJmYu1yPtAUyWtwUwLTNJRE7JC27+S9SaCSA4fiB1n7re+T8vHaKqFue6XBDN04aT2mwBITIHEEFLAhUJj6U9zno/bMPWqs56P0RO/8gni9/lf3HgVNq1k0RBNc5AQ4tm4TJicO8xb9wklo9ywPe/ah0iCZo9x7j2LHCVJiZiECdAyF1q1wk2gmWh1ldrzvJaf+q7aiDj1aES3qywNm/qD3ggQ7jvQSPHEYxFC8EyLbLXif2nkh2UVyXUyxJmg',
  },
});

/**
 * Qdrant Private Cloud (the US data centre) delivered by Argo CD, with registry credentials sealed by
 * Sealed Secrets. Argo CD needs its own sealed copy: sealed values decrypt only for
 * the Secret name and namespace they were sealed for.
 */
export function privateCloudArgoCd(scope: Construct): QdrantOperator {
  const operator = new QdrantOperator(scope, 'private-cloud-argocd', {
    namespace: 'qdrant-private-cloud',
    chartVersion: '1.9.6',
    delivery: new ArgoCdDelivery({
      namePrefix: 'dc1-',
      // The fleet's central Argo CD: the library writes its root Applications to dist/argocd-bootstrap.
      gitRepository: GITOPS_REPOSITORY,
      // The US cluster, registered in that Argo CD: the namespace, secrets and Qdrant clusters reach it
      // through Applications of their own (folders private-cloud-argocd-prerequisites and -clusters).
      destinationName: 'us-east',
      // Its own Argo CD project, so its repository credential does not collide with a region's for the same URL.
      project: 'qdrant-dc1',
      repositoryCredentials: DC1_REPOSITORY_CREDENTIALS,
      // The central Argo CD's own argocd-cm lives in this repository: the library writes it, health checks included.
      manageArgoCdConfigMap: true,
    }),
    // kubeseal --namespace qdrant-private-cloud --name qdrant-registry-creds
    registryCredentials: SecretSource.fromSealedSecret({
      encryptedData: {
        '.dockerconfigjson': 'AgAOvYUCA/ccz3Pz/FeRw4aLamYFI9rVIFKLaURxH5Iu9Q84uj8UODhH+BC2Xmg1ahBr0NIgctPb09yjeHtcarGnFMu5OgN4Q8EJ5pzptWRHpsSN42K4ydsUMnKExKV9OPZGXh8Q3ZpkPsoo0jXi7K2NbYhzILXt1Egt6iykgL51jvHISEqRoKHRdcTNUEOg/Lko5m2OQUdN9fYZSVxqQg4TVZabgxJla0IjISHuhwt70KfcrvKH0xwCMQcGLnhtSXmS8JG3uXwANRV0YwMNQ8HjVvgRdQ7QiS6+NNbF7J61cKN9o6M96gZmVoq5Ag+QlpcPCttxUYX7b6xwwpqxrTczoWDUJVxPav2zAm33P5w2PaslhC6ZkGLRBXhQlcpVGy+sZRYWrBNWDIfshuocNG7gbw35EJwdjb+R4mQLWxM9Sde2cmb1PwrD1BwL25A/8oooRcpSsEJlLZqRcMFyAvfC8olTwLeDUMQabwoGAqUaixbUeIzmjqLMYyy8elmyamT8crrQvxzEWQXx+YIqoWCqtnCJGanum0EnQL23e0waNI9LvFqgcI2fe83qqguDAkkQ5dDD9VZ98WSSCZExKOwZA8Nnd3M9zap0dwFdVIavMD0GHfRRTP7h28EfMusH9/ubq/sj4kRWOvN7rgginkEWnqPkthYG7MUVBSKMKqv8SRJE/oucIq06xF4/KD/0N+mqGZ/7w5oU4ZIEMRGLlrzE4Ustf3aEJ4lU9zfodtxhcPEXnCARc6bCgUNsIvpUZwc56M3mLYaBnUaasX95y/mV',
      },
    }),
    operator: {
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      watchOnlyReleaseNamespace: false,
      watchNamespaces: ['qdrant-private-cloud', 'search-prod'],
    },
    settings: {
      logLevel: 'INFO',
      features: {
        clusterManagement: {
          storageClass: { database: 'premium-rwo', snapshot: 'standard-rwo' },
          volumeExpansionMode: 'Online',
          scheduling: { podDisruptionBudget: { maxUnavailable: 1 } },
        },
        backupManagement: { snapshots: { volumeSnapshotClass: 'csi-gce-pd-snapclass', retainUnsuccessful: '72h' } },
      },
    },
  });
  productionCluster(operator);
  return operator;
}

/**
 * The second US Kubernetes cluster of the same central Argo CD and project: a small
 * staging cluster in the operator's own namespace (its pull secret is already there).
 */
export function privateCloudArgoCdWest(scope: Construct): QdrantOperator {
  const operator = new QdrantOperator(scope, 'private-cloud-argocd-west', {
    namespace: 'qdrant-private-cloud',
    chartVersion: '1.9.6',
    delivery: new ArgoCdDelivery({
      namePrefix: 'dc1-west-',
      gitRepository: GITOPS_REPOSITORY,
      destinationName: 'us-west',
      project: 'qdrant-dc1',
      repositoryCredentials: DC1_REPOSITORY_CREDENTIALS,
      // The central Argo CD's own argocd-cm lives in this repository: the library writes it, health checks included.
      manageArgoCdConfigMap: true,
    }),
    // kubeseal --namespace qdrant-private-cloud --name qdrant-registry-creds (with us-west's Sealed Secrets key)
    registryCredentials: SecretSource.fromSealedSecret({
      encryptedData: {
        '.dockerconfigjson': 'AgBxpLt6Au/hdZYA0Z8Kgvbrg8xr+TjxwsDKrEyZ7rbWmNJFel/ZiOhVmJ9iGxubt4F6lSnCCIpa+jbjK74U/5kJK4bp2G+FUuTZ7hutjM3zV5Skogo9u46KPqWFupNr3DUz0voizoNhbFBZ1lvjPur4BVRr6YWdPReL6mtb98J1bVYK/KsrmC8QdBJzSyITk+GdMbHF6CKIJAaSIXYmM45pQSCkkQPHg97LlpN9jnBbl97Gc6S1w9MQgpyJYueYgh2pS1z/4/DgYoWunMWM7vJyLAyM2b3xg/P6bShk0vWWlmApt+TdGZkAQMlapdrmBsuVWdhGuyKMycJVBT4uuQIEwTH2vF0erZfQ1McOkxHP3n875gEZZG8jmNCShAmtxU7z1ZkGfRR0DHqZOPmoOLCqsiMW4XCU1MtbYMZJKqG+NaC5J72oujVDLqHzg6TAN6QRzTUJFLkU2zG7GMq64ZPKy1Rkdn0LpbitR6zZ2dz5SgF7BOncD+U9EYKxmWTfkYNOLCy9yOLBEUCkwz4vR/f0epomAOUtQkf31v3IHJRo2a1V7mIssev3py8bEbNiOFyyFOzB11VWsUlzQVCI1RCdqi7hkYoLkzBFq5rXnYeVRV/fr+mIXLl2zEvEYLLZ7KF633v+QI0O+eHcw+b5Oh71rbetV6pInMX2t+r7WVCpBfwj4dPSG9Kfrup1Mp7gSgsoYupIuKfBPvG4R8Ztb1ffqVqiIuCAjcGtirt3vlp9116pNGC8G0PtChiXAB/9cDZ9xYsmdU3yAAZPImwzCl4Q',
      },
    }),
    settings: { features: { clusterManagement: { storageClass: { database: 'premium-rwo', snapshot: 'standard-rwo' } } } },
  });
  const staging = operator.addCluster('search-staging', {
    id: '5b2e8c41-7d3a-4f6e-9a1b-c4d5e6f70819',
    customerId: 'search-team',
    version: 'v1.16.3',
    size: 1,
    resources: { cpu: '2', memory: '8Gi', storage: '50Gi' },
  });
  // A snapshot before the next upgrade, and last week's snapshot restored into a new cluster for a data check.
  staging.addSnapshot('before-upgrade', { name: 'qdrant-search-staging-before-upgrade', retention: '168h' });
  staging.addRestore('last-week', {
    name: 'qdrant-search-staging-last-week',
    snapshotName: 'qdrant-search-staging-2026-11-26',
    newClusterName: 'qdrant-search-staging-last-week',
  });
  return operator;
}

/**
 * A production cluster: 3 nodes spread over zones, every collection replicated
 * twice, API keys from the secret store, TLS from cert-manager, a LoadBalancer open
 * only to the office and VPN ranges, nightly snapshots kept for 72 hours.
 */
function productionCluster(operator: QdrantOperator): void {
  const vault = (property: string) => SecretSource.fromExternalSecret({
    storeName: 'vault-backend',
    refs: { [property]: { key: 'search-prod/qdrant', property } },
  });
  const cluster = operator.addCluster('search-prod', {
    id: '3f6d0a52-8c1e-4b7a-9d2f-61e0c5b4a387',
    customerId: 'search-team',
    namespace: 'search-prod',
    version: 'v1.16.3',
    size: 3,
    resources: { cpu: '4', memory: '16Gi', storage: '200Gi', requests: { cpu: '3' } },
    apiKey: vault('api-key'),
    readOnlyApiKey: vault('read-only-api-key'),
    // Issued by cert-manager into search-prod/search-prod-qdrant-tls.
    tls: { certificate: SecretSource.existing('search-prod-qdrant-tls') },
    // The database image needs the pull secret in search-prod too, sealed for it.
    registryCredentials: SecretSource.fromSealedSecret({
      encryptedData: { '.dockerconfigjson': 'AgAoovEEJKm5zhEWPv6Hm+TvEF+S8j3zIM+dSDlMsHrFrbXg94lUHRPTvFWEBPKDEttFRtgR3ojraOfW4BMurpI417CvW9sqpSEeo7sZQpNTKEOr+7Hin+lTnd7DJHv25oVxb1fdBoTqpI+hALEU4q0mN3kkye9JqINHR6Hhzc6wvbhO4SRvVfMJHsg+1iz7uVY0bUTg1Hi1+LKdi/tEp4Phhw+2YHT1eUarVDjAD01BVaeYUTRODLeNwrG6emYHA0h/0zZFjHjup4d0/MmOF1udE0msFR7NHhlklsRBo/g0G5YRzGf/2DB8gcKKna1jFu9a7etfa3CznmbqB+MGOjIND9nXZnca1UMMS7z6Jn0P1DKuOTRSCzv43Jg/bzCO7ywpFz57kcepfO4deNSzWompiuCmEHtmoon+/yh7HCSgHJ/n/XjRXaFI0cP+DM2KkULiWN9+zx206GUr4sNDguETjZeG3LgOkylU9x69yvx7QnuYgAyod10sBi/Rq/K7hdUzkkbMhg8rzCHYPRxmWZSeSRpo4w9t+2ZEHrnCtcoaexnwEVmW5uTSt9LGP6mXc9hN3oEi6i+VGNw2Spk+9ZrRcR8NB5VbRREu3Z4DMOxW8RtH9Nw4rIJYt9c1ZqPjAV5w+eofL3Lc5sx0RMTbT4CyAsrVxiOzYUX927M5MZFQBfrgJw6Gl1ImqAVj8c7i0ouZcmGK9ZkyzFBEzicqC5VTX/QfAucvZZaKCY/bAPV5oE7+BxUU583ENmlu3lpDnKL04exzx8BUokjlWibKXwJmF/tkM2oDnweBNddMR/mfdJ0mAWE7aTDmVcLP9+kHrjFGHMqiSTTVRImVU9ByZOAbzlbVMEkD7nPniqJ6bkI7XPSEG0+z2HPinIJ1rrVugy/4sOt82r9RRQ5cnR6KKRH/Q97x/cx4j/UWBlGNqakh6UiCfC4=' },
    }),
    config: { collection: { replicationFactor: 2, writeConsistencyFactor: 1 } },
    topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }],
    podDisruptionBudget: { maxUnavailable: 1 },
    storageClassNames: { db: 'premium-rwo', snapshots: 'standard-rwo' },
  });
  cluster.exposeWithService('lb', {
    name: 'qdrant-search-prod-lb',
    type: 'LoadBalancer',
    annotations: { 'networking.gke.io/load-balancer-type': 'Internal' },
    loadBalancerSourceRanges: ['10.20.0.0/16', '192.168.100.0/24'],
  });
  cluster.allowFromNamespaces('from-api', { name: 'qdrant-search-prod-from-api', namespaces: ['search-api'] });
  cluster.addScheduledSnapshot('nightly', { name: 'qdrant-search-prod-nightly', schedule: '0 2 * * *', retention: '72h' });
}
