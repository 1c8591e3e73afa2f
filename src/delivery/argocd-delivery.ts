import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Application, ApplicationSpecSyncPolicy } from '../../imports/argoproj.io';
import { k8s } from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import { appRecords } from '../core/app-scope';
import { looksLikeCredential } from '../core/credential-shapes';
import { fail, pathOf } from '../core/errors';
import { dns1123Label, dns1123Subdomain, duration, httpUrl, integerBetween, repositoryPath, Rule } from '../core/rules';
import { RecordKey } from '../core/records';
import { bool, checkKnownObject, propKeys } from '../core/shape';
import { check, checkOptional } from '../core/validate';
import { withoutOciScheme } from '../core/vocabulary';
import { bindSecretSource, SecretSource } from '../secrets/secret-source';
import { ChartReleaseRequest, ChartRelease, DeliveredStack, Delivery, DeliveryStage, DeliveryTool, KubernetesClusterId, StageOptions } from './delivery';
import { argoCdTlsCertsPatch } from './argocd-tls-certs';
import { BootstrapChart } from './bootstrap';
import { ARGOCD_CM, ARGOCD_CM_LABELS, argoCdHealthData } from '../health/argocd-health';
import { QDRANT_HEALTH } from '../health/qdrant-health';

export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
/** Argo CD's names for the cluster it runs in. */
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
const IN_CLUSTER_NAME = 'in-cluster';
/** The cluster Argo CD runs in (the same key as a delivery whose destination is it). */
const ARGOCD_OWN_CLUSTER: KubernetesClusterId = { key: `argocd ${IN_CLUSTER_SERVER}`, label: IN_CLUSTER_NAME };
/** The folder a central Argo CD is pointed at, in a fleet. */
const ARGOCD_BOOTSTRAP_FOLDER = 'argocd-bootstrap';
/** Argo CD as the output describes it. */
const ARGOCD_TOOL: DeliveryTool = {
  displayName: 'Argo CD',
  orderColumn: { annotation: SYNC_WAVE_ANNOTATION, header: 'Argo CD wave' },
  bootstrapOptional: true,
  bootstrapNotes: ['Argo CD health: the root Applications wait for each stack\'s Applications only with the `argoproj.io_Application` health check in `argocd-cm`; ' +
    'each stack folder\'s README says where it comes from (the health file of that folder to merge, or the `argocd-cm` the output manages).'],
};
/** The README column of a folder ordered by sync waves, whoever applies it. */
export const SYNC_WAVE_COLUMN = ARGOCD_TOOL.orderColumn!;
/** Sync options of an object whose deletion loses data: not pruned when it leaves git, kept when its Application is deleted. */
export const PROTECTED_SYNC_OPTIONS = ['Prune=false', 'Delete=false'];

/** The Git repository Argo CD reads the output from. */
export interface ArgoCdGitRepository {
  /**
   * Clone URL. It is written to git: no credentials in it (`https://user:token@...` is
   * refused); Argo CD reads them from a repository Secret. `git@host:path` and
   * `ssh://git@host/...` are fine.
   */
  readonly url: string;
  /** Branch, tag or commit. @default 'HEAD' */
  readonly revision?: string;
}

/** How Argo CD retries a failed sync (`spec.syncPolicy.retry` of an Application). */
export interface ArgoCdSyncRetry {
  /** Retries of a failed sync; 0 turns retrying off. @default 5 */
  readonly limit?: number;
  /** Wait before the first retry. @default '5s' */
  readonly backoffDuration?: string;
  /** Factor the wait grows by after each failed retry. @default 2 */
  readonly backoffFactor?: number;
  /** Longest wait between two retries. @default '3m' */
  readonly backoffMaxDuration?: string;
}

/** The side file with the `argocd-cm` keys to merge, when the output does not manage `argocd-cm` itself. */
export const ARGOCD_HEALTH_FILE = 'argocd-cm-health.yaml';

export interface ArgoCdDeliveryProps {
  /** Namespace Argo CD runs in; Applications and repository Secrets go there. @default 'argocd' */
  readonly argoCdNamespace?: string;
  /** Argo CD project of the Applications. @default 'default' */
  readonly project?: string;
  /** API server URL of the destination cluster. @default 'https://kubernetes.default.svc' (the cluster Argo CD runs in) */
  readonly destinationServer?: string;
  /**
   * Name of the destination cluster as registered in Argo CD (its cluster Secret), for a
   * fleet managed by one central Argo CD. Set this or `destinationServer`, not both.
   * @default - `destinationServer`
   */
  readonly destinationName?: string;
  /** Prefix of Application and repository Secret names, to keep several regions apart in one Argo CD. @default - "<release namespace>-" */
  readonly namePrefix?: string;
  /**
   * Credentials for the chart registry in Argo CD's namespace. Needed when the region's
   * registry credentials are sealed (sealed values decrypt for one Secret only).
   * @default - the region's registry credentials source, bound to the repository Secret
   */
  readonly repositoryCredentials?: SecretSource;
  /**
   * The Git repository holding the synthesised output, for a central Argo CD. With it
   * the library writes `argocd-bootstrap/`: one root Application per stack
   * (`<namePrefix>stack`) applying the stack's folder.
   * @default - no bootstrap: point a parent Application at the stack's folder yourself
   */
  readonly gitRepository?: ArgoCdGitRepository;
  /** Path of the output directory inside that repository. @default 'dist' */
  readonly outputPath?: string;
  /** Let Argo CD sync automatically (with self-heal; pruning except for CRD charts). @default true */
  readonly automated?: boolean;
  /**
   * How every Application retries a failed sync: a CRD or operator that is not ready yet
   * fails the first sync of what needs it, and the retry picks it up.
   * @default - 5 retries, waiting 5s, then twice as long each time, at most 3m
   */
  readonly syncRetry?: ArgoCdSyncRetry;
  /**
   * Argo CD's own `argocd-cm` is managed from this output: the library then writes the
   * ConfigMap itself, with the health checks of the `qdrant.io` kinds and of child
   * Applications, into the first stack folder of each Argo CD (never pruned). Keys set
   * outside this output stay as they are (Argo CD applies with a merge).
   * @default false - each stack folder carries `argocd-cm-health.yaml`, the keys to merge into `argocd-cm` by hand
   */
  readonly manageArgoCdConfigMap?: boolean;
}

const SYNC_RETRY_KEYS = propKeys<ArgoCdSyncRetry>({ limit: true, backoffDuration: true, backoffFactor: true, backoffMaxDuration: true });

/** The start of Application and Secret names: lowercase letters, digits, "-" and ".". */
const namePrefix: Rule<string> = (v) =>
  typeof v === 'string' && /^[a-z0-9][-a-z0-9.]{0,99}$/.test(v) ? undefined : 'expected the start of a DNS-1123 name, such as "region-a-"';

interface RepositoryClaim {
  readonly source: SecretSource;
  /** Where it was first declared, for the error. */
  readonly path: string;
}

const GIT_REPOSITORY_KEYS = propKeys<ArgoCdGitRepository>({ url: true, revision: true });

/**
 * The URL Argo CD clones the output repository from: https://, ssh:// or scp-like
 * `git@host:path`. No credentials: the URL is written to git in the root Application;
 * Argo CD reads repository credentials from a repository Secret. A user name alone is
 * fine over SSH (`ssh://git@host/...`, `git@host:path`); over HTTPS a user name alone
 * is how tokens are passed (`https://<token>@github.com/...`), so it is refused.
 */
const gitUrl: Rule<string> = (v) => {
  const allowed = 'expected the URL Argo CD clones the output repository from, such as "https://git.example.com/platform/gitops.git"';
  if (typeof v !== 'string') return allowed;
  const credentials = 'expected a URL without credentials ("user:token@"): the URL is committed to git in clear text in the root ' +
    'Application; give Argo CD the repository credentials in a repository Secret instead';
  const scheme = /^(https?|ssh):\/\/([^/?#\s]*)@/.exec(v);
  if (scheme && (scheme[1] !== 'ssh' || scheme[2].includes(':'))) return credentials;
  if (!scheme && looksLikeCredential(v)) return credentials;
  return /^(https?|ssh):\/\/\S+$|^[A-Za-z0-9._-]+@[^\s:/]+:\S+$/.test(v) ? undefined : allowed;
};

/** Repository credentials already emitted in the app, by `<project> <url>`. */
const REPOSITORY_CLAIMS = new RecordKey<Map<string, RepositoryClaim>>('Argo CD repository credentials by project and URL', () => new Map());

/** Every key of ArgoCdDeliveryProps, for refusing unknown ones at run time. */
const ARGOCD_DELIVERY_PROP_KEYS = propKeys<ArgoCdDeliveryProps>({
  argoCdNamespace: true, project: true, destinationServer: true, destinationName: true, namePrefix: true,
  repositoryCredentials: true, gitRepository: true, outputPath: true, automated: true, syncRetry: true, manageArgoCdConfigMap: true,
});

/** A folder applied by one of the stack's Applications in a remote cluster; its README says where health checks come from. */
class ArgoCdRemoteFolder extends Chart {
  constructor(stack: Chart, id: string, private readonly notes: () => string[]) {
    super(stack, id);
  }

  /** None. */
  public sideFiles(): Record<string, string> {
    return {};
  }

  public readmeNotes(): string[] {
    return this.notes();
  }
}

/** The stack folder holding `argocd-cm`, per Argo CD of the app (its cluster and namespace): one object, one owner. */
const CONFIG_MAP_OWNERS = new RecordKey<Map<string, Chart>>('the stack folder holding argocd-cm, by Argo CD', () => new Map());

/** What Argo CD wrote for one stack: whether its root Application is written, its folders applied to the remote destination. */
interface ArgoCdStackRecord {
  rooted: boolean;
  readonly remoteFolders: Map<'prerequisites' | 'clusters', Chart>;
}

const ARGOCD_STACK = new RecordKey<ArgoCdStackRecord>('what Argo CD wrote for the stack', () => ({ rooted: false, remoteFolders: new Map() }));

/** The record of `stack`. */
const argoCdRecord = (stack: DeliveredStack) => stack._deliveryRecords.of(ARGOCD_STACK);

/**
 * Delivers charts with Argo CD: one `Application` (argoproj.io/v1alpha1) per chart with
 * a Helm source and `valuesObject`, a repository Secret with `enableOCI` for the
 * chart registry, and sync waves (prerequisites, CRDs, controllers, custom resources).
 *
 * The output folder is meant to be synced by a parent Application (app of apps) in the
 * cluster Argo CD runs in.
 */

export class ArgoCdDelivery extends Delivery {
  public readonly tool = 'argocd';
  /** @internal */
  public readonly _tool = ARGOCD_TOOL;
  private readonly props: ArgoCdDeliveryProps;

  constructor(props: ArgoCdDeliveryProps = {}) {
    super();
    // JavaScript callers may pass anything; checkProps refuses what is not an object.
    this.props = props ?? {};
  }

  /** Namespace of Argo CD. */
  public get argoCdNamespace(): string {
    return this.props.argoCdNamespace ?? 'argocd';
  }

  public _addChartRelease(scope: DeliveredStack, id: string, request: ChartReleaseRequest): ChartRelease {
    this.checkProps(scope);
    const prefix = this.props.namePrefix ?? `${request.namespace}-`;
    const name = `${prefix}${request.releaseName}`;
    check(scope, 'delivery.namePrefix (Application name)', name, dns1123Subdomain);
    if (this.props.gitRepository) this.rootApplication(scope, prefix);
    const repoUrl = withoutOciScheme(request.chart.repository);
    if (request.credentials) this.repositorySecret(scope, `${id}-repository`, prefix, repoUrl, request);
    if (this.props.manageArgoCdConfigMap) this.argoCdConfigMap(scope);

    const syncOptions = ['CreateNamespace=false', ...(request.installsCrds ? ['ServerSideApply=true'] : [])];
    const app = new Application(scope, id, {
      metadata: { name, namespace: this.argoCdNamespace },
      spec: {
        project: this.props.project ?? 'default',
        source: {
          repoUrl,
          chart: request.chart.name,
          targetRevision: request.chart.version,
          helm: { releaseName: request.releaseName, valuesObject: request.values },
        },
        destination: { ...this.destination(), namespace: request.namespace },
        // CRD charts are never pruned automatically: pruning a CRD deletes every Qdrant cluster.
        syncPolicy: this.syncPolicy(!request.installsCrds, syncOptions),
      },
    });
    // Deleting a CRD release deletes every Qdrant cluster: the parent Application never prunes it.
    this._stage(app, request.stage, { preventPrune: request.installsCrds });
    return { releaseName: request.releaseName, namespace: request.namespace, objectName: app.name, objectNamespace: this.argoCdNamespace };
  }

  /** Sync waves, one per stage. @internal */
  public _orderNote(stages: readonly string[]): string {
    return `Argo CD sync waves: ${stages.map((what, wave) => `${wave} ${what}`).join(', ')}.`;
  }

  /** Argo CD's own cluster is both `in-cluster` and the default server URL. @internal */
  public _kubernetesCluster(): KubernetesClusterId {
    const d = this.destination();
    const local = this.isOwnCluster();
    const label = local ? IN_CLUSTER_NAME : (d.name ?? d.server!);
    return { key: `argocd ${local ? IN_CLUSTER_SERVER : d.name !== undefined ? `name ${d.name}` : `server ${d.server}`}`, label };
  }

  /** The remote folders go to the destination; every other folder of the stack is applied in Argo CD's own cluster. @internal */
  public _folderCluster(folder: Chart, stack: DeliveredStack): KubernetesClusterId {
    const remote = [...argoCdRecord(stack).remoteFolders.values()].some((f) => folder.node.scopes.includes(f));
    return remote || this.isOwnCluster() ? this._kubernetesCluster() : ARGOCD_OWN_CLUSTER;
  }

  /** The destination is the cluster Argo CD runs in, where the folder's own objects are applied. */
  private isOwnCluster(): boolean {
    const d = this.destination();
    return d.name === IN_CLUSTER_NAME || d.server === IN_CLUSTER_SERVER;
  }

  /**
   * A folder of the stack applied to the remote destination by an Application of the
   * stack folder, at `stage`: the stack folder itself is applied in Argo CD's own
   * cluster. The Application is never pruned (it holds the namespace or the clusters).
   */
  private remoteFolder(chart: DeliveredStack, stackNamespace: string, kind: 'prerequisites' | 'clusters', stage: DeliveryStage): Chart {
    const remoteFolders = argoCdRecord(chart).remoteFolders;
    const existing = remoteFolders.get(kind);
    if (existing) return existing;
    this.checkProps(chart);
    const repo = this.props.gitRepository;
    if (!repo) {
      fail(chart, 'delivery.gitRepository', undefined, `the output repository: with destination "${this._kubernetesCluster().label}", not Argo CD's own ` +
        'cluster, the stack\'s Namespace, Secrets and clusters reach it through Applications of their own that read this repository');
    }
    const folder = new ArgoCdRemoteFolder(chart, `${chart.node.id}-${kind}`, () => this.remoteHealthNotes(chart));
    const prefix = this.props.namePrefix ?? `${stackNamespace}-`;
    const app = new Application(chart, `${kind}-application`, {
      metadata: { name: `${prefix}${kind}`, namespace: this.argoCdNamespace },
      spec: {
        project: this.props.project ?? 'default',
        source: { repoUrl: repo.url, targetRevision: repo.revision ?? 'HEAD', path: this.gitPath(folder.node.id) },
        destination: { ...this.destination(), namespace: stackNamespace },
        syncPolicy: this.syncPolicy(true, ['CreateNamespace=false']),
      },
    });
    this._stage(app, stage, { preventPrune: true });
    remoteFolders.set(kind, folder);
    return folder;
  }

  /** Path of an output folder inside the output repository. */
  private gitPath(folder: string): string {
    return `${(this.props.outputPath ?? 'dist').replace(/^\.\/|\/+$/g, '')}/${folder}`;
  }

  /** An Application's sync policy: automated (unless turned off) with self-heal, and the retry of `syncRetry`. */
  private syncPolicy(prune: boolean, syncOptions?: string[]): ApplicationSpecSyncPolicy {
    const retry = this.props.syncRetry ?? {};
    return {
      automated: (this.props.automated ?? true) ? { prune, selfHeal: true } : undefined,
      syncOptions,
      retry: {
        limit: retry.limit ?? 5,
        backoff: { duration: retry.backoffDuration ?? '5s', factor: retry.backoffFactor ?? 2, maxDuration: retry.backoffMaxDuration ?? '3m' },
      },
    };
  }

  /** Key of the Argo CD this delivery talks to: the cluster it runs in and its namespace. */
  private argoCdKey(stack: DeliveredStack): string {
    return `${this._folderCluster(stack, stack).key} ${this.argoCdNamespace}`;
  }

  /** The stack folder that holds this Argo CD's `argocd-cm`, when the output manages it. */
  private configMapOwner(stack: DeliveredStack): Chart | undefined {
    return appRecords(stack).of(CONFIG_MAP_OWNERS).get(this.argoCdKey(stack));
  }

  /** `argocd-cm` with the health checks, written once per Argo CD: in the first stack folder that needs it. */
  private argoCdConfigMap(stack: DeliveredStack): void {
    const owners = appRecords(stack).of(CONFIG_MAP_OWNERS);
    const key = this.argoCdKey(stack);
    if (owners.has(key)) return;
    owners.set(key, stack);
    const cm = new k8s.KubeConfigMap(stack, 'argocd-cm', {
      metadata: { name: ARGOCD_CM, namespace: this.argoCdNamespace, labels: ARGOCD_CM_LABELS },
      data: argoCdHealthData(),
    });
    // Deleting argocd-cm would take every setting of Argo CD with it.
    this._stage(cm, DeliveryStage.PREREQUISITES, { preventPrune: true });
  }

  /** @internal */
  public _healthSideFiles(_stack: DeliveredStack): Record<string, string> {
    if (this.props.manageArgoCdConfigMap) return {};
    const data = argoCdHealthData();
    const text = [
      `# Merge these keys into Argo CD's ${ARGOCD_CM} (it holds all of Argo CD's settings, so this folder does not own it):`,
      `#   kubectl -n ${this.argoCdNamespace} patch configmap ${ARGOCD_CM} --type merge --patch-file ${ARGOCD_HEALTH_FILE}`,
      '# Argo CD then knows when Qdrant objects are healthy (by status.phase), and sync waves wait for child Applications.',
      stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ARGOCD_CM, namespace: this.argoCdNamespace, labels: ARGOCD_CM_LABELS }, data }, { lineWidth: 0 }),
    ].join('\n');
    return { [ARGOCD_HEALTH_FILE]: text };
  }

  /** The health note of a folder the stack's Applications apply remotely: where Argo CD's health checks come from. */
  private remoteHealthNotes(stack: DeliveredStack): string[] {
    const owner = this.props.manageArgoCdConfigMap ? this.configMapOwner(stack) : undefined;
    return [`Argo CD health: the Application applying this folder is healthy once its objects are, Qdrant objects by their \`status.phase\` through the Lua health checks in \`${ARGOCD_CM}\` ` +
      (owner ? `(managed from folder \`${owner.node.id}\`).` : `(merge \`${stack.node.id}/${ARGOCD_HEALTH_FILE}\` into it; see that folder's README).`)];
  }

  /** @internal */
  public _healthNotes(stack: DeliveredStack): string[] {
    const kinds = `${QDRANT_HEALTH.map((k) => `\`qdrant.io_${k.kind}\``).join(', ')} and \`argoproj.io_Application\``;
    const why = 'so that Argo CD reports Qdrant objects healthy only in a healthy phase and sync waves wait for child Applications (qdrant-facts.md §13)';
    if (!this.props.manageArgoCdConfigMap) {
      return [`Argo CD health: merge \`${ARGOCD_HEALTH_FILE}\` into \`${ARGOCD_CM}\` in namespace \`${this.argoCdNamespace}\` ` +
        `(\`kubectl -n ${this.argoCdNamespace} patch configmap ${ARGOCD_CM} --type merge --patch-file ${ARGOCD_HEALTH_FILE}\`): Lua health checks for ${kinds}, ${why}.`];
    }
    const owner = this.configMapOwner(stack);
    return [owner === stack
      ? `Argo CD health: this folder manages \`${ARGOCD_CM}\` in namespace \`${this.argoCdNamespace}\` (\`manageArgoCdConfigMap\`), with Lua health checks for ${kinds}, ${why}.`
      : `Argo CD health: \`${ARGOCD_CM}\` in namespace \`${this.argoCdNamespace}\`, with the health checks for ${kinds}, is managed from folder \`${owner?.node.id}\`.`];
  }

  private destination(): { readonly name?: string; readonly server?: string } {
    const name = this.props.destinationName;
    return name !== undefined ? { name } : { server: this.props.destinationServer ?? IN_CLUSTER_SERVER };
  }

  public _stage(obj: ApiObject, stage: DeliveryStage, options: StageOptions = {}): void {
    obj.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, String(stage));
    const syncOptions = [
      ...(options.preventPrune ? PROTECTED_SYNC_OPTIONS : []),
      ...(options.crdInSameSync ? ['SkipDryRunOnMissingResource=true'] : []),
    ];
    if (syncOptions.length) obj.metadata.addAnnotation(SYNC_OPTIONS_ANNOTATION, syncOptions.join(','));
  }

  /**
   * Argo CD orders custom resources by sync wave within the same folder; with a remote
   * destination they go to `<chart>-clusters`, applied there by an Application of wave 3. @internal
   */
  public _customResourceScope(chart: DeliveredStack, stackNamespace: string): Chart {
    return this.isOwnCluster() ? chart : this.remoteFolder(chart, stackNamespace, 'clusters', DeliveryStage.CUSTOM_RESOURCES);
  }

  /**
   * Monitoring objects go with the custom resources (wave 3, or `<chart>-clusters` for a
   * remote destination): a missing prometheus-operator CRD then holds back that last step,
   * not the stack's Namespace and Secrets. @internal
   */
  public _monitoringScope(chart: DeliveredStack, stackNamespace: string): Chart {
    return this._customResourceScope(chart, stackNamespace);
  }

  /** With a remote destination, the Namespace and Secrets go to `<chart>-prerequisites`, applied there by an Application of wave 0. @internal */
  public _prerequisiteScope(chart: DeliveredStack, stackNamespace: string): Chart {
    return this.isOwnCluster() ? chart : this.remoteFolder(chart, stackNamespace, 'prerequisites', DeliveryStage.PREREQUISITES);
  }

  /** Argo CD trusts a private CA through its shared argocd-tls-certs-cm; the folder carries the entry to merge. @internal */
  public _trustedCaSideFiles(host: string, caCertificates: string): Record<string, string> {
    return { 'argocd-tls-certs-cm.yaml': argoCdTlsCertsPatch(this.argoCdNamespace, host, caCertificates) };
  }

  /**
   * The stack's root Application in the bootstrap folder: it applies the stack folder
   * in the cluster Argo CD runs in (child Applications, repository Secrets), once per stack.
   */
  private rootApplication(stack: DeliveredStack, prefix: string): void {
    const bootstrap = BootstrapChart.forFolder(stack, ARGOCD_BOOTSTRAP_FOLDER, ARGOCD_TOOL, ARGOCD_OWN_CLUSTER);
    const record = argoCdRecord(stack);
    if (record.rooted) return;
    record.rooted = true;
    const name = `${prefix}stack`;
    check(stack, 'delivery.namePrefix (root Application name)', name, dns1123Subdomain);
    const clash = bootstrap.node.children.find((c) => c instanceof Application && c.name === name);
    if (clash) fail(stack, 'delivery.namePrefix', this.props.namePrefix, `a prefix no other stack in this Argo CD uses; the root Application ${name} of another stack (${clash.node.path}) has it`);
    const repo = this.props.gitRepository!;
    new Application(bootstrap, `${stack.node.id}-root`, {
      metadata: { name, namespace: this.argoCdNamespace },
      spec: {
        project: this.props.project ?? 'default',
        source: { repoUrl: repo.url, targetRevision: repo.revision ?? 'HEAD', path: this.gitPath(stack.node.id) },
        destination: { server: IN_CLUSTER_SERVER, namespace: this.argoCdNamespace },
        syncPolicy: this.syncPolicy(true),
      },
    });
  }

  private repositorySecret(scope: Construct, id: string, prefix: string, repoUrl: string, request: ChartReleaseRequest): void {
    const credentials = request.credentials!;
    const name = `${prefix}repo-${repoUrl.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 253).replace(/-+$/, '');
    const project = this.props.project ?? 'default';
    const source = this.props.repositoryCredentials ?? credentials.source;
    const claims = appRecords(scope).of(REPOSITORY_CLAIMS);
    const claim = claims.get(`${project} ${repoUrl}`);
    if (claim) {
      // The same source is the same credential: the first stack's Secret serves this one too.
      if (claim.source === source) return;
      fail(scope, this.props.repositoryCredentials ? 'delivery.repositoryCredentials' : credentials.sourceProp, undefined,
        `a second credential for ${repoUrl} in Argo CD project "${project}" (the first is ${claim.path}); Argo CD keys repositories by URL, ` +
        'so which one it uses would be undefined. Give every stack the same credential for this registry (one SecretSource as ' +
        'ArgoCdDelivery({ repositoryCredentials }), with a username that may pull for all), or put the stacks in different Argo CD ' +
        'projects (ArgoCdDelivery({ project })), which makes each repository Secret project-scoped');
    }
    claims.set(`${project} ${repoUrl}`, { source, path: `${pathOf(scope)} (Secret ${this.argoCdNamespace}/${name})` });
    if (source.origin === 'sealed-secret' && !this.props.repositoryCredentials) {
      fail(scope, 'delivery.repositoryCredentials', undefined,
        `the registry credentials (${credentials.sourceProp}) are sealed for one Secret only; Argo CD needs its own ` +
        `SecretSource.fromSealedSecret with keys "username" and "password", sealed for Secret ${this.argoCdNamespace}/${name}`);
    }
    const bound = bindSecretSource(source, scope, id, this.props.repositoryCredentials ? 'delivery.repositoryCredentials' : credentials.sourceProp, {
      name,
      namespace: this.argoCdNamespace,
      type: 'Opaque',
      purpose: `Argo CD repository credentials for ${repoUrl}`,
      fixedName: false,
      inputs: [{ key: 'username', default: credentials.defaultUsername }, { key: 'password' }],
      render: (s) => ({ username: s.value('username'), password: s.value('password') }),
      literals: { name, url: repoUrl, type: 'helm', enableOCI: 'true', ...(this.props.project ? { project } : {}) },
      labels: { 'argocd.argoproj.io/secret-type': 'repository' },
    });
    bound.objects.forEach((o) => this._stage(o, DeliveryStage.PREREQUISITES));
  }

  private checkProps(scope: Construct): void {
    checkKnownObject(scope, 'delivery', this.props, 'ArgoCdDeliveryProps', ARGOCD_DELIVERY_PROP_KEYS);
    check(scope, 'delivery.argoCdNamespace', this.argoCdNamespace, dns1123Label);
    checkOptional(scope, 'delivery.project', this.props.project, dns1123Subdomain);
    const repo = this.props.gitRepository;
    if (repo !== undefined) {
      checkKnownObject(scope, 'delivery.gitRepository', repo, 'an object { url, revision? } naming the output repository', GIT_REPOSITORY_KEYS);
      check(scope, 'delivery.gitRepository.url', repo.url, gitUrl);
      checkOptional(scope, 'delivery.gitRepository.revision', repo.revision, (v) => (typeof v === 'string' && /^\S+$/.test(v)
        ? undefined : 'expected a branch, tag or commit such as "main"'));
    }
    checkOptional(scope, 'delivery.outputPath', this.props.outputPath, repositoryPath);
    checkOptional(scope, 'delivery.destinationName', this.props.destinationName, (v) => (this.props.destinationServer !== undefined
      ? 'either destinationName or destinationServer, not both' : typeof v === 'string' && v.trim() !== '' ? undefined : 'expected the name of a cluster registered in Argo CD'));
    checkOptional(scope, 'delivery.destinationServer', this.props.destinationServer, httpUrl);
    checkOptional(scope, 'delivery.namePrefix', this.props.namePrefix, namePrefix);
    checkOptional(scope, 'delivery.automated', this.props.automated, bool);
    checkOptional(scope, 'delivery.manageArgoCdConfigMap', this.props.manageArgoCdConfigMap, bool);
    const retry = this.props.syncRetry;
    if (retry !== undefined) {
      checkKnownObject(scope, 'delivery.syncRetry', retry, 'ArgoCdSyncRetry', SYNC_RETRY_KEYS);
      checkOptional(scope, 'delivery.syncRetry.limit', retry.limit, integerBetween(0, 100));
      checkOptional(scope, 'delivery.syncRetry.backoffDuration', retry.backoffDuration, duration);
      checkOptional(scope, 'delivery.syncRetry.backoffFactor', retry.backoffFactor, integerBetween(1, 10));
      checkOptional(scope, 'delivery.syncRetry.backoffMaxDuration', retry.backoffMaxDuration, duration);
    }
  }
}
