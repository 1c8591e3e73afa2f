import { execFileSync } from 'child_process';

/** The `.dockerconfigjson` that `kubectl create secret docker-registry` writes, parsed. */
export function kubectlDockerConfig(server: string, username: string, password: string): any {
  const secret = JSON.parse(execFileSync('kubectl', [
    'create', 'secret', 'docker-registry', 'conformance', `--docker-server=${server}`, `--docker-username=${username}`, `--docker-password=${password}`,
    '--dry-run=client', '-o', 'json',
  ], { encoding: 'utf8' }));
  return JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8'));
}
