import { ArgoCdDelivery, ImageMirror, QdrantClusterProps, SecretSource } from '../../src';
import { judgeName } from '../../src/core/credential-names';
import { redactText } from '../../src/core/credential-shapes';
import { clusterProps, hybridRegion, privateCloudOperator } from '../support/stacks';
import { testApp } from '../support/synth';

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

const cluster = (props: Partial<QdrantClusterProps>) => privateCloudOperator(testApp(), { crdChartVersion: 'v1.37.6' }).addCluster('c', clusterProps(props));

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
  ['Helm values leaf', (v) => privateCloudOperator(testApp(), { extraValues: { operator: { note: v } } })],
  ['Helm values key', (v) => privateCloudOperator(testApp(), { extraValues: { operator: { [v]: 'x' } } })],
  ['agent values', (v) => hybridRegion(testApp(), { agentValues: { config: { note: v } } })],
  ['proxy URL (http URL)', (v) => hybridRegion(testApp(), { environment: { httpsProxyUrl: v } })],
  ['registry user name', (v) => hybridRegion(testApp(), { registryUsername: v })],
  ['sealed ciphertext', (v) => hybridRegion(testApp(), { cloudAccessKey: SecretSource.fromSealedSecret({ encryptedData: { 'access-key': v } }) })],
  ['secret store key', (v) => hybridRegion(testApp(), { cloudAccessKey: SecretSource.fromExternalSecret({ storeName: 'vault', refs: { 'access-key': { key: v } } }) })],
  ['existing Secret name', (v) => hybridRegion(testApp(), { cloudAccessKey: SecretSource.existing(v) })],
  ['Argo CD repository URL', (v) => privateCloudOperator(testApp(), { delivery: new ArgoCdDelivery({ gitRepository: { url: v } }) })],
  ['mirror registry', (v) => privateCloudOperator(testApp(), { mirror: new ImageMirror({ containerRegistry: v, chartRepository: 'oci://r.example.com/c', pullSecret: SecretSource.existing() }) })],
  ['mirror chart repository (OCI URL)', (v) => privateCloudOperator(testApp(), { mirror: new ImageMirror({ containerRegistry: 'r.example.com/q', chartRepository: v, pullSecret: SecretSource.existing() }) })],
];
