import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The folder a Kubernetes cluster's Flux applies first (`flux-<cluster>`): the entry
 * Kustomizations of every stack that names that cluster. The user points one
 * Kustomization at it by hand; everything else follows from the folder.
 */
export class FluxBootstrap extends Chart {
  /** cdk8s's `Chart[Symbol.hasInstance]` answers for every chart, so `instanceof` cannot tell. */
  public static isFluxBootstrap(x: unknown): x is FluxBootstrap {
    return typeof (x as FluxBootstrap)?.cluster === 'string' && Chart.isChart(x);
  }

  /** Folder of the bootstrap of `cluster`. */
  public static folderOf(cluster: string): string {
    return `flux-${cluster}`;
  }

  /**
   * The bootstrap of `cluster` in this app, created in the first stack that names it.
   * It is a nested chart so that a stack folder of the same name is a folder clash
   * (the library error), whichever is declared first.
   */
  public static forCluster(stack: Chart, cluster: string): FluxBootstrap {
    const root = stack.node.root;
    if (!BOOTSTRAPS.has(root)) BOOTSTRAPS.set(root, new Map());
    const byCluster = BOOTSTRAPS.get(root)!;
    if (!byCluster.has(cluster)) byCluster.set(cluster, new FluxBootstrap(stack, cluster));
    return byCluster.get(cluster)!;
  }

  /** The Kubernetes cluster whose Flux applies this folder. */
  public readonly cluster: string;

  private constructor(stack: Chart, cluster: string) {
    super(stack, FluxBootstrap.folderOf(cluster));
    this.cluster = cluster;
  }
}

const BOOTSTRAPS = new WeakMap<IConstruct, Map<string, FluxBootstrap>>();
