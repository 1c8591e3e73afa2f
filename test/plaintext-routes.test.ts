import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArgoCdDelivery, ImageMirror, QdrantApp, QdrantClusterProps, QdrantConfigError, SecretSource } from '../src';
import { leaksIn, PLANTED_ACCESS_KEY, PLANTED_SECRET } from './support/markers';
import { clusterProps, hybridRegion, privateCloudOperator } from './support/stacks';

// Each route by which a credential could reach git or a CI log without the plaintext
// opt-in. The route must be refused with the library error naming the prop and the
// tool to use; the planted secret must appear in no message, stderr line or file.

const cluster = (app: QdrantApp, props: Partial<QdrantClusterProps>) => privateCloudOperator(app).addCluster('c', clusterProps(props));
const key = PLANTED_ACCESS_KEY;
const secret = PLANTED_SECRET;

const routes: Array<[string, (app: QdrantApp) => unknown, string, RegExp]> = [
  // Names where the credential word is not the last one, plurals, containers and short words (sixth review).
  ['a client secret', (a) => privateCloudOperator(a, { extraValues: { oidc: { clientSecret: secret } } }), 'extraValues.oidc.clientSecret', /SecretSource/],
  ['a credential word inside a longer key', (a) => privateCloudOperator(a, { extraValues: { db: { passwordValue: secret } } }), 'extraValues.db.passwordValue', /SecretSource/],
  ['a plural credential key', (a) => privateCloudOperator(a, { extraValues: { auth: { apiKeys: [secret] } } }), 'extraValues.auth.apiKeys[0]', /SecretSource/],
  ['a leaf under a credential container', (a) => hybridRegion(a, { agentValues: { tokens: { primary: secret } } }), 'agentValues.tokens.primary', /SecretSource/],
  ['a short credential word', (a) => privateCloudOperator(a, { extraValues: { db: { pwd: secret } } }), 'extraValues.db.pwd', /SecretSource/],
  ['an AWS secret access key starting with "/"', (a) => privateCloudOperator(a, { extraValues: { s3: { secretAccessKey: `/${secret}/K7MDENG` } } }), 'extraValues.s3.secretAccessKey', /SecretSource/],
  ['a mount password', (a) => privateCloudOperator(a, { extraValues: { smb: { mountPassword: secret } } }), 'extraValues.smb.mountPassword', /SecretSource/],
  ['a credential-named annotation', (a) => privateCloudOperator(a, { extraValues: { operator: { podAnnotations: { password: secret } } } }), 'extraValues.operator.podAnnotations.password', /SecretSource/],
  ['an env name with the credential word first', (a) => cluster(a, { statefulSet: { extraEnv: [{ name: 'SECRET_KEY_BASE', value: secret }] } }), 'statefulSet.extraEnv[0].value', /secretKeyRef/],
  ['a token as an External Secrets remote key', (a) => hybridRegion(a, { cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'v', refs: { 'access-key': { key: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' } } }) }),
    'cloudAccessKey.refs.access-key.key', /where the value lives in the store, not the value/],
  ['a GitHub token under a harmless key', (a) => privateCloudOperator(a, { extraValues: { sync: { remote: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' } } }), 'extraValues.sync.remote', /SecretSource/],
  ['a JWT in an annotation', (a) => cluster(a, { statefulSet: { annotations: { session: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl' } } }), 'statefulSet.annotations.session', /credential/],
  ['a password in a connection string', (a) => privateCloudOperator(a, { extraValues: { db: { connection: 'Server=db;User Id=qdrant;Password=hunter2hunter2' } } }), 'extraValues.db.connection', /SecretSource/],
  ['a token in a URL query', (a) => privateCloudOperator(a, { extraValues: { hook: { target: 'https://hooks.example.com/x?token=abcdef123456' } } }), 'extraValues.hook.target', /SecretSource/],
  ['an access key in agentValues', (a) => hybridRegion(a, { agentValues: { config: { accessKey: key } } }), 'agentValues.config.accessKey', /SecretSource/],
  ['a password-named leaf in extraValues', (a) => privateCloudOperator(a, { extraValues: { db: { password: secret } } }), 'extraValues.db.password', /SecretSource/],
  ['a token in extraSettings', (a) => privateCloudOperator(a, { extraSettings: { sync: { token: secret } } }), 'extraSettings.sync.token', /SecretSource/],
  ['an access key in a list inside agentValues', (a) => hybridRegion(a, { agentValues: { env: [{ name: 'X', value: key }] } }), 'agentValues.env[0].value', /SecretSource/],
  ['an API key as a literal env value', (a) => cluster(a, { statefulSet: { extraEnv: [{ name: 'QDRANT__SERVICE__API_KEY', value: secret }] } }), 'statefulSet.extraEnv[0].value', /valueFrom.secretKeyRef/],
  ['an access key in any env value', (a) => cluster(a, { statefulSet: { extraEnv: [{ name: 'NOTE', value: key }] } }), 'statefulSet.extraEnv[0].value', /valueFrom.secretKeyRef/],
  ['userinfo in the HTTPS proxy URL', (a) => hybridRegion(a, { environment: { httpsProxyUrl: `http://user:${secret}@proxy:3128` } }), 'environment.httpsProxyUrl', /without "user:password@"/],
  ['userinfo in the server URL', (a) => hybridRegion(a, { serverUrl: `https://u:${secret}@cloud.qdrant.io` }), 'serverUrl', /without "user:password@"/],
  ['userinfo in the Argo CD destination', (a) => hybridRegion(a, { delivery: new ArgoCdDelivery({ destinationServer: `https://u:${secret}@k8s:6443` }) }), 'delivery.destinationServer', /without "user:password@"/],
  ['an access key in a pod annotation', (a) => cluster(a, { statefulSet: { podAnnotations: { note: key } } }), 'statefulSet.podAnnotations.note', /not a credential/],
  ['an access key as a pause reason', (a) => cluster(a, { pauses: [{ owner: 'me', reason: key }] }), 'pauses[0].reason', /not a credential/],
  ['an access key as the registry user name', (a) => hybridRegion(a, { registryUsername: key }), 'registryUsername', /registryCredentials/],
  ['a token in the Argo CD output repository URL', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: `https://git:${secret}@git.example.com/x.git` } }) }),
    'delivery.gitRepository.url', /repository Secret/],
  ['a token as the user of an HTTPS output repository URL', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: `https://${secret}@github.com/org/x.git` } }) }),
    'delivery.gitRepository.url', /repository Secret/],
  ['a password in an scp-like output repository URL', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: `git:${secret}@git.example.com:org/x.git` } }) }),
    'delivery.gitRepository.url', /repository Secret/],
  ['a password in an ssh:// output repository URL', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: `ssh://git:${secret}@git.example.com/org/x.git` } }) }),
    'delivery.gitRepository.url', /repository Secret/],
  ['a secret env var in extraValues', (a) => privateCloudOperator(a, { extraValues: { operator: { env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: secret }] } } }),
    'extraValues.operator.env[0].value', /valueFrom.secretKeyRef/],
  ['a token env var in agentValues', (a) => hybridRegion(a, { agentValues: { extraEnv: [{ name: 'API_TOKEN', value: secret }] } }), 'agentValues.extraEnv[0].value', /valueFrom.secretKeyRef/],
  ['a KEY env var in extraSettings', (a) => privateCloudOperator(a, { extraSettings: { sidecar: { env: [{ name: 'S3_KEY', value: secret }] } } }), 'extraSettings.sidecar.env[0].value', /valueFrom.secretKeyRef/],
  ['a secret env var given as a number', (a) => hybridRegion(a, { agentValues: { extraEnv: [{ name: 'DB_PASSWORD', value: 987654321 }] } }), 'agentValues.extraEnv[0].value', /valueFrom.secretKeyRef/],
  ['a password in the CSI attributes of an extra volume', (a) => privateCloudOperator(a, { crdChartVersion: 'v1.37.6' }).addCluster('c', clusterProps({
    storage: { additionalVolumes: [{ name: 'share', csi: { driver: 'smb.csi.k8s.io', volumeAttributes: { source: '//nas/share', password: secret } } }] },
  })), 'storage.additionalVolumes[0].csi.volumeAttributes.password', /SecretSource/],
  ['a number under a credential-named key', (a) => hybridRegion(a, { agentValues: { config: { proxyPassword: 987654321 } } }), 'agentValues.config.proxyPassword', /SecretSource/],
];

// Values that look close to a route but hold no credential: accepted.
const notCredentials: Array<[string, (app: QdrantApp) => unknown]> = [
  ['an scp-like output repository URL (git@host:path)', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: 'git@github.com:org/gitops.git' } }) })],
  ['an ssh:// output repository URL with a user and no password', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: 'ssh://git@git.example.com/org/gitops.git' } }) })],
  ['an HTTPS output repository URL', (a) => privateCloudOperator(a, { delivery: new ArgoCdDelivery({ gitRepository: { url: 'https://git.example.com/org/gitops.git', revision: 'main' } }) })],
  ['an env var read from a Secret in Helm values', (a) => hybridRegion(a, { agentValues: { extraEnv: [{ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'token' } } }] } })],
  ['an env var with a harmless name in Helm values', (a) => privateCloudOperator(a, { extraValues: { operator: { env: [{ name: 'LOG_FORMAT', value: 'json' }] } } })],
  ['null and empty values under credential-named keys', (a) => hybridRegion(a, { agentValues: { config: { proxyPassword: null, token: '' }, extraEnv: [{ name: 'API_TOKEN', value: '' }] } })],
  ['a number under a reference-named key', (a) => privateCloudOperator(a, { extraValues: { operator: { tokenRefreshEnabled: true, existingSecret: 'creds' } } })],
  ['a switch under a credential-named key (a boolean holds no credential)', (a) => privateCloudOperator(a, { extraValues: { auth: { token: true }, credentials: { useSecret: true } } })],
  ['keys of a Secret and settings named after credentials', (a) => privateCloudOperator(a, {
    extraValues: { auth: { existingSecret: 'db', passwordKey: 'password', tokenKey: 'token', usePasswordFiles: true, tokenRefreshInterval: '1h' }, oidc: { tokenEndpoint: 'https://idp.example.com/token' }, imagePullSecrets: [{ name: 'regcred' }] },
  })],
  ['common chart values about credentials that hold none (seventh review)', (a) => privateCloudOperator(a, {
    extraValues: {
      credentials: { useSecret: true, existingSecret: 'cloud-credentials', region: 'eu-west-1' },
      passwordUpdateJob: { enabled: true, backoffLimit: 10, resources: { limits: { cpu: '100m' } } },
      secrets: { labels: { team: 'search' } },
      tls: { passwordsSecret: 'kafka-jks', passwordsSecretKeystoreKey: 'keystore-password' },
      minio: { auth: { rootUserSecretKey: 'root-user', rootPasswordSecretKey: 'root-password' } },
      s3: { secretAccessKeySecret: 's3-creds' },
      extraVolumes: [{ name: 'token', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3600, path: 'token' } }] } }],
      podAnnotations: { 'checksum/secret': 'a'.repeat(64), 'nginx.ingress.kubernetes.io/auth-secret': 'basic-auth', 'vault.hashicorp.com/agent-inject-secret-app': 'secret/data/App/Prod' },
      env: [{ name: 'CACHE_KEY_PREFIX', value: 'qdrant' }, { name: 'PASSWORD_HASH_ALGORITHM', value: 'bcrypt' }, { name: 'TOKEN_REFRESH_SECONDS', value: '300' },
        { name: 'USE_PASSWORD_AUTH', value: 'false' }, { name: 'TOKEN_AUTH', value: 'true' }],
    },
  })],
  ['names of Kubernetes Secrets that end in "Secret"', (a) => privateCloudOperator(a, { extraValues: { tls: { tlsSecret: 'db-cert' }, extraEnvVarsSecret: 'db-env' } })],
  ['Vault agent annotations (free-form keys with "secret" and "token")', (a) => hybridRegion(a, {
    agentValues: { podAnnotations: { 'vault.hashicorp.com/agent-inject-secret-config': 'secret/data/qdrant', 'vault.hashicorp.com/agent-inject-token': 'true' } },
  })],
  ['a credential file path in an env var', (a) => cluster(a, { statefulSet: { extraEnv: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/secrets/key.json' }, { name: 'QDRANT__TLS__KEY', value: '/qdrant/tls/tls.key' }] } })],
  ['env vars whose names only mention a credential', (a) => privateCloudOperator(a, { extraValues: { operator: { env: [{ name: 'TOKEN_AUDIENCE', value: 'sts.amazonaws.com' }, { name: 'API_KEY_HEADER', value: 'api-key' }] } } })],
  ['a mailto: owner annotation', (a) => cluster(a, { statefulSet: { annotations: { owner: 'mailto:search-team@example.com' } } })],
];

// Routes that are refused too, but where the mistake is pasting the secret into the wrong prop.
const wrongProps: Array<[string, (app: QdrantApp) => unknown, string]> = [
  ['the access key as the existing Secret name', (a) => hybridRegion(a, { cloudAccessKey: SecretSource.existing(key) }), 'cloudAccessKey (existing secret name)'],
  ['the access key as its hash', (a) => hybridRegion(a, { accessKeyHash: key }), 'accessKeyHash'],
  ['plaintext given as sealed ciphertext', (a) => hybridRegion(a, { cloudAccessKey: SecretSource.fromSealedSecret({ encryptedData: { 'access-key': `${secret}!` } }) }), 'cloudAccessKey.encryptedData.access-key'],
  ['a plain object where a SecretSource is expected', (a) => hybridRegion(a, { cloudAccessKey: { password: secret } as any }), 'cloudAccessKey'],
  ['a string where a SecretSource is expected', (a) => hybridRegion(a, { cloudAccessKey: secret as any }), 'cloudAccessKey'],
  ['an unknown settings key holding a secret', (a) => privateCloudOperator(a, { settings: { bogus: { password: secret } } as any }), 'settings.bogus'],
  ['an unknown key of a plaintext source', (a) => hybridRegion(a, { cloudAccessKey: SecretSource.plaintextCommittedToGit({ accesskey: secret }) }), 'cloudAccessKey.accesskey'],
  ['an unknown key in a nested cluster setting', (a) => cluster(a, { config: { service: { bogus: secret } } as any }), 'config.service.bogus'],
  ['"user:password@" without a scheme in the mirror registry', (a) => hybridRegion(a, {
    mirror: new ImageMirror({ containerRegistry: `robot:${secret}@harbor.corp:8443/qdrant`, chartRepository: 'oci://harbor.corp:8443/c', pullSecret: SecretSource.existing() }),
  }), 'mirror.containerRegistry'],
  ['a secret given as the Helm values object itself', (a) => privateCloudOperator(a, { extraValues: secret as any }), 'extraValues'],
  ['the secret given as the existing Secret name', (a) => hybridRegion(a, { registryCredentials: SecretSource.existing(secret) }), 'registryCredentials (existing secret name)'],
  ['a raw secret given as the access key hash', (a) => hybridRegion(a, { accessKeyHash: secret }), 'accessKeyHash'],
  ['"user:password@" without a scheme in the proxy URL', (a) => hybridRegion(a, { environment: { httpsProxyUrl: `user:${secret}@proxy:3128` } }), 'environment.httpsProxyUrl'],
];

function errorOf(fn: () => unknown): QdrantConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QdrantConfigError) return e;
    throw e;
  }
  throw new Error('expected a QdrantConfigError');
}

/** Everything an error exposes: its message and its problems as data. */
const exposed = (e: QdrantConfigError) => [e.message, JSON.stringify(e.problems), String(e.stack)];

describe('no plaintext route to git', () => {
  test.each(routes)('%s is refused, pointing at the right tool', (_name, build, prop, tool) => {
    // GIVEN a planted secret in the route, WHEN the construct is built
    const error = errorOf(() => build(new QdrantApp({ outdir: '/nonexistent/never-written' })));
    // THEN the library error names the prop and the tool, and does not print the secret
    expect(error.prop).toBe(prop);
    expect(error.message).toMatch(tool);
    expect(leaksIn(exposed(error))).toEqual([]);
  });
});

describe('near misses are no route', () => {
  test.each(notCredentials)('%s is accepted', (_name, build) => {
    // GIVEN a value that holds no credential, WHEN the construct is built THEN nothing is refused
    expect(() => build(new QdrantApp({ outdir: '/nonexistent/never-written' }))).not.toThrow();
  });

  test('the output repository URL reaches the root Application as given', () => {
    // GIVEN an Argo CD delivery with an scp-like output repository URL
    const app = new QdrantApp({ outdir: '/nonexistent/never-written' });
    privateCloudOperator(app, { namespace: 'q', delivery: new ArgoCdDelivery({ gitRepository: { url: 'git@github.com:org/gitops.git' } }) });
    // WHEN rendered THEN the root Application reads that repository
    const root = app.render().flatMap((f) => f.objects).find((o: any) => o.kind === 'Application' && o.metadata.name === 'q-stack') as any;
    expect(root.spec.source.repoURL).toBe('git@github.com:org/gitops.git');
  });
});

describe('no secret in an error', () => {
  test.each(wrongProps)('%s hides the value', (_name, build, prop) => {
    // GIVEN a secret pasted into the wrong prop, WHEN the construct is built
    const error = errorOf(() => build(new QdrantApp({ outdir: '/nonexistent/never-written' })));
    // THEN the error names the prop and shows <redacted> (or, for an unknown key, only that something was set)
    expect(error.prop).toBe(prop);
    expect(error.message).toMatch(/got "<redacted>"|got \{"password":"<redacted>"\}|got "<set>"/);
    expect(leaksIn(exposed(error))).toEqual([]);
  });
});

describe('what counts as a credential in a message', () => {
  test.each([
    ['user:password@host without a scheme', `user:${secret}@proxy:3128`, true],
    ['a password holding "@"', `user:${secret}@x@proxy:3128`, true],
    ['userinfo with a scheme', `https://git:${secret}@git.example.com/x.git`, true],
    ['an scp-like Git URL (user, no password)', 'git@github.com:org/repo.git', false],
    ['an image digest', 'registry.example.com/qdrant@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', false],
    ['an image tag and digest', 'redis:7@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', false],
    ['a registry with a port', 'harbor.corp:8443/qdrant', false],
    ['the rule text "user:password@"', 'expected a URL without "user:password@": credentials in a URL', false],
  ])('%s', (_name, value, credential) => {
    // GIVEN a value in a free-text prop (a pod annotation), WHEN the cluster is built
    const build = () => cluster(new QdrantApp({ outdir: '/nonexistent/never-written' }), { statefulSet: { podAnnotations: { note: value } } });
    if (credential) {
      // THEN a credential is refused, and neither the message nor the problems show it
      const error = errorOf(build);
      expect(error.prop).toBe('statefulSet.podAnnotations.note');
      expect(error.message).toMatch(/not a credential/);
      expect(leaksIn(exposed(error))).toEqual([]);
    } else {
      // THEN anything else is accepted as text
      expect(build).not.toThrow();
    }
  });
});

describe('the plaintext opt-in', () => {
  test('is the only way the secret reaches the output, and it warns on the console', () => {
    // GIVEN a region whose access key is opted in as plaintext
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plaintext-')), 'dist');
    const app = new QdrantApp({ outdir });
    hybridRegion(app, { cloudAccessKey: SecretSource.plaintextCommittedToGit({ 'access-key': key }) });
    const stderr: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { stderr.push(String(chunk)); return true; });
    // WHEN it is synthesised
    try {
      app.synth();
    } finally {
      write.mockRestore();
    }
    // THEN the manifests hold the key (that is the opt-in), the console names the folder, and no other file or line holds it
    const files = fs.readdirSync(path.join(outdir, 'r')).map((f) => [f, fs.readFileSync(path.join(outdir, 'r', f), 'utf8')] as const);
    expect(files.filter(([, text]) => text.includes(secret)).map(([f]) => f)).toEqual(['manifests.k8s.yaml']);
    expect(stderr.join('')).toMatch(/\[r\].*committed to git in clear text .*\[rule plaintext-secret-in-git\]/);
    expect(leaksIn(stderr)).toEqual([]);
  });
});
