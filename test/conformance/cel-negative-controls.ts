/**
 * Hand-made wrong custom resources, one per CEL rule of ../shared/crds: each must break
 * exactly the rule it names and no other. The test requires every rule to be broken by
 * some control, so a rule that the evaluator never reaches (wrong position, presence or
 * defaulting) fails the suite instead of passing silently.
 */
export interface NegativeControl {
  readonly name: string;
  readonly kinds: readonly string[];
  readonly spec: object;
  /** Schema path of the node carrying the rule. */
  readonly at: string;
  readonly rule: string;
}

const chart = { chart: { spec: { chart: 'qdrant', sourceRef: { kind: 'HelmRepository', name: 'qdrant' } } }, interval: '10m' };
const EITHER_CHART = '(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))';
const INSTALL_RETRY = "!has(self.retryInterval) || self.name != 'RemediateOnFailure'";
const UPGRADE_RETRY = "!has(self.retryInterval) || self.name == 'RetryOnFailure'";
const KUBECONFIG_ONE = 'has(self.configMapRef) || has(self.secretRef)';
const KUBECONFIG_NOT_BOTH = '!has(self.configMapRef) || !has(self.secretRef)';

/** Wrong `spec.kubeConfig`s; HelmRelease and Kustomization share the rules. */
const kubeConfigs = [
  { name: 'kubeConfig without a reference', kubeConfig: {}, rule: KUBECONFIG_ONE },
  { name: 'kubeConfig with both references', kubeConfig: { configMapRef: { name: 'a' }, secretRef: { name: 'b' } }, rule: KUBECONFIG_NOT_BOTH },
];

/** HelmRelease spec fragments; QdrantCloudRegion embeds the same HelmRelease schema. */
const helmReleaseSpecs = [
  { name: 'chart and chartRef both set', spec: { ...chart, chartRef: { kind: 'OCIRepository', name: 'qdrant' } }, at: '', rule: EITHER_CHART },
  { name: 'install retryInterval with RemediateOnFailure', spec: { ...chart, install: { strategy: { name: 'RemediateOnFailure', retryInterval: '1m' } } }, at: '.install.strategy', rule: INSTALL_RETRY },
  { name: 'upgrade retryInterval without RetryOnFailure', spec: { ...chart, upgrade: { strategy: { name: 'RemediateOnFailure', retryInterval: '1m' } } }, at: '.upgrade.strategy', rule: UPGRADE_RETRY },
  ...kubeConfigs.map(({ name, kubeConfig, rule }) => ({ name, spec: { ...chart, kubeConfig }, at: '.kubeConfig', rule })),
];

const kustomization = { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo' } };
const secretStores = ['SecretStore', 'ClusterSecretStore'];
const ref = { name: 'creds', key: 'token' };
const providers: Array<[string, object, string, string]> = [
  ['AWS session tags with a reserved key', { aws: { service: 'SecretsManager', region: 'eu-west-1', customSessionTags: { esoNamespace: 'x' } } }, '.aws.customSessionTags',
    "!('esoNamespace' in self) && !('esoStoreName' in self) && !('esoStoreKind' in self)"],
  ['CRD provider without auth', { crd: {} }, '.crd', 'has(self.auth) || has(self.authRef)'],
  ['CRD provider with auth and authRef', { crd: { auth: {}, authRef: {} } }, '.crd', '[has(self.auth),has(self.authRef)].filter(x,x==true).size() <= 1'],
  ['Doppler auth without secretRef or oidcConfig', { doppler: { auth: {} } }, '.doppler.auth',
    "(has(self.secretRef) && !has(self.oidcConfig)) || (!has(self.secretRef) && has(self.oidcConfig))"],
  ['Nebius auth without credentials', { nebiusmysterybox: { auth: {} } }, '.nebiusmysterybox.auth', 'has(self.serviceAccountCredsSecretRef) || has(self.tokenSecretRef)'],
  ['1Password SDK with vault and environment', { onepasswordSDK: { vault: 'v', environment: 'e' } }, '.onepasswordSDK',
    '[has(self.vault),has(self.environment)].filter(x,x==true).size() <= 1'],
  ['OpenBao with caBundle and caProvider', { openBao: { caBundle: 'Y2E=', caProvider: { type: 'Secret', name: 'ca' } } }, '.openBao',
    '[has(self.caBundle),has(self.caProvider)].filter(x,x==true).size() <= 1'],
  ['OpenBao auth without a method', { openBao: { auth: {} } }, '.openBao.auth',
    '[has(self.appRole),has(self.tokenSecretRef),has(self.userPass)].filter(x,x==true).size() == 1'],
  ['OpenBao appRole without a role', { openBao: { auth: { appRole: {} } } }, '.openBao.auth.appRole',
    '[has(self.roleId),has(self.roleRef)].filter(x,x==true).size() == 1'],
  ['Pulumi without auth or accessToken', { pulumi: {} }, '.pulumi',
    "(has(self.auth) && !has(self.accessToken)) || (!has(self.auth) && has(self.accessToken))"],
  ['Pulumi auth without accessToken or oidcConfig', { pulumi: { auth: {} } }, '.pulumi.auth',
    "(has(self.accessToken) && !has(self.oidcConfig)) || (!has(self.accessToken) && has(self.oidcConfig))"],
  ['Secret Server without credentials', { secretserver: {} }, '.secretserver', 'has(self.token) || (has(self.username) && has(self.password))'],
  ['Secret Server password with neither value nor secretRef', { secretserver: { username: { value: 'u' }, password: {} } }, '.secretserver.password', 'has(self.value) != has(self.secretRef)'],
  ['Secret Server token with value and secretRef', { secretserver: { token: { value: 't', secretRef: ref } } }, '.secretserver.token', 'has(self.value) != has(self.secretRef)'],
  ['Secret Server username with neither value nor secretRef', { secretserver: { username: {}, password: { value: 'p' } } }, '.secretserver.username', 'has(self.value) != has(self.secretRef)'],
];

export const NEGATIVE_CONTROLS: readonly NegativeControl[] = [
  ...helmReleaseSpecs.map((c) => ({ ...c, kinds: ['HelmRelease'], at: `.spec${c.at}` })),
  ...helmReleaseSpecs.map((c) => ({
    ...c, kinds: ['QdrantCloudRegion'], spec: { helmReleases: [{ object: { spec: c.spec } }] }, at: `.spec.helmReleases[].object.spec${c.at}`,
  })),
  ...kubeConfigs.map(({ name, kubeConfig, rule }) => ({ name, kinds: ['Kustomization'], spec: { ...kustomization, kubeConfig }, at: '.spec.kubeConfig', rule })),
  {
    name: 'serviceAccountName without the azure or aws provider', kinds: ['GitRepository'], spec: { url: 'https://git.example/repo', interval: '1m', serviceAccountName: 'sa' }, at: '.spec',
    rule: "!has(self.serviceAccountName) || (has(self.provider) && (self.provider == 'azure' || self.provider == 'aws'))",
  },
  ...providers.map(([name, provider, at, rule]) => ({ name, kinds: secretStores, spec: { provider }, at: `.spec.provider${at}`, rule })),
];
