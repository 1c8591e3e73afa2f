/** Argo CD reads repository CAs from its `argocd-tls-certs-cm`, keyed by host; this is the entry to merge there. */
export function argoCdTlsCertsPatch(argoCdNamespace: string, host: string, pem: string): string {
  const body = pem.trim().split('\n').map((l) => `    ${l}`).join('\n');
  return [
    '# Merge this entry into Argo CD\'s argocd-tls-certs-cm (it is shared by all repositories, so this',
    '# folder does not own it): Argo CD then trusts the mirror\'s private CA.',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: argocd-tls-certs-cm',
    `  namespace: ${argoCdNamespace}`,
    'data:',
    `  ${host.replace(/:\d+$/, '')}: |`,
    body,
    '',
  ].join('\n');
}
