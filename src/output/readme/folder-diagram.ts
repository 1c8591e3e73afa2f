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
  const picture = new FolderPicture(objects);
  objects.forEach((o) => picture.draw(o));
  outOfBand.forEach((ref) => picture.drawOutOfBandSecret(ref));
  return picture.flowchart();
}

/** A folder's picture as its objects are drawn one by one: nodes (each drawn once), edges and the Argo CD waves seen. */
class FolderPicture {
  private readonly nodes = new Map<string, FlowNode>();
  private readonly edges: FlowEdge[] = [];
  private readonly waves = new Set<number>();
  private readonly clusters: readonly any[];

  constructor(private readonly objects: readonly any[]) {
    this.clusters = objects.filter((o) => o.kind === 'QdrantCluster');
  }

  public draw(o: any): void {
    const group = this.waveOf(o);
    const ns = o.metadata?.namespace;
    const name = o.metadata?.name;
    switch (o.kind) {
      case 'Namespace':
        this.add({ id: mermaidId('Namespace', name), label: [`Namespace ${name}`], group });
        break;
      case 'Secret': case 'SealedSecret': case 'ExternalSecret': {
        const secret = this.add({ id: secretId(ns, name), label: [`Secret ${ns}/${name}`], group });
        const from = secretOrigin(o);
        this.edges.push({ from: this.add(from.node), to: secret, label: from.via });
        break;
      }
      case 'OCIRepository':
        break; // drawn as the chart of its HelmRelease
      case 'HelmRelease': case 'Application':
        this.drawRelease(o, group);
        break;
      case 'Kustomization': {
        const k = this.add({ id: mermaidId(o.kind, name), label: [`Kustomization ${ns}/${name}`, `applies ${appliedPath(o)}`], group });
        for (const d of o.spec?.dependsOn ?? []) this.edges.push({ from: k, to: mermaidId(o.kind, d.name), label: 'dependsOn', dotted: true });
        break;
      }
      case 'QdrantCluster':
        this.add({ id: clusterId(o), label: clusterLabel(o), group });
        break;
      default:
        this.drawOther(o, group);
    }
  }

  /** A Secret the folder expects but does not hold (`namespace/name`). */
  public drawOutOfBandSecret(ref: string): void {
    const [ns, name] = ref.split('/');
    this.edges.push({ from: this.add(ORIGINS.existing), to: this.add({ id: secretId(ns, name), label: [`Secret ${ns}/${name}`] }), label: 'created out of band' });
  }

  /** The flowchart: one group per wave, in order, each wave leading to the next. */
  public flowchart(): Flowchart {
    const ordered = [...this.waves].sort((a, b) => a - b);
    const groups: FlowGroup[] = ordered.map((w) => ({ id: waveGroup(w), label: `Argo CD wave ${w}: ${WAVE_NAMES[w] ?? ''}`.trim() }));
    const edges = [...this.edges];
    ordered.slice(1).forEach((w, i) => edges.push({ from: waveGroup(ordered[i]), to: waveGroup(w), label: 'then', dotted: true }));
    return { direction: 'TD', groups, nodes: [...this.nodes.values()], edges };
  }

  /** A chart release (HelmRelease, Application) with where its images come from, or an Application that applies a folder. */
  private drawRelease(o: any, group: string | undefined): void {
    const ns = o.metadata?.namespace;
    const name = o.metadata?.name;
    if (appliedPath(o) !== undefined) {
      const d = o.spec.destination;
      this.add({ id: mermaidId(o.kind, name), label: [`Application ${ns}/${name}`, `applies ${appliedPath(o)}`, `into ${d.name ?? d.server} namespace ${d.namespace}`], group });
      return;
    }
    const release = this.add({ id: mermaidId(o.kind, ns, name), label: releaseLabel(o, this.objects), group });
    this.edges.push({ from: this.add(imageSource(o)), to: release, label: 'images' });
    for (const d of o.spec?.dependsOn ?? []) this.edges.push({ from: release, to: mermaidId(o.kind, d.namespace ?? ns, d.name), label: 'dependsOn', dotted: true });
  }

  /** Any other object, tied to the Qdrant cluster it serves and to the peers that may connect to it. */
  private drawOther(o: any, group: string | undefined): void {
    const ns = o.metadata?.namespace;
    const id = this.add({ id: mermaidId(o.kind, ns ?? '', o.metadata?.name), label: [`${o.kind} ${ns ? `${ns}/` : ''}${o.metadata?.name}`, ...exposureDetail(o)], group });
    const cluster = this.clusters.find((c) => JSON.stringify(o.spec ?? {}).includes(c.spec.id));
    if (cluster) this.edges.push({ from: id, to: clusterId(cluster), label: ['Service', 'Ingress', 'NetworkPolicy'].includes(o.kind) ? 'exposes' : 'for' });
    for (const peer of peersOf(o)) this.edges.push({ from: this.add(peer), to: id, label: 'may connect' });
  }

  private add(n: FlowNode): string {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
    return n.id;
  }

  /** The wave group of an object that carries an Argo CD sync wave. */
  private waveOf(o: any): string | undefined {
    const wave = o.metadata?.annotations?.[SYNC_WAVE_ANNOTATION];
    if (wave === undefined) return undefined;
    this.waves.add(Number(wave));
    return waveGroup(Number(wave));
  }
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
