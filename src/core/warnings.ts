import { IConstruct } from 'constructs';

const WARNING = 'cdk8s-qdrant:warning';

/**
 * Records a warning on a construct. QdrantApp prints warnings on synth and lists them
 * in the folder's README.md, so they show up in the pull request that adds them.
 */
export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING, message);
}

/** Every warning under `scope`, as "[path] message". */
export function warningsUnder(scope: IConstruct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === WARNING)
    .map((m) => `[${c.node.path}] ${m.data}`));
}
