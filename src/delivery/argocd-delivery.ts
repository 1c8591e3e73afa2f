import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Application } from '../../imports/argoproj.io';
import { looksLikeCredential } from '../core/credential-shapes';
import { fail, pathOf } from '../core/errors';
import { dns1123Label, dns1123Subdomain, httpUrl, repositoryPath, Rule } from '../core/rules';
import { bool, checkKnownObject, propKeys } from '../core/shape';
import { check, checkOptional } from '../core/validate';
import { bindSecretSource, SecretSource } from '../secrets/secret-source';
import { ChartReleaseRequest, ChartRelease, Delivery, DeliveryStage, KubernetesClusterId, StageOptions } from './delivery';
import { argoCdTlsCertsPatch } from './argocd-tls-certs';
import { BootstrapChart } from './bootstrap';
import { ociHostPath } from './chart-reference';

export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
/** Argo CD's names for the cluster it runs in. */
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
const IN_CLUSTER_NAME = 'in-cluster';
/** The cluster Argo CD runs in (the same key as a delivery whose destination is it). */
const ARGOCD_OWN_CLUSTER: KubernetesClusterId = { key: `argocd ${IN_CLUSTER_SERVER}`, label: IN_CLUSTER_NAME };
/** The folder a central Argo CD is pointed at, in a fleet. */
const ARGOCD_BOOTSTRAP_FOLDER = 'argocd-bootstrap';
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
}

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

/** Repository credentials already emitted in this app, by `<project> <url>`. */
const REPOSITORY_CLAIMS = new WeakMap<IConstruct, Map<string, RepositoryClaim>>();

function repositoryClaims(scope: IConstruct): Map<string, RepositoryClaim> {
  const root = scope.node.root;
  if (!REPOSITORY_CLAIMS.has(root)) REPOSITORY_CLAIMS.set(root, new Map());
  return REPOSITORY_CLAIMS.get(root)!;
}

/** Every key of ArgoCdDeliveryProps, for refusing unknown ones at run time. */
const ARGOCD_DELIVERY_PROP_KEYS = propKeys<ArgoCdDeliveryProps>({
  argoCdNamespace: true, project: true, destinationServer: true, destinationName: true, namePrefix: true,
  repositoryCredentials: true, gitRepository: true, outputPath: true, automated: true,
});

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
  private readonly props: ArgoCdDeliveryProps;
  /** Stacks whose root Application is written. */
  private readonly rooted = new WeakSet<Chart>();
  /** Folders applied to the remote destination, by stack path and kind. */
  private readonly remoteFolders = new Map<string, Chart>();

  constructor(props: ArgoCdDeliveryProps = {}) {
    super();
    // JavaScript callers may pass anything; checkProps refuses what is not an object.
    this.props = props ?? {};
  }

  /** Namespace of Argo CD. */
  public get argoCdNamespace(): string {
    return this.props.argoCdNamespace ?? 'argocd';
  }

  public _addChartRelease(scope: Construct, id: string, request: ChartReleaseRequest): ChartRelease {
    this.checkProps(scope);
    const prefix = this.props.namePrefix ?? `${request.namespace}-`;
    const name = `${prefix}${request.releaseName}`;
    check(scope, 'delivery.namePrefix (Application name)', name, dns1123Subdomain);
    if (this.props.gitRepository) this.rootApplication(Chart.of(scope), prefix);
    const repoUrl = ociHostPath(request.chart.repository);
    if (request.credentials) this.repositorySecret(scope, `${id}-repository`, prefix, repoUrl, request);

    const automated = this.props.automated ?? true;
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
        syncPolicy: {
          // CRD charts are never pruned automatically: pruning a CRD deletes every Qdrant cluster.
          automated: automated ? { prune: !request.installsCrds, selfHeal: true } : undefined,
          syncOptions,
        },
      },
    });
    // Deleting a CRD release deletes every Qdrant cluster: the parent Application never prunes it.
    this._stage(app, request.stage, { preventPrune: request.installsCrds });
    return { releaseName: request.releaseName, namespace: request.namespace, objectName: app.name, objectNamespace: this.argoCdNamespace };
  }

  /** Argo CD's own cluster is both `in-cluster` and the default server URL. @internal */
  public _kubernetesCluster(): KubernetesClusterId {
    const d = this.destination();
    const local = this.isOwnCluster();
    const label = local ? IN_CLUSTER_NAME : (d.name ?? d.server!);
    return { key: `argocd ${local ? IN_CLUSTER_SERVER : d.name !== undefined ? `name ${d.name}` : `server ${d.server}`}`, label };
  }

  /** The remote folders go to the destination; every other folder of the stack is applied in Argo CD's own cluster. @internal */
  public _folderCluster(folder: Chart): KubernetesClusterId {
    const remote = [...this.remoteFolders.values()].some((f) => folder.node.scopes.includes(f));
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
  private remoteFolder(chart: Chart, stackNamespace: string, kind: 'prerequisites' | 'clusters', stage: DeliveryStage): Chart {
    const key = `${chart.node.path} ${kind}`;
    const existing = this.remoteFolders.get(key);
    if (existing) return existing;
    this.checkProps(chart);
    const repo = this.props.gitRepository;
    if (!repo) {
      fail(chart, 'delivery.gitRepository', undefined, `the output repository: with destination "${this._kubernetesCluster().label}", not Argo CD's own ` +
        'cluster, the stack\'s Namespace, Secrets and clusters reach it through Applications of their own that read this repository');
    }
    const folder = new Chart(chart, `${chart.node.id}-${kind}`);
    const prefix = this.props.namePrefix ?? `${stackNamespace}-`;
    const automated = this.props.automated ?? true;
    const app = new Application(chart, `${kind}-application`, {
      metadata: { name: `${prefix}${kind}`, namespace: this.argoCdNamespace },
      spec: {
        project: this.props.project ?? 'default',
        source: { repoUrl: repo.url, targetRevision: repo.revision ?? 'HEAD', path: this.gitPath(folder.node.id) },
        destination: { ...this.destination(), namespace: stackNamespace },
        syncPolicy: { automated: automated ? { prune: true, selfHeal: true } : undefined, syncOptions: ['CreateNamespace=false'] },
      },
    });
    this._stage(app, stage, { preventPrune: true });
    this.remoteFolders.set(key, folder);
    return folder;
  }

  /** Path of an output folder inside the output repository. */
  private gitPath(folder: string): string {
    return `${(this.props.outputPath ?? 'dist').replace(/^\.\/|\/+$/g, '')}/${folder}`;
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
   * destination they go to `<chart>-clusters`, applied there by an Application of wave 3.
   */
  public _customResourceScope(chart: Chart, stackNamespace: string): Chart {
    return this.isOwnCluster() ? chart : this.remoteFolder(chart, stackNamespace, 'clusters', DeliveryStage.CUSTOM_RESOURCES);
  }

  /**
   * Monitoring objects go with the custom resources (wave 3, or `<chart>-clusters` for a
   * remote destination): a missing prometheus-operator CRD then holds back that last step,
   * not the stack's Namespace and Secrets. @internal
   */
  public _monitoringScope(chart: Chart, stackNamespace: string): Chart {
    return this._customResourceScope(chart, stackNamespace);
  }

  /** With a remote destination, the Namespace and Secrets go to `<chart>-prerequisites`, applied there by an Application of wave 0. @internal */
  public _prerequisiteScope(chart: Chart, stackNamespace: string): Chart {
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
  private rootApplication(stack: Chart, prefix: string): void {
    const bootstrap = BootstrapChart.forFolder(stack, ARGOCD_BOOTSTRAP_FOLDER, 'argocd', ARGOCD_OWN_CLUSTER);
    if (this.rooted.has(stack)) return;
    this.rooted.add(stack);
    const name = `${prefix}stack`;
    check(stack, 'delivery.namePrefix (root Application name)', name, dns1123Subdomain);
    const clash = bootstrap.node.children.find((c) => c instanceof Application && c.name === name);
    if (clash) fail(stack, 'delivery.namePrefix', this.props.namePrefix, `a prefix no other stack in this Argo CD uses; the root Application ${name} of another stack (${clash.node.path}) has it`);
    const repo = this.props.gitRepository!;
    const automated = this.props.automated ?? true;
    new Application(bootstrap, `${stack.node.id}-root`, {
      metadata: { name, namespace: this.argoCdNamespace },
      spec: {
        project: this.props.project ?? 'default',
        source: { repoUrl: repo.url, targetRevision: repo.revision ?? 'HEAD', path: this.gitPath(stack.node.id) },
        destination: { server: IN_CLUSTER_SERVER, namespace: this.argoCdNamespace },
        syncPolicy: { automated: automated ? { prune: true, selfHeal: true } : undefined },
      },
    });
  }

  private repositorySecret(scope: Construct, id: string, prefix: string, repoUrl: string, request: ChartReleaseRequest): void {
    const credentials = request.credentials!;
    const name = `${prefix}repo-${repoUrl.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 253).replace(/-+$/, '');
    const project = this.props.project ?? 'default';
    const source = this.props.repositoryCredentials ?? credentials.source;
    const claims = repositoryClaims(scope);
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
  }
}
