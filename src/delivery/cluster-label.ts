/**
 * A Kubernetes cluster's name as users write it (`east`, `us-west`, an API server URL),
 * from the key its delivery gives it (`_kubernetesCluster().key`): `flux [<cluster>]`,
 * `argocd name <name>`, `argocd server <url>`, or `argocd <in-cluster server>`. For keys
 * read back from a previous output's memory, which records the key only; the new output
 * carries the label beside the key.
 */
export function clusterLabelOfKey(key: string | undefined): string {
  const [tool, kind, ...rest] = (key ?? '').split(' ');
  if (kind === undefined) return 'default';
  if (tool === 'argocd' && (kind === 'name' || kind === 'server')) return rest.join(' ');
  return tool === 'argocd' ? 'in-cluster' : [kind, ...rest].join(' ');
}
