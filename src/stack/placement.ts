import { Chart } from 'cdk8s';
import { BootstrapChart } from '../delivery/bootstrap';
import { DeliveryTool, KubernetesClusterId } from '../delivery/delivery';
import { StackChart } from './stack-chart';

/** Where a folder's objects go: the stack it belongs to and its Kubernetes cluster. */
export interface FolderPlacement {
  /** The stack's namespace. @default - none: a Flux bootstrap serves several stacks */
  readonly namespace?: string;
  /** The GitOps tool that applies the folder. */
  readonly tool: DeliveryTool;
  /** Identifies the Kubernetes cluster within the tool. */
  readonly clusterKey: string;
  /** The cluster's name for READMEs. */
  readonly cluster: string;
  /**
   * The Kubernetes cluster this folder's objects are applied to: the stack's, except for
   * the folder of a stack that a central Argo CD sends to a remote destination.
   */
  readonly appliedTo: KubernetesClusterId;
  /** The stack chart, for errors. @default - none */
  readonly stack?: StackChart;
}

/** The placement of a chart: its own or that of the stack it is nested in; none for a chart outside any stack. */
export function placementOf(chart: Chart): FolderPlacement | undefined {
  if (BootstrapChart.isBootstrap(chart)) return { tool: chart.tool, clusterKey: chart.cluster.key, cluster: chart.cluster.label, appliedTo: chart.cluster };
  // `instanceof StackChart` holds for any chart (cdk8s's Chart[Symbol.hasInstance]): the placement is the test.
  const stack = [...chart.node.scopes].reverse().find((s): s is StackChart => (s as StackChart)._placement !== undefined);
  if (!stack) return undefined;
  const { namespace, delivery } = stack._placement!;
  const cluster = delivery._kubernetesCluster();
  return { namespace, tool: delivery._tool, clusterKey: cluster.key, cluster: cluster.label, appliedTo: delivery._folderCluster(chart, stack), stack };
}
