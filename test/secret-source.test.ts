import { execFileSync } from 'child_process';
import { Chart } from 'cdk8s';
import { PLAINTEXT_ANNOTATION, SecretSource } from '../src';
import { noticesOf } from '../src/core/notices';
import { dockerConfigSecretRequest, opaqueSecretRequest } from '../src/secrets/secret-request';
import { configErrorOf } from './support/errors';
import { schemaErrors } from './support/schemas';
import { objectsOf, testApp } from './support/synth';
import { sealedCiphertext } from './support/sealed';

const accessKeyRequest = opaqueSecretRequest({ name: 'qdrant-cloud-creds', namespace: 'ns', purpose: 'Qdrant Cloud access key', keys: ['access-key'], fixedName: true });
const pullRequest = dockerConfigSecretRequest({
  name: 'qdrant-registry-creds', namespace: 'ns', purpose: 'registry pull secret', server: 'registry.cloud.qdrant.io', defaultUsername: 'robot$private-region-x', fixedName: false,
});

function bind(source: SecretSource, request = accessKeyRequest) {
  const chart = new Chart(testApp(), 'c');
  const bound = source._bind(chart, 'secret', 'source', request);
  return { bound, objects: objectsOf(chart) };
}

describe('SecretSource.existing', () => {
  test('emits nothing and returns the requested name', () => {
    // WHEN
    const { bound, objects } = bind(SecretSource.existing());
    // THEN
    expect(bound.name).toBe('qdrant-cloud-creds');
    expect(objects).toEqual([]);
  });

  test('refuses another name where consumers read a fixed name', () => {
    expect(() => bind(SecretSource.existing('my-creds'))).toThrow(/\[c\] source \(existing secret name\): got "my-creds"; .*must be named "qdrant-cloud-creds"/);
  });

  test('lists the Secret the user must create in the folder notes', () => {
    const chart = new Chart(testApp(), 'c');
    SecretSource.existing()._bind(chart, 'secret', 'source', accessKeyRequest);
    expect(noticesOf(chart, 'secret')).toEqual(['`ns/qdrant-cloud-creds` (Opaque, keys `access-key`): Qdrant Cloud access key, created out of band']);
  });

  test('accepts another name for a pull secret, which is referenced by name', () => {
    expect(bind(SecretSource.existing('my-pull'), pullRequest).bound.name).toBe('my-pull');
  });
});

/**
 * Evaluates the few Go-template forms the library writes into ESO templates, so a
 * test can check that ESO would render the same Secret as the plaintext path.
 */
function renderEsoTemplate(template: string, values: Record<string, string>): string {
  const operand = (x: string) => {
    const ref = /^\(index \. "([^"]+)"\)$/.exec(x);
    return ref ? values[ref[1]] : JSON.parse(x);
  };
  return template.replace(/\{\{ (.+?) \}\}/g, (_m, expr: string) => {
    let m = /^index \. "([^"]+)"$/.exec(expr);
    if (m) return values[m[1]];
    m = /^(\(index \. "[^"]+"\)) \| toJson$/.exec(expr);
    if (m) return JSON.stringify(operand(m[1]));
    m = /^printf "%s:%s" ((?:\(index \. "[^"]+"\))|"[^"]*") ((?:\(index \. "[^"]+"\))|"[^"]*") \| b64enc$/.exec(expr);
    if (m) return Buffer.from(`${operand(m[1])}:${operand(m[2])}`).toString('base64');
    throw new Error(`unknown template expression: ${expr}`);
  });
}

describe('SecretSource.fromExternalSecret', () => {
  test.each([
    ['user name from the default', { password: 'p"w\\1' }, { password: { key: 'k' } }],
    ['user name from the store', { username: 'robot$other', password: 'pw' }, { username: { key: 'k' }, password: { key: 'k' } }],
  ])('renders on the cluster exactly what the plaintext path writes (%s)', (_name, values, refs) => {
    const eso = bind(SecretSource.fromExternalSecret({ storeName: 'vault', refs }), pullRequest).objects[0];
    const plain = bind(SecretSource.plaintextCommittedToGit(values), pullRequest).objects[0];
    const rendered = renderEsoTemplate(eso.spec.target.template.data['.dockerconfigjson'], values);
    expect(JSON.parse(rendered)).toEqual(JSON.parse(plain.stringData['.dockerconfigjson']));
  });

  test('renders a dockerconfigjson template that yields what kubectl create secret docker-registry writes', () => {
    // WHEN
    const { objects } = bind(SecretSource.fromExternalSecret({ storeName: 'vault', refs: { password: { key: 'k', property: 'p' } } }), pullRequest);
    // THEN
    const [es] = objects;
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.spec.target).toMatchObject({ name: 'qdrant-registry-creds', creationPolicy: 'Owner' });
    expect(es.spec.target.template.type).toBe('kubernetes.io/dockerconfigjson');
    expect(es.spec.data).toEqual([{ secretKey: 'password', remoteRef: { key: 'k', property: 'p' } }]);
    expect(es.spec.target.template.data['.dockerconfigjson']).toBe(
      '{"auths":{"registry.cloud.qdrant.io":{"username":"robot$private-region-x","password":{{ (index . "password") | toJson }},' +
      '"auth":"{{ printf "%s:%s" "robot$private-region-x" (index . "password") | b64enc }}"}}}');
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('takes the user name from the store when a ref is given', () => {
    const { objects } = bind(SecretSource.fromExternalSecret({ storeName: 'vault', storeKind: 'SecretStore', refs: { username: { key: 'k', property: 'u' }, password: { key: 'k', property: 'p' } } }), pullRequest);
    expect(objects[0].spec.secretStoreRef).toEqual({ kind: 'SecretStore', name: 'vault' });
    expect(objects[0].spec.target.template.data['.dockerconfigjson']).toContain('"username":{{ (index . "username") | toJson }}');
  });

  test('names the missing input', () => {
    expect(() => bind(SecretSource.fromExternalSecret({ storeName: 'vault', refs: {} })))
      .toThrow(/\[c\] source.refs.access-key: got nothing; the Qdrant Cloud access key needs "access-key"/);
  });

  test('refuses an unknown input', () => {
    expect(() => bind(SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'access-key': { key: 'a' }, accesskey: { key: 'b' } } })))
      .toThrow(/source.refs.accesskey: .*unknown key for the Qdrant Cloud access key/);
  });

  test('refuses a malformed refresh interval', () => {
    expect(() => bind(SecretSource.fromExternalSecret({ storeName: 'vault', refreshInterval: 'hourly', refs: { 'access-key': { key: 'a' } } })))
      .toThrow(/source.refreshInterval: got "hourly"; expected a duration/);
  });
});

describe('SecretSource.fromSealedSecret', () => {
  const cipher = sealedCiphertext('value');

  test('emits a SealedSecret with the requested type and name', () => {
    const { objects } = bind(SecretSource.fromSealedSecret({ encryptedData: { '.dockerconfigjson': cipher }, scope: 'namespace-wide' }), pullRequest);
    expect(objects[0]).toMatchObject({
      apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret',
      metadata: { name: 'qdrant-registry-creds', namespace: 'ns', annotations: { 'sealedsecrets.bitnami.com/namespace-wide': 'true' } },
      spec: { encryptedData: { '.dockerconfigjson': cipher }, template: { type: 'kubernetes.io/dockerconfigjson' } },
    });
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('tells how to seal it', () => {
    const chart = new Chart(testApp(), 'c');
    SecretSource.fromSealedSecret({ encryptedData: { 'access-key': cipher } })._bind(chart, 'secret', 'source', accessKeyRequest);
    expect(noticesOf(chart, 'secret')).toEqual(['`ns/qdrant-cloud-creds` (Opaque, keys `access-key`): Qdrant Cloud access key, sealed with `kubeseal --namespace ns --name qdrant-cloud-creds`']);
  });

  test('refuses ciphertext for other keys than the secret has', () => {
    expect(() => bind(SecretSource.fromSealedSecret({ encryptedData: { password: cipher } }), pullRequest))
      .toThrow(/source.encryptedData: got \["password"\]; expected ciphertext for exactly the keys ".dockerconfigjson"/);
  });

  test('refuses what looks like a plaintext value', () => {
    expect(() => bind(SecretSource.fromSealedSecret({ encryptedData: { 'access-key': 'uuid|secret' } })))
      .toThrow(/source.encryptedData.access-key: .*expected base64 ciphertext/);
  });

  test('a key that is not a name is shown in brackets, never after a double dot', () => {
    // GIVEN a placeholder where the ciphertext of .dockerconfigjson belongs
    const message = (() => {
      try {
        bind(SecretSource.fromSealedSecret({ encryptedData: { '.dockerconfigjson': 'AgB...' } }), pullRequest);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    // THEN the prop path reads encryptedData[".dockerconfigjson"]
    expect(message).toMatch(/source.encryptedData\[".dockerconfigjson"\]: got "<redacted>"; expected base64 ciphertext/);
    expect(message).not.toContain('encryptedData..');
  });

  test.each([
    ['a plain password', 'hunter2hunter2hunter2'],
    ['a base64-encoded password', Buffer.from('hunter2hunter2hunter2').toString('base64')],
    ['a truncated kubeseal paste', sealedCiphertext('value').slice(0, 400)],
    ['a long base64 blob that is not kubeseal\'s', Buffer.alloc(600, 7).toString('base64')],
  ])('refuses %s, with the kubeseal command to run', (_what, value) => {
    // GIVEN a value kubeseal did not write WHEN bound THEN it is refused, not shown, and the command is named
    const error = configErrorOf(() => bind(SecretSource.fromSealedSecret({ encryptedData: { 'access-key': value } })));
    expect(error.prop).toBe('source.encryptedData.access-key');
    expect(error.message).toContain('| kubeseal --namespace ns --name qdrant-cloud-creds -o yaml');
    expect(error.message).not.toContain(value.slice(0, 12));
  });
});

describe('SecretSource.plaintextCommittedToGit', () => {
  test('marks the Secret so reviewers see plaintext', () => {
    const { bound, objects } = bind(SecretSource.plaintextCommittedToGit({ password: 'pw' }), pullRequest);
    expect(objects[0].metadata.annotations[PLAINTEXT_ANNOTATION]).toMatch(/clear text/);
    expect(JSON.parse(objects[0].stringData['.dockerconfigjson'])).toEqual({
      auths: { 'registry.cloud.qdrant.io': { username: 'robot$private-region-x', password: 'pw', auth: Buffer.from('robot$private-region-x:pw').toString('base64') } },
    });
    expect(bound.plaintextInputs).toEqual({ username: 'robot$private-region-x', password: 'pw' });
    expect(schemaErrors(objects)).toEqual([]);
  });

  test('writes the same docker config as kubectl create secret docker-registry', () => {
    // GIVEN what the install command runs, rendered offline by kubectl
    const kubectl = JSON.parse(execFileSync('kubectl', ['create', 'secret', 'docker-registry', 'qdrant-registry-creds', '--namespace', 'ns',
      '--docker-server=registry.cloud.qdrant.io', '--docker-username=robot$private-region-x', '--docker-password=pw', '--dry-run=client', '-o', 'json'], { encoding: 'utf8' }));
    // WHEN
    const [ours] = bind(SecretSource.plaintextCommittedToGit({ password: 'pw' }), pullRequest).objects;
    // THEN
    expect(ours.type).toBe(kubectl.type);
    expect(ours.stringData['.dockerconfigjson']).toBe(Buffer.from(kubectl.data['.dockerconfigjson'], 'base64').toString());
  });

  test('never echoes a value in an error', () => {
    const error = configErrorOf(() => bind(SecretSource.plaintextCommittedToGit({ 'access-key': 'a', secret: 'top-secret-value' })));
    expect(error.message).not.toContain('top-secret-value');
  });
});
