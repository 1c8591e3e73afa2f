import { dockerConfigSecretRequest, externalSecretSyntax } from '../../src/secrets/secret-request';
import { externalSecretProblems } from './support/external-secrets';
import { runGoHelper } from './support/go-helper';
import { useShowcaseOutput } from './support/output';
import { GO_TOOLS, command, toolsAvailable } from './support/tools';

const KUBECTL = command('kubectl', 'install kubectl from the Kubernetes apt repository', ['version', '--client']);
const describeIfTools = toolsAvailable('External Secrets template rendering', [...GO_TOOLS, KUBECTL]) ? describe : describe.skip;

describeIfTools("ExternalSecret templates rendered by ESO's engine (Go text/template + sprig)", () => {
  const showcase = useShowcaseOutput();
  const objects = () => showcase().objects.map((o) => o.object);
  const externalSecrets = () => objects().filter((o) => o.kind === 'ExternalSecret');

  test('every ExternalSecret of every example renders the Secret its consumers read', () => {
    // GIVEN the showcase's ExternalSecrets, among them a docker config and an Opaque one
    expect(externalSecrets().map((es) => es.spec.target.template?.type)).toEqual(expect.arrayContaining(['kubernetes.io/dockerconfigjson', 'Opaque']));
    // WHEN each renders for tricky fetched values, THEN nothing is lost or corrupted
    expect(externalSecretProblems(externalSecrets(), objects())).toEqual([]);
  }, 300_000);

  test('mutation: a docker config template that pastes the password without toJson fails', () => {
    // GIVEN a copy of an output ExternalSecret whose password is no longer JSON-escaped
    const original = externalSecrets().find((es) => es.spec.target.template?.data?.['.dockerconfigjson']?.includes('| toJson'));
    expect(original).toBeDefined();
    const broken = structuredClone(original);
    const template = broken.spec.target.template.data['.dockerconfigjson'];
    broken.spec.target.template.data['.dockerconfigjson'] = template.replace('{{ (index . "password") | toJson }}', '"{{ index . "password" }}"');
    expect(broken.spec.target.template.data['.dockerconfigjson']).not.toBe(template);
    // THEN the sample with quotes breaks the JSON
    expect(externalSecretProblems([broken], objects())).toEqual([expect.stringMatching(/\.dockerconfigjson is not JSON/)]);
  }, 300_000);

  test('mutation: an Opaque Secret with a key its consumer does not read fails', () => {
    // GIVEN a copy of an output ExternalSecret read through secretKeyRef, with an extra key
    const original = externalSecrets().find((es) => es.spec.target.template?.type === 'Opaque' && !es.metadata.labels);
    expect(original).toBeDefined();
    const broken = structuredClone(original);
    broken.spec.target.template.data.extra = 'x';
    // THEN each sample reports the unread key
    const unread = expect.stringMatching(/keys \["extra"\] are not read by the /);
    expect(externalSecretProblems([broken], objects())).toEqual([unread, unread]);
  }, 300_000);

  test('mutation: an Opaque Secret without the key its consumer reads fails', () => {
    // GIVEN a copy of an output ExternalSecret whose template lost its keys
    const original = externalSecrets().find((es) => es.spec.target.template?.type === 'Opaque' && !es.metadata.labels);
    const broken = structuredClone(original);
    broken.spec.target.template.data = { renamed: '{{ "x" }}' };
    // THEN each sample reports the missing key
    const missing = expect.stringMatching(/keys \[".+"\] are missing; the .+ needs them/);
    const unread = expect.stringMatching(/keys \["renamed"\] are not read by the /);
    expect(externalSecretProblems([broken], objects())).toEqual([missing, unread, missing, unread]);
  }, 300_000);

  test('a literal user name with template delimiters and control characters stays text', () => {
    // GIVEN a default user name that would read the password if ESO executed it, and the password fetched from the store
    const hostile = '{{ index . "password" }}\u0001\n}}"\\';
    const request = dockerConfigSecretRequest({ name: 'pull', namespace: 'q', purpose: 'test', server: 'r.example.com', defaultUsername: hostile, fixedName: false });
    const syntax = externalSecretSyntax(new Set(['password']), { username: hostile });
    const templates = { ...request.render(syntax), username: syntax.value('username') };
    // WHEN ESO's engine renders the templates
    const [result] = runGoHelper<Array<{ rendered: Record<string, string>; errors: Record<string, string> }>>('render', [{ templates, data: { password: 'fetched-password' } }]);
    // THEN the user name is written literally, in the docker config and as a plain key, and the password only where it belongs
    expect(result.errors).toEqual({});
    const entry = JSON.parse(result.rendered['.dockerconfigjson']).auths['r.example.com'];
    expect([entry.username, entry.password, result.rendered.username]).toEqual([hostile, 'fetched-password', hostile]);
    expect(Buffer.from(entry.auth, 'base64').toString('utf8')).toBe(`${hostile}:fetched-password`);
  }, 300_000);
});
