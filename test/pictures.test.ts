import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { showcaseApp } from '../examples/showcase';
import { mermaidBlocks, parseFlowchart, ParsedFlowchart } from './support/mermaid';

/** Edges as `from -> to (label)`, for readable assertions. */
const edgeList = (d: ParsedFlowchart) => d.edges.map((e) => `${e.from} ${e.dotted ? '-.->' : '-->'} ${e.to}${e.label ? ` (${e.label})` : ''}`);
const nodeWith = (d: ParsedFlowchart, text: string) => [...d.nodes].filter(([, n]) => n.label.includes(text));

describe('pictures of the showcase output', () => {
  // GIVEN the showcase synthesised once
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-pictures-')), 'dist');
  showcaseApp({ outdir }).synth();
  const folders = fs.readdirSync(outdir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const diagramOf = (file: string) => {
    const blocks = mermaidBlocks(fs.readFileSync(path.join(outdir, file), 'utf8'));
    expect(blocks).toHaveLength(1);
    return parseFlowchart(blocks[0]);
  };
  const objectsOf = (folder: string) => {
    const file = path.join(outdir, folder, 'manifests.k8s.yaml');
    return fs.existsSync(file) ? parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()) : [];
  };
  afterAll(() => fs.rmSync(path.dirname(outdir), { recursive: true, force: true }));

  test('every folder README and the fleet README hold one Mermaid flowchart that passes the structural check', () => {
    // WHEN each diagram is read back THEN it parses and draws every object of its folder but the OCIRepositories (drawn as their release's chart)
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) {
      const d = diagramOf(path.join(folder, 'README.md'));
      const drawn = objectsOf(folder).filter((o) => o.kind !== 'OCIRepository');
      for (const o of drawn) expect(nodeWith(d, `${o.kind === 'SealedSecret' || o.kind === 'ExternalSecret' ? 'Secret' : o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`).length).toBeGreaterThan(0);
    }
    expect(diagramOf('README.md').nodes.size).toBe(folders.length);
  });

  test('the Argo CD operator folders show waves in order, secret origins, image source, cluster size and exposure', () => {
    // WHEN
    const stack = diagramOf('private-cloud-argocd/README.md');
    const d = diagramOf('private-cloud-argocd-clusters/README.md');
    const edges = edgeList(d);
    // THEN the stack's waves are subgraphs chained in order: the remote prerequisites, CRDs, operator, remote clusters
    expect(edgeList(stack)).toEqual(expect.arrayContaining(['wave_0 -.-> wave_1 (then)', 'wave_1 -.-> wave_2 (then)', 'wave_2 -.-> wave_3 (then)']));
    expect(stack.nodes.get('Application_dc1_prerequisites')?.group).toBe('wave_0');
    expect(fs.readFileSync(path.join(outdir, 'private-cloud-argocd', 'README.md'), 'utf8')).toContain('- Applied in Kubernetes cluster **in-cluster**, where Argo CD runs; its Applications install the stack into **us-east**.');
    expect(fs.readFileSync(path.join(outdir, 'private-cloud-argocd-clusters', 'README.md'), 'utf8')).toContain('- Installs into Kubernetes cluster **us-east**, through Argo CD.');
    expect(stack.nodes.get('Application_argocd_dc1_qdrant_private_cloud_crds')?.group).toBe('wave_1');
    expect(stack.nodes.get('Application_argocd_dc1_qdrant_private_cloud')?.group).toBe('wave_2');
    expect(stack.nodes.get('Application_dc1_clusters')?.label).toContain('applies dist/private-cloud-argocd-clusters<br/>into us-east');
    expect(edgeList(stack)).toContain('images_registry_cloud_qdrant_io --> Application_argocd_dc1_qdrant_private_cloud (images)');
    expect(diagramOf('private-cloud-argocd-prerequisites/README.md').nodes.get('Namespace_qdrant_private_cloud')?.group).toBe('wave_0');
    // AND every Secret has its origin: ESO store, Sealed Secrets, or out of band
    expect(edges).toEqual(expect.arrayContaining([
      'store_ClusterSecretStore_vault_backend --> Secret_search_prod_qdrant_3f6d0a52_8c1e_4b7a_9d2f_61e0c5b4a387_api_key (ExternalSecret)',
      'origin_sealed_secrets --> Secret_search_prod_qdrant_registry_creds (SealedSecret)',
      'origin_out_of_band --> Secret_search_prod_search_prod_qdrant_tls (created out of band)',
      'wave_0 -.-> wave_3 (then)',
    ]));
    // AND the cluster with its size and version, exposed by a LoadBalancer open to two ranges and a NetworkPolicy for search-api
    const cluster = objectsOf('private-cloud-argocd-clusters').find((o) => o.kind === 'QdrantCluster');
    const [[clusterId, clusterNode]] = nodeWith(d, `QdrantCluster search-prod/${cluster.metadata.name}`);
    expect(clusterNode.label).toContain(`${cluster.spec.size} nodes, Qdrant ${cluster.spec.version}`);
    expect(clusterNode.group).toBe('wave_3');
    expect(edges).toEqual(expect.arrayContaining([
      `Service_search_prod_qdrant_search_prod_lb --> ${clusterId} (exposes)`,
      'peer_clients_from_10_20_0_0_16_192_168_100_0_24 --> Service_search_prod_qdrant_search_prod_lb (may connect)',
      'peer_pods_in_namespace_search_api --> NetworkPolicy_search_prod_qdrant_search_prod_from_api (may connect)',
    ]));
  });

  test('Flux folders show the order as dependsOn edges and the mirror as the image source', () => {
    // WHEN
    const operator = edgeList(diagramOf('private-cloud-flux/README.md'));
    const airGapped = edgeList(diagramOf('air-gapped-region/README.md'));
    const bootstrap = edgeList(diagramOf('flux-onprem/README.md'));
    // THEN
    expect(operator).toContain('HelmRelease_qdrant_qdrant_private_cloud -.-> HelmRelease_qdrant_qdrant_private_cloud_crds (dependsOn)');
    expect(airGapped).toContain('images_harbor_corp_example_8443 --> HelmRelease_qdrant_onprem_qdrant_cloud_agent (images)');
    expect(diagramOf('private-cloud-flux-entry/README.md').edges.map((e) => `${e.from} -> ${e.to}`)).toEqual(['Kustomization_qdrant_clusters -> Kustomization_qdrant_stack']);
    expect(bootstrap).toEqual([]);
  });

  test('the fleet README groups folders by Kubernetes cluster and totals the Qdrant clusters', () => {
    // WHEN
    const readme = fs.readFileSync(path.join(outdir, 'README.md'), 'utf8');
    const d = diagramOf('README.md');
    // THEN one group per Kubernetes cluster, each folder in its own
    expect([...d.groups.values()].sort()).toEqual(['default (Flux)', 'eu-central (Flux)', 'in-cluster (Argo CD)', 'onprem (Flux)', 'us-east (Argo CD)', 'us-west (Argo CD)']);
    expect(d.nodes.get('folder_hybrid_region_flux')?.group).toBe(d.nodes.get('folder_flux_eu_central')?.group);
    expect(edgeList(d)).toEqual(expect.arrayContaining([
      'folder_flux_onprem --> folder_air_gapped_region (Kustomization qdrant-onprem-stack)',
      'folder_private_cloud_flux_entry --> folder_private_cloud_flux_clusters (Kustomization qdrant-clusters)',
      'folder_argocd_bootstrap --> folder_private_cloud_argocd (Application dc1-stack)',
      'folder_private_cloud_argocd --> folder_private_cloud_argocd_clusters (Application dc1-clusters)',
    ]));
    // AND the totals row adds up the QdrantCluster objects of every folder: size x per-node resources
    const clusters = folders.flatMap(objectsOf).filter((o) => o.kind === 'QdrantCluster');
    const gi = (q: string) => Number(q.replace(/Gi$/, ''));
    const cpu = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q));
    const sum = (f: (c: any) => number) => clusters.reduce((t, c) => t + c.spec.size * f(c), 0);
    expect(clusters.length).toBeGreaterThan(1);
    expect(readme).toContain(`| **Total** |  |  |  |  | **${sum(() => 1)}** | **${sum((c) => cpu(c.spec.resources.cpu))}** | **${sum((c) => gi(c.spec.resources.memory))} Gi** | **${sum((c) => gi(c.spec.resources.storage))} Gi** |`);
  });
});
