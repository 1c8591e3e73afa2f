import { SYNC_WAVE_ANNOTATION } from '../../delivery/argocd-delivery';
import { QDRANT_REGISTRY } from '../../delivery/chart-reference';
import { byCodePoint } from '../../core/values';
import { appliedPath } from '../../delivery/delivery-objects';
import { FlowEdge, Flowchart, FlowGroup, FlowNode, mermaidId } from './mermaid';

/**
 * The picture of one output folder, read from its objects: the namespace, the agent
 * or operator releases and where their charts and images come from, the Qdrant
 * clusters with size and version, where each Secret comes from, who may connect, and
 * the order of application (Argo CD waves as groups, Flux `dependsOn` as dotted edges).
 * `outOfBand` are the Secrets the folder expects but does not hold (`namespace/name`).
 */
export function folderDiagram(objects: readonly any[], outOfBand: readonly string[]): Flowchart {
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const waves = new Set<number>();
  const add = (n: FlowNode) => { if (!nodes.has(n.id)) nodes.set(n.id, n); return n.id; };
  const inWave = (o: any): string | undefined => {
    const wave = o.metadata?.annotations?.[SYNC_WAVE_ANNOTATION];
    if (wave === undefined) return undefined;
    waves.add(Number(wave));
    return waveGroup(Number(wave));
  };
  const clusters = objects.filter((o) => o.kind === 'QdrantCluster');
  const clusterOf = (o: any) => clusters.find((c) => JSON.stringify(o.spec ?? {}).includes(c.spec.id));

  for (const o of objects) {
    const group = inWave(o);
    const ns = o.metadata?.namespace;
    const name = o.metadata?.name;
    switch (o.kind) {
      case 'Namespace':
        add({ id: mermaidId('Namespace', name), label: [`Namespace ${name}`], group });
        break;
      case 'Secret': case 'SealedSecret': case 'ExternalSecret': {
        const secret = add({ id: secretId(ns, name), label: [`Secret ${ns}/${name}`], group });
        const from = secretOrigin(o);
        edges.push({ from: add(from.node), to: secret, label: from.via });
        break;
      }
      case 'OCIRepository':
        break; // drawn as the chart of its HelmRelease
      case 'HelmRelease': case 'Application': {
        if (appliedPath(o) !== undefined) {
          const d = o.spec.destination;
          add({ id: mermaidId(o.kind, name), label: [`Application ${ns}/${name}`, `applies ${appliedPath(o)}`, `into ${d.name ?? d.server} namespace ${d.namespace}`], group });
          break;
        }
        const release = add({ id: mermaidId(o.kind, ns, name), label: releaseLabel(o, objects), group });
        edges.push({ from: add(imageSource(o)), to: release, label: 'images' });
        for (const d of o.spec?.dependsOn ?? []) edges.push({ from: release, to: mermaidId(o.kind, d.namespace ?? ns, d.name), label: 'dependsOn', dotted: true });
        break;
      }
      case 'Kustomization': {
        const k = add({ id: mermaidId(o.kind, name), label: [`Kustomization ${ns}/${name}`, `applies ${appliedPath(o)}`], group });
        for (const d of o.spec?.dependsOn ?? []) edges.push({ from: k, to: mermaidId(o.kind, d.name), label: 'dependsOn', dotted: true });
        break;
      }
      case 'QdrantCluster':
        add({ id: clusterId(o), label: clusterLabel(o), group });
        break;
      default: {
        const id = add({ id: mermaidId(o.kind, ns ?? '', name), label: [`${o.kind} ${ns ? `${ns}/` : ''}${name}`, ...exposureDetail(o)], group });
        const cluster = clusterOf(o);
        if (cluster) edges.push({ from: id, to: clusterId(cluster), label: ['Service', 'Ingress', 'NetworkPolicy'].includes(o.kind) ? 'exposes' : 'for' });
        for (const peer of peersOf(o)) edges.push({ from: add(peer), to: id, label: 'may connect' });
      }
    }
  }
  for (const ref of outOfBand) {
    const [ns, name] = ref.split('/');
    edges.push({ from: add(ORIGINS.existing), to: add({ id: secretId(ns, name), label: [`Secret ${ns}/${name}`] }), label: 'created out of band' });
  }

  const ordered = [...waves].sort((a, b) => a - b);
  const groups: FlowGroup[] = ordered.map((w) => ({ id: waveGroup(w), label: `Argo CD wave ${w}: ${WAVE_NAMES[w] ?? ''}`.trim() }));
  ordered.slice(1).forEach((w, i) => edges.push({ from: waveGroup(ordered[i]), to: waveGroup(w), label: 'then', dotted: true }));
  return { direction: 'TD', groups, nodes: [...nodes.values()], edges };
}

const WAVE_NAMES: Record<number, string> = { 0: 'namespace and secrets', 1: 'CRDs', 2: 'controllers', 3: 'Qdrant clusters' };
const waveGroup = (w: number) => `wave_${w}`;
const secretId = (ns: string, name: string) => mermaidId('Secret', ns, name);
const clusterId = (o: any) => mermaidId('QdrantCluster', o.metadata.namespace, o.metadata.name);

const ORIGINS = {
  sealed: { id: 'origin_sealed_secrets', label: ['Sealed Secrets controller', 'decrypts in the cluster'], shape: 'store' },
  git: { id: 'origin_git', label: ['this folder, in git'], shape: 'store' },
  existing: { id: 'origin_out_of_band', label: ['created out of band'], shape: 'store' },
} as const satisfies Record<string, FlowNode>;

function secretOrigin(o: any): { readonly node: FlowNode; readonly via: string } {
  if (o.kind === 'SealedSecret') return { node: ORIGINS.sealed, via: 'SealedSecret' };
  if (o.kind === 'Secret') return { node: ORIGINS.git, via: 'Secret' };
  const store = o.spec.secretStoreRef;
  return { node: { id: mermaidId('store', store.kind, store.name), label: [`External Secrets ${store.kind} ${store.name}`], shape: 'store' }, via: 'ExternalSecret' };
}

function releaseLabel(o: any, objects: readonly any[]): string[] {
  if (o.kind === 'Application') {
    const s = o.spec.source;
    const d = o.spec.destination;
    return [`Application ${o.metadata.namespace}/${o.metadata.name}`, `chart ${s.repoURL}/${s.chart} ${s.targetRevision}`, `into ${d.name ?? d.server} namespace ${d.namespace}`];
  }
  const source = objects.find((x) => x.kind === 'OCIRepository' && x.metadata.name === o.spec.chartRef?.name && x.metadata.namespace === o.metadata.namespace);
  return [`HelmRelease ${o.metadata.namespace}/${o.metadata.name}`, ...(source ? [`chart ${source.spec.url} ${source.spec.ref.tag}`] : [])];
}

/** The registry of the release's images: the first `image.repository` in its values, else Qdrant's registry (the chart default). */
function imageSource(o: any): FlowNode {
  const values = o.kind === 'Application' ? o.spec.source.helm?.valuesObject : o.spec.values;
  const repositories = imageRepositories(values).sort(byCodePoint);
  const host = repositories.length ? repositories[0].split('/')[0] : QDRANT_REGISTRY;
  return { id: mermaidId('images', host), label: [`images from ${host}`], shape: 'store' };
}

function imageRepositories(values: unknown): string[] {
  if (!values || typeof values !== 'object') return [];
  return Object.entries(values).flatMap(([k, v]) => (k === 'image' && typeof (v as any)?.repository === 'string' ? [(v as any).repository] : imageRepositories(v)));
}

function clusterLabel(o: any): string[] {
  const r = o.spec.resources ?? {};
  const size = o.spec.size ?? 1;
  return [
    `QdrantCluster ${o.metadata.namespace}/${o.metadata.name}`,
    `${size} node${size === 1 ? '' : 's'}, Qdrant ${o.spec.version}`,
    `each ${r.cpu} CPU, ${r.memory} memory, ${r.storage} storage`,
    ...(o.spec.service?.type ? [`Service ${o.spec.service.type}`] : []),
  ];
}

function exposureDetail(o: any): string[] {
  if (o.kind === 'Service') return [`${o.spec.type ?? 'ClusterIP'}, ports ${(o.spec.ports ?? []).map((p: any) => p.port).join(', ')}`];
  if (o.kind === 'Ingress') return [`hosts ${(o.spec.rules ?? []).map((r: any) => r.host).join(', ')}`];
  if (o.kind === 'QdrantClusterScheduledSnapshot') return [`schedule ${o.spec.schedule}, kept ${o.spec.retention}`];
  return [];
}

/** Who the object lets in: a LoadBalancer's source ranges, a NetworkPolicy's peers, an Ingress's clients. */
function peersOf(o: any): FlowNode[] {
  const peer = (text: string): FlowNode => ({ id: mermaidId('peer', text), label: [text], shape: 'peer' });
  if (o.kind === 'Service' && o.spec.type === 'LoadBalancer') {
    const ranges = o.spec.loadBalancerSourceRanges ?? [];
    return [peer(ranges.length ? `clients from ${ranges.join(', ')}` : 'any client')];
  }
  if (o.kind === 'Ingress') return [peer('clients through the ingress controller')];
  if (o.kind !== 'NetworkPolicy') return [];
  return (o.spec.ingress ?? []).flatMap((rule: any) => (rule.from ?? []).map((from: any) => peer(peerText(from))));
}

function peerText(from: any): string {
  if (from.ipBlock) return `addresses ${from.ipBlock.cidr}`;
  const names = from.namespaceSelector?.matchExpressions?.find((e: any) => e.key === 'kubernetes.io/metadata.name')?.values
    ?? [from.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']].filter(Boolean);
  const where = names.length ? `namespace ${names.join(', ')}` : from.namespaceSelector ? 'selected namespaces' : 'this namespace';
  return from.podSelector ? `selected pods in ${where}` : `pods in ${where}`;
}
