import { ArgoCdDelivery, HybridRegion, SecretSource } from '../src';
import { configErrorOf } from './support/errors';
import { ENVIRONMENT_ID, hybridRegion, privateCloudOperator } from './support/stacks';
import { testApp } from './support/synth';

const ENV_A = ENVIRONMENT_ID;
const ENV_B = '1c0a5f3b-6d2e-4f9c-8b7a-4e3d2c1b0a9f';

function region(app: ReturnType<typeof testApp>, id: string, environmentId: string, delivery: ArgoCdDelivery): HybridRegion {
  return hybridRegion(app, {
    environmentId, namespace: id, delivery,
    registryCredentials: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { password: { key: `qdrant/${id}` } } }),
  }, id);
}

const repositorySecrets = (app: ReturnType<typeof testApp>) => app.render().flatMap((f) => f.objects)
  .filter((o) => o.spec?.target?.template?.metadata?.labels?.['argocd.argoproj.io/secret-type'] === 'repository');

describe('Argo CD repository credentials: one per URL and project', () => {
  test('two regions with their own robot accounts in one Argo CD project are refused, naming both ways out', () => {
    const app = testApp();
    region(app, 'eu-west', ENV_A, new ArgoCdDelivery());
    const error = configErrorOf(() => region(app, 'us-east', ENV_B, new ArgoCdDelivery()));
    expect(error.constructPath).toBe('us-east');
    expect(error.allowed).toMatch(/a second credential for registry.cloud.qdrant.io\/qdrant-charts in Argo CD project "default" \(the first is eu-west/);
    expect(error.allowed).toMatch(/ArgoCdDelivery\(\{ repositoryCredentials \}\).*ArgoCdDelivery\(\{ project \}\)/);
  });

  test('in different projects each gets a project-scoped repository Secret', () => {
    const app = testApp();
    region(app, 'eu-west', ENV_A, new ArgoCdDelivery({ project: 'eu' }));
    region(app, 'us-east', ENV_B, new ArgoCdDelivery({ project: 'us' }));
    const projects = repositorySecrets(app).map((o) => o.spec.target.template.data.project).sort();
    expect(projects).toEqual(['eu', 'us']);
  });

  test('one shared credential is emitted once, for every stack of the project', () => {
    const app = testApp();
    const shared = SecretSource.fromExternalSecret({ storeName: 'vault', refs: { username: { key: 'qdrant/robot' }, password: { key: 'qdrant/robot' } } });
    region(app, 'eu-west', ENV_A, new ArgoCdDelivery({ repositoryCredentials: shared }));
    privateCloudOperator(app, { namespace: 'dc1', delivery: new ArgoCdDelivery({ repositoryCredentials: shared }) }, 'dc1');
    expect(repositorySecrets(app)).toHaveLength(1);
  });
});
