import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { fail } from '../core/errors';
import { QDRANT_GRPC_PORT, QDRANT_HTTP_PORT } from '../core/network';
import { warnRule } from '../core/policy';
import { cidr, dns1123Label, dns1123Subdomain, maxItems, oneOf, qualifiedName } from '../core/rules';
import { check, checkObject, checkEach, checkOptional, checkStringMap } from '../core/validate';
import { tlsSecretRequest } from '../secrets/secret-request';
import { bindSecretSource, SecretSource } from '../secrets/secret-source';
import { checkExposureHasApiKey, serviceTerminatesTls } from './cluster-rules';
import { ClusterReference } from './cluster-reference';
import { CLUSTER_SITE_WARNINGS, warnKeyInClearText } from './cluster-warnings';

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
  /**
   * The certificate for `host` (a `kubernetes.io/tls` Secret with `tls.crt` and `tls.key`,
   * named `<name>-ingress-tls` unless `SecretSource.existing(name)` names it): the Ingress
   * terminates TLS with it. @default - no TLS at the ingress
   */
  readonly tlsCertificate?: SecretSource;
  /**
   * Name of an existing Secret with the certificate for `host`.
   * @deprecated use `tlsCertificate: SecretSource.existing(name)`, which also lists it under "Secrets to provide"
   * @default - no TLS at the ingress
   */
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

/** The Ingress and the objects its certificate needs (none for an existing Secret). */
export interface ExposedIngress {
  readonly ingress: ApiObject;
  readonly certificateObjects: readonly ApiObject[];
}

export function exposeWithIngress(cluster: ClusterReference, id: string, o: ExtraIngressOptions): ExposedIngress {
  checkObject(cluster, `exposeWithIngress(${id})`, o, 'options');
  const prop = `exposeWithIngress(${id})`;
  check(cluster, `${prop}.name`, o.name, dns1123Subdomain);
  check(cluster, `${prop}.host`, o.host, dns1123Subdomain);
  checkOptional(cluster, `${prop}.ingressClassName`, o.ingressClassName, dns1123Subdomain);
  checkOptional(cluster, `${prop}.tlsSecretName`, o.tlsSecretName, dns1123Subdomain);
  if (o.tlsSecretName !== undefined && o.tlsCertificate !== undefined) {
    fail(cluster, `${prop}.tlsSecretName`, o.tlsSecretName, 'leave it unset when tlsCertificate is given (tlsSecretName is the older spelling of tlsCertificate: SecretSource.existing(name))');
  }
  checkStringMap(cluster, `${prop}.annotations`, o.annotations, qualifiedName);
  checkExposureHasApiKey(cluster, prop, `host ${o.host}`, cluster.hasApiKey);
  const certificate = o.tlsCertificate ?? (o.tlsSecretName === undefined ? undefined : SecretSource.existing(o.tlsSecretName));
  warnKeyInClearText(cluster, `${prop} host ${o.host}`, certificate !== undefined, 'or tlsCertificate on the Ingress');
  const bound = certificate && bindSecretSource(certificate, cluster, `${id}-certificate`, `${prop}.tlsCertificate`,
    tlsSecretRequest({ name: `${o.name}-ingress-tls`, namespace: cluster.namespace, purpose: `certificate of Ingress ${o.name} (host ${o.host})` }));
  const ingress = new k8s.KubeIngress(cluster, id, {
    metadata: { name: o.name, namespace: cluster.namespace, labels: { ...cluster.labels }, annotations: ingressAnnotations(cluster, prop, o) },
    spec: {
      ingressClassName: o.ingressClassName,
      tls: bound ? [{ hosts: [o.host], secretName: bound.name }] : undefined,
      rules: [{
        host: o.host,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: cluster.serviceName, port: { number: QDRANT_HTTP_PORT } } } }] },
      }],
    },
  });
  return { ingress, certificateObjects: bound?.objects ?? [] };
}

/**
 * Annotations that make the common controllers talk HTTPS to a database serving TLS
 * (it serves nothing else on 6333), by IngressClass name. The user's own annotations win.
 */
const BACKEND_HTTPS: ReadonlyArray<{ readonly controller: RegExp; readonly annotations: Readonly<Record<string, string>> }> = [
  { controller: /nginx/, annotations: { 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS' } },
  // HAProxy Technologies' controller reads haproxy.org/*, the community HAProxy Ingress haproxy-ingress.github.io/*.
  { controller: /haproxy/, annotations: { 'haproxy.org/server-ssl': 'true', 'haproxy-ingress.github.io/backend-protocol': 'h1-ssl' } },
];

/**
 * The annotations of an Ingress in front of `cluster` (one of `exposeWithIngress`, or the
 * one the operator makes from `spec.ingress`): for a cluster serving TLS, the known
 * controller's backend annotations under the user's, or a warning when no controller is known.
 */
export function ingressAnnotations(cluster: ClusterReference, prop: string, o: Pick<ExtraIngressOptions, 'ingressClassName' | 'annotations'>): Record<string, string> | undefined {
  if (!cluster.hasTls) return o.annotations;
  const known = BACKEND_HTTPS.find((b) => b.controller.test(o.ingressClassName ?? ''));
  const userSetsIt = Object.keys(o.annotations ?? {}).some((k) => BACKEND_HTTPS.some((b) => k in b.annotations) || /backend-protocol|servers?-?scheme|server-ssl/i.test(k));
  if (!known && !userSetsIt) {
    warnRule(cluster, CLUSTER_SITE_WARNINGS.ingressBackendProtocol, `${prop}: cluster ${cluster.clusterId} serves TLS, so the Ingress controller must talk HTTPS to it; ` +
      `${o.ingressClassName === undefined ? 'without ingressClassName' : `for ingressClassName "${o.ingressClassName}"`} the library knows no annotation for that: ` +
      'set an ingressClassName naming nginx or haproxy, or add your controller\'s annotation (ingress-nginx: nginx.ingress.kubernetes.io/backend-protocol: HTTPS)');
  }
  return known ? { ...known.annotations, ...o.annotations } : o.annotations;
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
