import {
  ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, ImageMirror, QdrantApp, QdrantClusterProps, QdrantOperator, QdrantOperatorProps, SecretSource,
} from '../../src';
import { judgeName } from '../../src/core/credential-names';
import { redactText } from '../../src/core/credential-shapes';

/**
 * Long values for every validator: each validator is reached the way a user reaches it
 * (a prop of a public construct), plus the credential detectors themselves. The shapes
 * repeat what the patterns anchor on (`:`, `@`, `://`, `eyJ`, PEM headers, `password=`),
 * so a pattern that backtracks shows here. Shared by test/fuzz/long-values.test.ts (the
 * library error or success, short messages) and `npm run bench` (the slowest validator).
 */
export const LONG_SHAPES: Readonly<Record<string, (length: number) => string>> = {
  letters: (n) => 'a'.repeat(n),
  'user:password': (n) => fill('a:', n),
  'at signs': (n) => fill('a@', n),
  schemes: (n) => fill('a://', n),
  'path segments': (n) => `a${fill('/a', n - 2)}!`,
  'token prefixes': (n) => fill('.eyJaaaaaaaaa', n),
  'PEM headers': (n) => fill('-----BEGIN RSA PRIVATE KEY-----\n', n),
  assignments: (n) => fill('password=a1 ', n),
  'glued names': (n) => fill('DBPASSWORD', n),
  base64: (n) => fill('QWdC', n),
  'dotted labels': (n) => `${fill('a-a.', n - 1)}-`,
};

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const newApp = () => new QdrantApp({ outdir: '/nonexistent/never-written' });
const region = (props: Partial<HybridRegionProps>) => new HybridRegion(newApp(), 'r', {
  environmentId: '0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f', accountId: '7c6b5a49-3827-4615-9504-a3b2c1d0e9f8', namespace: 'q',
  agentChartVersion: '1.33.0', delivery: new FluxDelivery(), registryCredentials: SecretSource.existing(), cloudAccessKey: SecretSource.existing(),
  ...props,
});
const operator = (props: Partial<QdrantOperatorProps>) => new QdrantOperator(newApp(), 'o', {
  namespace: 'q', chartVersion: '1.9.6', delivery: new ArgoCdDelivery(), registryCredentials: SecretSource.existing(), ...props,
});
const cluster = (props: Partial<QdrantClusterProps>) => operator({ crdChartVersion: 'v1.37.6' }).addCluster('c', {
  id: 'a7d8d973-0cc5-42de-8d7b-c29d14d24840', customerId: 'x', version: 'v1.16.0', size: 1, resources: { cpu: '1', memory: '1Gi', storage: '1Gi' }, ...props,
});

/** Every validator, by the prop that reaches it. */
export const VALIDATORS: ReadonlyArray<readonly [name: string, run: (value: string) => unknown]> = [
  ['credential shapes (redactText)', (v) => redactText(v)],
  ['name table (judgeName)', (v) => judgeName(v, 'env')],
  ['annotation value', (v) => cluster({ statefulSet: { annotations: { note: v } } })],
  ['annotation key', (v) => cluster({ statefulSet: { annotations: { [v]: 'x' } } })],
  ['label value', (v) => cluster({ statefulSet: { podLabels: { team: v } } })],
  ['env value', (v) => cluster({ statefulSet: { extraEnv: [{ name: 'NOTE', value: v }] } })],
  ['env name', (v) => cluster({ statefulSet: { extraEnv: [{ name: v, value: 'x' }] } })],
  ['extra claim size', (v) => cluster({ storage: { additionalVolumeClaimTemplates: [{ metadata: { name: 'wal' }, spec: { resources: { requests: { storage: v } } } }] } })],
  ['pause reason (free text)', (v) => cluster({ pauses: [{ owner: 'ops', reason: v }] })],
  ['cluster id (uuid)', (v) => cluster({ id: v })],
  ['version', (v) => cluster({ version: v })],
  ['storage (quantity)', (v) => cluster({ resources: { cpu: '1', memory: '1Gi', storage: v } })],
  ['ingress host (DNS subdomain)', (v) => cluster({ apiKey: SecretSource.existing(), ingress: { host: v } })],
  ['source range (CIDR)', (v) => cluster({ service: { type: 'LoadBalancer', loadBalancerSourceRanges: [v] }, apiKey: SecretSource.existing() })],
  ['Helm values leaf', (v) => operator({ extraValues: { operator: { note: v } } })],
  ['Helm values key', (v) => operator({ extraValues: { operator: { [v]: 'x' } } })],
  ['agent values', (v) => region({ agentValues: { config: { note: v } } })],
  ['proxy URL (http URL)', (v) => region({ environment: { httpsProxyUrl: v } })],
  ['registry user name', (v) => region({ registryUsername: v })],
  ['sealed ciphertext', (v) => region({ cloudAccessKey: SecretSource.fromSealedSecret({ encryptedData: { 'access-key': v } }) })],
  ['secret store key', (v) => region({ cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'access-key': { key: v } } }) })],
  ['existing Secret name', (v) => region({ cloudAccessKey: SecretSource.existing(v) })],
  ['Argo CD repository URL', (v) => operator({ delivery: new ArgoCdDelivery({ gitRepository: { url: v } }) })],
  ['mirror registry', (v) => operator({ mirror: new ImageMirror({ containerRegistry: v, chartRepository: 'oci://r.example.com/c', pullSecret: SecretSource.existing() }) })],
  ['mirror chart repository (OCI URL)', (v) => operator({ mirror: new ImageMirror({ containerRegistry: 'r.example.com/q', chartRepository: v, pullSecret: SecretSource.existing() }) })],
];
