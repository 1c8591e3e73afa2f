import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { fail } from '../core/errors';
import { QDRANT_GRPC_PORT, QDRANT_HTTP_PORT } from '../core/network';
import { cidr, dns1123Label, dns1123Subdomain, maxItems, oneOf, qualifiedName } from '../core/rules';
import { check, checkObject, checkEach, checkOptional, checkStringMap } from '../core/validate';
import { checkExposureHasApiKey, serviceTerminatesTls, warnKeyInClearText } from './cluster-rules';
import { ClusterReference } from './cluster-reference';

/** The database ports a helper may open; the peer-to-peer port 6335 is not among them by design. */
export type QdrantPort = 'http' | 'grpc';
const PORTS: Record<QdrantPort, number> = { http: QDRANT_HTTP_PORT, grpc: QDRANT_GRPC_PORT };

export interface ExtraServiceOptions {
  /** Service name. */
  readonly name: string;
  /** Service type; NodePort and LoadBalancer need an API key. */
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** Ports. @default ['http', 'grpc'] */
  readonly ports?: readonly QdrantPort[];
  /** Annotations (load balancer settings). @default - none */
  readonly annotations?: Record<string, string>;
  /** CIDRs allowed to reach a LoadBalancer. @default - no restriction */
  readonly loadBalancerSourceRanges?: readonly string[];
}

export interface ExtraIngressOptions {
  /** Ingress name. */
  readonly name: string;
  /** Host name. */
  readonly host: string;
  /** IngressClass. @default - cluster default */
  readonly ingressClassName?: string;
  /** Secret with the certificate for `host`. @default - no TLS at the ingress */
  readonly tlsSecretName?: string;
  /** Annotations. @default - none */
  readonly annotations?: Record<string, string>;
}

export interface AllowFromNamespacesOptions {
  /** NetworkPolicy name. */
  readonly name: string;
  /** Namespaces whose pods may connect. */
  readonly namespaces: readonly string[];
  /** Ports. @default ['http', 'grpc'] */
  readonly ports?: readonly QdrantPort[];
}

const selector = (cluster: ClusterReference) => ({ app: 'qdrant', 'cluster-id': cluster.clusterId });

function checkPorts(cluster: ClusterReference, prop: string, ports: readonly QdrantPort[]): void {
  if (!ports.length) fail(cluster, prop, ports, 'expected at least one of "http" (6333) and "grpc" (6334)');
  checkEach(cluster, prop, ports, oneOf(['http', 'grpc']));
}

export function exposeWithService(cluster: ClusterReference, id: string, o: ExtraServiceOptions): ApiObject {
  checkObject(cluster, `exposeWithService(${id})`, o, 'options');
  const prop = `exposeWithService(${id})`;
  check(cluster, `${prop}.name`, o.name, dns1123Label);
  check(cluster, `${prop}.type`, o.type, oneOf(['ClusterIP', 'NodePort', 'LoadBalancer']));
  if (o.type !== 'ClusterIP') {
    checkExposureHasApiKey(cluster, `${prop}.type`, o.type, cluster.hasApiKey);
    warnKeyInClearText(cluster, `${prop} type "${o.type}"`, serviceTerminatesTls(o.annotations));
  }
  const ports = o.ports ?? ['http', 'grpc'];
  checkPorts(cluster, `${prop}.ports`, ports);
  checkStringMap(cluster, `${prop}.annotations`, o.annotations, qualifiedName);
  if (o.loadBalancerSourceRanges) {
    if (o.type !== 'LoadBalancer') fail(cluster, `${prop}.loadBalancerSourceRanges`, o.loadBalancerSourceRanges, 'applies only to type "LoadBalancer"');
    check(cluster, `${prop}.loadBalancerSourceRanges`, o.loadBalancerSourceRanges, maxItems(40));
    checkEach(cluster, `${prop}.loadBalancerSourceRanges`, o.loadBalancerSourceRanges, cidr);
  }
  return new k8s.KubeService(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels }, annotations: o.annotations },
    spec: {
      type: o.type,
      selector: selector(cluster),
      ports: ports.map((p) => ({ name: p, port: PORTS[p], targetPort: k8s.IntOrString.fromNumber(PORTS[p]), protocol: 'TCP' })),
      loadBalancerSourceRanges: o.loadBalancerSourceRanges && [...o.loadBalancerSourceRanges],
    },
  });
}

export function exposeWithIngress(cluster: ClusterReference, id: string, o: ExtraIngressOptions): ApiObject {
  checkObject(cluster, `exposeWithIngress(${id})`, o, 'options');
  const prop = `exposeWithIngress(${id})`;
  check(cluster, `${prop}.name`, o.name, dns1123Subdomain);
  check(cluster, `${prop}.host`, o.host, dns1123Subdomain);
  checkOptional(cluster, `${prop}.ingressClassName`, o.ingressClassName, dns1123Subdomain);
  checkOptional(cluster, `${prop}.tlsSecretName`, o.tlsSecretName, dns1123Subdomain);
  checkStringMap(cluster, `${prop}.annotations`, o.annotations, qualifiedName);
  checkExposureHasApiKey(cluster, prop, `host ${o.host}`, cluster.hasApiKey);
  warnKeyInClearText(cluster, `${prop} host ${o.host}`, o.tlsSecretName !== undefined, 'or tlsSecretName on the Ingress');
  return new k8s.KubeIngress(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels }, annotations: o.annotations },
    spec: {
      ingressClassName: o.ingressClassName,
      tls: o.tlsSecretName ? [{ hosts: [o.host], secretName: o.tlsSecretName }] : undefined,
      rules: [{
        host: o.host,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: cluster.serviceName, port: { number: QDRANT_HTTP_PORT } } } }] },
      }],
    },
  });
}

export function allowFromNamespaces(cluster: ClusterReference, id: string, o: AllowFromNamespacesOptions): ApiObject {
  checkObject(cluster, `allowFromNamespaces(${id})`, o, 'options');
  const prop = `allowFromNamespaces(${id})`;
  check(cluster, `${prop}.name`, o.name, dns1123Subdomain);
  if (!o.namespaces?.length) fail(cluster, `${prop}.namespaces`, o.namespaces, 'expected at least one namespace');
  checkEach(cluster, `${prop}.namespaces`, o.namespaces, dns1123Label);
  const ports = o.ports ?? ['http', 'grpc'];
  checkPorts(cluster, `${prop}.ports`, ports);
  return new k8s.KubeNetworkPolicy(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels } },
    spec: {
      podSelector: { matchLabels: selector(cluster) },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...o.namespaces].sort() }] } }],
        ports: ports.map((p) => ({ port: k8s.IntOrString.fromNumber(PORTS[p]), protocol: 'TCP' })),
      }],
    },
  });
}
