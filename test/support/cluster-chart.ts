import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCdDelivery, QdrantCluster } from '../../src';

/** The id of the one cluster `addClusterChart` declares. */
export const CLUSTER_CHART_ID = 'a7d8d973-0cc5-42de-8d7b-c29d14d24840';

/** A chart `chartId` of `app` holding one cluster under an out-of-band operator: the smallest output a test can guard. */
export function addClusterChart(app: Construct, chartId = 'clusters'): Chart {
  const chart = new Chart(app, chartId);
  new QdrantCluster(chart, 'db', {
    id: CLUSTER_CHART_ID, customerId: 'acme', version: 'v1.16.3', size: 1, namespace: 'db',
    resources: { cpu: '1', memory: '1Gi', storage: '10Gi' },
    existingOperator: { watchedNamespaces: 'all', delivery: new ArgoCdDelivery() },
  });
  return chart;
}
