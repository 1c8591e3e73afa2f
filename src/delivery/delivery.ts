import { ApiObject, Chart } from 'cdk8s';
import { Records } from '../core/records';
import { SecretSource } from '../secrets/secret-source';
import { ChartReference } from './chart-reference';

/**
 * Deployment order. Both deliveries keep it: Argo CD through sync waves (the value is
 * the wave), Flux through HelmRelease `dependsOn` and a separate, dependent
 * Kustomization for custom resources.
 */
export enum DeliveryStage {
  /** Namespaces, secrets, repository credentials. */
  PREREQUISITES = 0,
  /** CRD charts. */
  CRDS = 1,
  /** Operator and agent charts. */
  CONTROLLERS = 2,
  /** Custom resources the controllers reconcile (QdrantCluster, snapshots, restores). */
  CUSTOM_RESOURCES = 3,
}

/** Credentials for pulling a chart from its OCI registry. */
export interface ChartRegistryCredentials {
  /** Name of the image pull secret (dockerconfigjson) in the release namespace. */
  readonly pullSecretName: string;
  /** Where the credentials come from (for deliveries that need them in another namespace). */
  readonly source: SecretSource;
  /** Prop path of `source`, for errors. */
  readonly sourceProp: string;
  /** Default registry user name, when the source does not provide one. @default - required from the source */
  readonly defaultUsername?: string;
}

/** One Helm chart release a construct asks a delivery for. */
export interface ChartReleaseRequest {
  /** Helm release name, e.g. `qdrant-cloud-agent`. */
  readonly releaseName: string;
  /** The chart. */
  readonly chart: ChartReference;
  /** Namespace the release is installed into. */
  readonly namespace: string;
  /** Helm values. */
  readonly values: Record<string, unknown>;
  /** When it is deployed. */
  readonly stage: DeliveryStage;
  /** Releases that must be ready first. @default - none */
  readonly dependsOn?: readonly ChartRelease[];
  /** Registry credentials for the chart. @default - anonymous pull */
  readonly credentials?: ChartRegistryCredentials;
  /** PEM CA bundle of the chart registry (private CA). @default - public CAs */
  readonly caCertificates?: string;
  /** The chart installs CRDs (too large for client-side apply, never pruned automatically). @default false */
  readonly installsCrds?: boolean;
}

/** A release a delivery has emitted. */
export interface ChartRelease {
  /** Helm release name, e.g. `qdrant-private-cloud`. */
  readonly releaseName: string;
  /** Namespace the release installs into. */
  readonly namespace: string;
  /** Name of the object that represents the release (HelmRelease or Application). */
  readonly objectName: string;
  /** Namespace of that object. */
  readonly objectNamespace: string;
}

/**
 * The chart of a stack (QdrantOperator, HybridRegion): where its delivery keeps what it
 * wrote for it, so that a delivery is a value any number of stacks and apps can share.
 */
export interface DeliveredStack extends Chart {
  /** What the delivery wrote for this stack, by the delivery's record keys. @internal */
  readonly _deliveryRecords: Records;
}

/** The order column of a folder's README: the annotation that orders its objects, and the column's header. */
export interface OrderColumn {
  readonly annotation: string;
  readonly header: string;
}

/**
 * A GitOps tool as the output describes it (READMEs, errors, fleet checks), so that the
 * output never asks which tool it is.
 */
export interface DeliveryTool {
  /** Its name for READMEs and errors, e.g. `Argo CD`. */
  readonly displayName: string;
  /** The README column of the annotation that orders a folder's objects. @default - none: the tool orders by folders and dependencies */
  readonly orderColumn?: OrderColumn;
  /** A stack may be left out of the tool's bootstrap folder (then applied by hand), which the fleet warns about when others are in it. */
  readonly bootstrapOptional: boolean;
  /** README notes of the tool's bootstrap folder. */
  readonly bootstrapNotes: readonly string[];
}

/** How Helm charts and ordered objects reach the cluster: Flux or Argo CD. */
export abstract class Delivery {
  /** Which GitOps tool, for docs and summaries: `'flux'`, `'argocd'`, or a new delivery's own word. */
  public abstract readonly tool: string;

  /** How the output describes this delivery's tool. @internal */
  public abstract readonly _tool: DeliveryTool;

  /**
   * The README line saying in which order a stack's releases are applied: `stages` names
   * what each stage holds, `release` depends on `dependsOn`. @internal
   */
  public abstract _orderNote(stages: readonly string[], release: string, dependsOn: string): string;

  /**
   * The Kubernetes cluster this delivery installs into, as the GitOps tool names it.
   * `key` identifies it within one tool (two stacks with the same key share a cluster);
   * `label` is for READMEs. @internal
   */
  public abstract _kubernetesCluster(): KubernetesClusterId;

  /** Emits the objects that install one chart release. @internal */
  public abstract _addChartRelease(stack: DeliveredStack, id: string, request: ChartReleaseRequest): ChartRelease;

  /**
   * Orders a plain object (namespace, secret, custom resource) within the delivery.
   * @internal
   */
  public abstract _stage(obj: ApiObject, stage: DeliveryStage, options?: StageOptions): void;

  /**
   * Where custom resources of `chart` go so that they are applied after its
   * controllers: the chart itself (Argo CD, ordered by waves) or a dependent folder
   * (Flux). `stackNamespace` is the stack's stable identity: Kubernetes object names
   * derive from it, never from construct ids. @internal
   */
  public abstract _customResourceScope(chart: DeliveredStack, stackNamespace: string): Chart;

  /**
   * Where the stack's prerequisites (Namespace, Secrets) go so that they reach its
   * Kubernetes cluster before its charts: the chart itself, unless the delivery applies
   * the chart's folder elsewhere (a central Argo CD with a remote destination). @internal
   */
  public _prerequisiteScope(chart: DeliveredStack, _stackNamespace: string): Chart {
    return chart;
  }

  /**
   * Where a stack's monitoring objects (PodMonitors, PrometheusRule) go: the stack
   * chart (Flux: the folder a user points Flux at, the layout stays one folder for a
   * stack without clusters), unless the delivery orders them elsewhere. @internal
   */
  public _monitoringScope(chart: DeliveredStack, _stackNamespace: string): Chart {
    return chart;
  }

  /**
   * The Kubernetes cluster the objects of `folder` (the chart of `stack` or one nested in
   * it) are applied to: the stack's own, unless the delivery applies that folder elsewhere
   * (a central Argo CD keeps a remote stack's Applications in its own cluster). @internal
   */
  public _folderCluster(_folder: Chart, _stack: DeliveredStack): KubernetesClusterId {
    return this._kubernetesCluster();
  }

  /**
   * One README line saying how the folder of the stack `chart` is applied, naming only
   * folders and objects this delivery wrote. None by default. @internal
   */
  public _applyNote(_chart: DeliveredStack, _stackNamespace: string): string | undefined {
    return undefined;
  }

  /**
   * Files this delivery needs beside the manifests so that it trusts a chart
   * repository with a private CA (`host` without scheme). None by default. @internal
   */
  public _trustedCaSideFiles(_host: string, _caCertificates: string): Record<string, string> {
    return {};
  }

  /**
   * Files of the stack folder `stack` that teach the GitOps tool when Qdrant objects are
   * healthy (qdrant-facts.md §13, QdrantCluster health). None by default. @internal
   */
  public _healthSideFiles(_stack: DeliveredStack): Record<string, string> {
    return {};
  }

  /** README notes of the stack folder `stack`: how the GitOps tool learns the health of Qdrant objects. @internal */
  public _healthNotes(_stack: DeliveredStack): string[] {
    return [];
  }
}

/** A Kubernetes cluster as a GitOps tool names it. */
export interface KubernetesClusterId {
  /**
   * Identifies the cluster within the tool: two stacks with the same key share it. Its
   * form is `<tool>` for a tool's one cluster and `<tool> <label>` otherwise: the output's
   * memory keeps only the key, and `clusterLabelOfKey` reads the label back from it.
   */
  readonly key: string;
  /** Its name for READMEs and errors. */
  readonly label: string;
}

/** How an object is treated by the delivery, besides its stage. */
export interface StageOptions {
  /** Its CRD arrives in the same sync, so a dry run cannot find the kind yet. @default false */
  readonly crdInSameSync?: boolean;
  /**
   * Its deletion loses data (a Namespace, a CRD release, a Qdrant custom resource): never
   * delete it when it leaves the output or when whatever applied it is deleted.
   * @default false
   */
  readonly preventPrune?: boolean;
}
