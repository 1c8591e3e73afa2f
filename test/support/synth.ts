import { Chart } from 'cdk8s';
import { QdrantApp } from '../../src';

/** A fresh app whose output goes nowhere unless synth() is called. */
export function testApp(): QdrantApp {
  return new QdrantApp({ outdir: '/nonexistent/never-written' });
}

/** The objects a chart emits. */
export function objectsOf(chart: Chart): any[] {
  return chart.toJson();
}

/** The one object of that kind and name; fails the test if missing or ambiguous. */
export function findObject(objects: readonly any[], kind: string, name: string, namespace?: string): any {
  const found = objects.filter((o) => o.kind === kind && o.metadata?.name === name && (namespace === undefined || o.metadata?.namespace === namespace));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${namespace ?? '*'}/${name}, found ${found.length}: ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  return found[0];
}

/** `kind/namespace/name` of each object, for order and presence assertions. */
export function ids(objects: readonly any[]): string[] {
  return objects.map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`);
}
