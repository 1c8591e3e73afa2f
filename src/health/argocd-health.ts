import { QDRANT_API_VERSION, QDRANT_HEALTH, QdrantKindHealth } from './qdrant-health';

/** The `argocd-cm` key of a custom health check (https://argo-cd.readthedocs.io/en/stable/operator-manual/health/). */
export const healthKey = (group: string, kind: string) => `resource.customizations.health.${group}_${kind}`;

const luaString = (s: string) => JSON.stringify(s);

/**
 * The one Lua health script of the `qdrant.io` kinds: the kind's phase table, then the
 * same lookup for every kind. An unknown phase (a newer operator) is `Unknown`, never healthy.
 */
export function qdrantHealthLua(kind: QdrantKindHealth): string {
  const table = Object.entries(kind.phases).map(([phase, health]) => `  ${phase} = ${luaString(health)},`);
  return [
    `-- ${kind.kind} health from status.phase (cdk8s-qdrant; ${kind.source})`,
    'local health = {',
    ...table,
    '}',
    'if obj.status == nil or obj.status.phase == nil then',
    '  return { status = "Progressing", message = "waiting for the operator to report a phase" }',
    'end',
    'local phase = obj.status.phase',
    'local detail = obj.status.reason or obj.status.message',
    'local message = "phase " .. phase',
    'if detail ~= nil and detail ~= "" then message = message .. ": " .. detail end',
    'if health[phase] == nil then return { status = "Unknown", message = message } end',
    'return { status = health[phase], message = message }',
    '',
  ].join('\n');
}

/**
 * A child Application's health is its own reported health: Argo CD stopped assessing
 * Applications in 1.8, and without this an app of apps does not wait for a wave's
 * children before the next wave (cdk8s-gitops-facts.md §6.3).
 */
export const APPLICATION_HEALTH_LUA = [
  '-- Application health for sync waves across child Applications (cdk8s-qdrant; cdk8s-gitops-facts.md §6.3)',
  'if obj.status ~= nil and obj.status.health ~= nil and obj.status.health.status ~= nil then',
  '  return { status = obj.status.health.status, message = obj.status.health.message or "" }',
  'end',
  'return { status = "Progressing", message = "waiting for the Application to report its health" }',
  '',
].join('\n');

/** The `argocd-cm` data the output needs: health of every `qdrant.io` kind and of child Applications. */
export function argoCdHealthData(): Record<string, string> {
  const group = QDRANT_API_VERSION.split('/')[0];
  return {
    [healthKey('argoproj.io', 'Application')]: APPLICATION_HEALTH_LUA,
    ...Object.fromEntries(QDRANT_HEALTH.map((k) => [healthKey(group, k.kind), qdrantHealthLua(k)])),
  };
}

/** Argo CD reads its settings only from this ConfigMap, labelled as part of Argo CD. */
export const ARGOCD_CM = 'argocd-cm';
export const ARGOCD_CM_LABELS = { 'app.kubernetes.io/name': ARGOCD_CM, 'app.kubernetes.io/part-of': 'argocd' };
