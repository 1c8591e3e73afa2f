import { Chart } from 'cdk8s';
import { appRecords } from '../core/app-scope';
import { RecordKey } from '../core/records';
import { DeliveryTool, KubernetesClusterId } from './delivery';

/** The app's bootstrap folders, by folder name. */
const BOOTSTRAPS = new RecordKey<Map<string, BootstrapChart>>('bootstrap folders by name', () => new Map());

/**
 * A folder the GitOps tool applies first, shared by the stacks of a fleet: for Flux,
 * `flux-<cluster>` with the entry Kustomizations of every stack on that Kubernetes
 * cluster; for a central Argo CD, `argocd-bootstrap` with one root Application per
 * stack. The user points one object at it by hand; everything else follows from it.
 */
export class BootstrapChart extends Chart {
  /** cdk8s's `Chart[Symbol.hasInstance]` answers for every chart, so `instanceof` cannot tell. */
  public static isBootstrap(x: unknown): x is BootstrapChart {
    return typeof (x as BootstrapChart)?.cluster?.key === 'string' && Chart.isChart(x);
  }

  /**
   * The bootstrap folder `folder` of this app, created in the first stack that needs
   * it. It is a nested chart so that a stack folder of the same name is a folder clash
   * (the library error), whichever is declared first.
   */
  public static forFolder(stack: Chart, folder: string, tool: DeliveryTool, cluster: KubernetesClusterId): BootstrapChart {
    const byFolder = appRecords(stack).of(BOOTSTRAPS);
    if (!byFolder.has(folder)) byFolder.set(folder, new BootstrapChart(stack, folder, tool, cluster));
    return byFolder.get(folder)!;
  }

  /** The GitOps tool that applies this folder. */
  public readonly tool: DeliveryTool;
  /** The Kubernetes cluster it is applied to, as that tool names it. */
  public readonly cluster: KubernetesClusterId;

  private constructor(stack: Chart, folder: string, tool: DeliveryTool, cluster: KubernetesClusterId) {
    super(stack, folder);
    this.tool = tool;
    this.cluster = cluster;
  }

  /** None: the bootstrap folder holds only what the tool applies first. */
  public sideFiles(): Record<string, string> {
    return {};
  }

  /** What the tool says about its bootstrap folder (Argo CD: where the health checks for the waves of the stacks' Applications come from). */
  public readmeNotes(): string[] {
    return [...this.tool.bootstrapNotes];
  }
}
