import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { redactText } from './credential-shapes';

/** What a notice is about: a warning, or a Secret the user must provide. */
export type NoticeKind = 'warning' | 'secret';

const PREFIX = 'cdk8s-qdrant:';

/**
 * Records a notice on a construct. QdrantApp lists notices in the folder's README.md
 * and prints warnings on synth, so they show up in the pull request that adds them.
 * A notice the construct already carries is not added again (checks that run on every
 * render, such as validations, may find the same thing twice).
 */
export function addNotice(scope: IConstruct, kind: NoticeKind, message: string): void {
  const type = `${PREFIX}${kind}`;
  const data = redactText(message);
  if (!scope.node.metadata.some((m) => m.type === type && m.data === data)) scope.node.addMetadata(type, data);
}

export function addWarning(scope: IConstruct, message: string): void {
  addNotice(scope, 'warning', message);
}

/** Notices of one kind from the constructs whose closest chart is `chart` (nested charts report their own). */
export function noticesOf(chart: Chart, kind: NoticeKind): string[] {
  return chart.node.findAll()
    .filter((c) => Chart.of(c) === chart)
    .flatMap((c) => c.node.metadata
      .filter((m) => m.type === `${PREFIX}${kind}`)
      .map((m) => (kind === 'warning' ? `[${c.node.path}] ${m.data}` : String(m.data))));
}
