import { describeObject, OutputObject, useShowcaseOutput } from './support/output';

/*
 * The annotation values Argo CD and Flux read from the objects they apply. Neither API
 * server checks them: a wrong value is silently ignored (a sync wave "two" is wave 0),
 * so the tests do.
 */

/**
 * Argo CD's sync options and their values (argoproj/argo-cd docs/user-guide/sync-options.md):
 * usable as the `argocd.argoproj.io/sync-options` annotation and in an Application's
 * `spec.syncPolicy.syncOptions`.
 */
const SYNC_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  Prune: ['false', 'confirm'],
  Delete: ['false', 'confirm'],
  Validate: ['false'],
  SkipDryRunOnMissingResource: ['true'],
  ApplyOutOfSyncOnly: ['true', 'false'],
  PrunePropagationPolicy: ['foreground', 'background', 'orphan'],
  PruneLast: ['true'],
  Replace: ['true'],
  Force: ['true'],
  ServerSideApply: ['true', 'false'],
  ClientSideApplyMigration: ['false'],
  FailOnSharedResource: ['true'],
  RespectIgnoreDifferences: ['true'],
  CreateNamespace: ['true', 'false'],
};

/** Flux annotations on applied objects and their values (fluxcd/kustomize-controller docs/spec/v1/kustomizations.md). */
const FLUX_ANNOTATIONS: Readonly<Record<string, readonly string[]>> = {
  'kustomize.toolkit.fluxcd.io/prune': ['disabled'],
  'kustomize.toolkit.fluxcd.io/ssa': ['Merge', 'IfNotPresent', 'Ignore'],
  'kustomize.toolkit.fluxcd.io/force': ['enabled'],
  'kustomize.toolkit.fluxcd.io/reconcile': ['disabled'],
  'reconcile.fluxcd.io/watch': ['Enabled'],
};

/** What is wrong with one list of sync options, one line each. */
function syncOptionProblems(options: readonly string[]): string[] {
  return options.flatMap((option) => {
    const [key, value, ...rest] = option.trim().split('=');
    const allowed = SYNC_OPTIONS[key];
    if (!allowed) return [`"${option}": unknown sync option (known: ${Object.keys(SYNC_OPTIONS).join(', ')})`];
    return rest.length || !allowed.includes(value) ? [`"${option}": ${key} takes ${allowed.join(' or ')}`] : [];
  });
}

/** What is wrong with the GitOps annotations of one object, one line each. */
function annotationProblems(object: any): string[] {
  const annotations: Record<string, unknown> = object?.metadata?.annotations ?? {};
  const found: string[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (key === 'argocd.argoproj.io/sync-wave' && !(typeof value === 'string' && /^-?\d+$/.test(value))) {
      found.push(`${key}: ${JSON.stringify(value)} is not an integer`);
    } else if (key === 'argocd.argoproj.io/sync-options') {
      found.push(...syncOptionProblems(String(value).split(',')).map((p) => `${key}: ${p}`));
    } else if (key.startsWith('argocd.argoproj.io/') && !['argocd.argoproj.io/sync-wave', 'argocd.argoproj.io/sync-options'].includes(key)) {
      found.push(`${key}: an Argo CD annotation these tests do not know`);
    } else if (/fluxcd\.io\//.test(key) && !FLUX_ANNOTATIONS[key]?.includes(String(value))) {
      found.push(`${key}: ${JSON.stringify(value)}${FLUX_ANNOTATIONS[key] ? ` is not ${FLUX_ANNOTATIONS[key].join(' or ')}` : ' is a Flux annotation these tests do not know'}`);
    }
  }
  if (object?.kind === 'Application') {
    found.push(...syncOptionProblems(object.spec?.syncPolicy?.syncOptions ?? []).map((p) => `spec.syncPolicy.syncOptions: ${p}`));
  }
  return found;
}

describe('Argo CD and Flux annotation values in the showcase', () => {
  const showcase = useShowcaseOutput();
  const problems = (objects: readonly OutputObject[]) => objects.flatMap((o) => annotationProblems(o.object).map((p) => `${describeObject(o)}: ${p}`));

  test('every sync wave is an integer, every sync option documented, every Flux annotation value known', () => {
    const annotated = showcase().objects.filter((o) => Object.keys(o.object.metadata?.annotations ?? {}).some((k) => /(argoproj|fluxcd)\.io\//.test(k)));
    expect(annotated.length).toBeGreaterThan(10);
    expect(problems(showcase().objects)).toEqual([]);
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ['a sync wave "two"', { 'argocd.argoproj.io/sync-wave': 'two' }, /sync-wave: "two" is not an integer/],
    ['a sync wave "1.5"', { 'argocd.argoproj.io/sync-wave': '1.5' }, /is not an integer/],
    ['a misspelt sync option', { 'argocd.argoproj.io/sync-options': 'Prune=false,SkipDryRunOnMissingResources=true' }, /"SkipDryRunOnMissingResources=true": unknown sync option/],
    ['a sync option value', { 'argocd.argoproj.io/sync-options': 'Prune=no' }, /"Prune=no": Prune takes false or confirm/],
    ['a Flux prune value', { 'kustomize.toolkit.fluxcd.io/prune': 'false' }, /kustomize.toolkit.fluxcd.io\/prune: "false" is not disabled/],
  ])('mutation: %s is caught', (_case, annotations, message) => {
    // GIVEN a copy of a showcase object with the wrong value / THEN the check names it
    const copy = structuredClone(showcase().objects.find((o) => o.object.metadata?.annotations)!.object);
    copy.metadata.annotations = { ...copy.metadata.annotations, ...annotations };
    expect(annotationProblems(copy)).toContainEqual(expect.stringMatching(message));
  });

  test('mutation: an Application sync option outside the documented list is caught', () => {
    const app = structuredClone(showcase().objects.find((o) => o.object.kind === 'Application')!.object);
    app.spec.syncPolicy.syncOptions = ['CreateNamespace=yes'];
    expect(annotationProblems(app)).toEqual(['spec.syncPolicy.syncOptions: "CreateNamespace=yes": CreateNamespace takes true or false']);
  });
});
