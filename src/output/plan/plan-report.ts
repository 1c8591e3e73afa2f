import { DatabaseChange } from './database-changes';
import { Plan } from './plan';

/** How many objects of one kind of change the Markdown plan names before it says "and N more" (the JSON names all). */
export const SHOWN_OBJECTS = 20;
/** How many databases the Markdown plan details: a pull-request comment stays under the forges' size limits (GitHub's is 65,536 characters). */
export const SHOWN_DATABASES = 50;
/** How many changed folders the Markdown plan details, for the same reason. */
export const SHOWN_FOLDERS = 50;

/** The line said on every entry point when the guards had nothing to compare with. */
export function nothingToCompareLine(plan: Plan): string | undefined {
  return plan.nothingToCompare === undefined ? undefined
    : `THE GUARDS HAD NOTHING TO COMPARE WITH (${plan.nothingToCompare}): every object was accepted as new, deletions included. Unless this is the `
      + `first synth, restore the previous output (\`git checkout -- ${plan.output}\`) or name it (baseRef / $QDRANT_BASE_REF, previousOutput) and synthesise again.`;
}

/** The first line of the plan: what was written, and against what it was checked. */
export function writtenLine(plan: Plan): string {
  const { folders, objects, warnings } = plan.written;
  const against = plan.baseline ? `compared with ${plan.baseline}` : 'compared with nothing';
  return `Wrote ${count(folders, 'folder')}, ${count(objects, 'object')} and ${count(warnings, 'warning')} to ${plan.output}/; ${against}.`;
}

/** How the plan is shown: the terminal names fewer objects, and the synth prints the warnings itself. */
export interface PlanView {
  /** The objects named per kind of change before "and N more". @default SHOWN_OBJECTS */
  readonly limit?: number;
  /** Whether the warnings are part of it. @default true */
  readonly warnings?: boolean;
  /** Whether it starts with its Markdown heading. @default true */
  readonly heading?: boolean;
}

/** The plan as Markdown, for a pull-request comment and for the terminal. */
export function planMarkdown(plan: Plan, view: PlanView = {}): string {
  const limit = view.limit ?? SHOWN_OBJECTS;
  const lines = [...(view.heading === false ? [] : ['# cdk8s-qdrant plan', '']), writtenLine(plan), ''];
  const loud = nothingToCompareLine(plan);
  if (loud) lines.push(`**${loud}**`, '');
  lines.push(...plan.notes.map((n) => `- Note: ${n}`), ...(plan.notes.length ? [''] : []));
  lines.push('## Qdrant databases', '');
  if (!plan.databases.length) lines.push('No database changes.', '');
  for (const db of plan.databases.slice(0, SHOWN_DATABASES)) {
    lines.push(`- **${db.object}** (cluster id ${db.id}, Kubernetes cluster ${db.kubernetesCluster}, folder \`${db.folder}\`)`);
    lines.push(...db.changes.map((c) => `  - ${changeLine(c)}`));
  }
  if (plan.databases.length > SHOWN_DATABASES) lines.push(`- and ${plan.databases.length - SHOWN_DATABASES} more databases (the JSON plan lists every change)`);
  if (plan.databases.length) lines.push('');
  lines.push('## Objects', '');
  if (!plan.folders.length) lines.push('No object changes.', '');
  let cluster: string | undefined;
  for (const f of plan.folders.slice(0, SHOWN_FOLDERS)) {
    if (f.kubernetesCluster !== cluster) {
      cluster = f.kubernetesCluster;
      if (lines[lines.length - 1] !== '') lines.push('');
      lines.push(`### Kubernetes cluster ${cluster}`, '');
    }
    const { added, changed, removed } = f.objects;
    lines.push(`- \`${f.folder}\` (${f.state}): ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
    for (const [what, names] of [['added', added], ['changed', changed], ['removed', removed]] as const) {
      if (names.length) lines.push(`  - ${what}: ${capped(names, limit)}`);
    }
  }
  if (plan.folders.length > SHOWN_FOLDERS) lines.push(`- and ${plan.folders.length - SHOWN_FOLDERS} more folders (the JSON plan lists every object)`);
  if (plan.folders.length) lines.push('');
  const { used, unmatched } = plan.allowances;
  if (used.length || unmatched.length) {
    lines.push('## Allowances', '', ...used.map((a) => `- used: ${a}`), ...unmatched.map((a) => `- matched nothing (remove it): ${a}`), '');
  }
  if (plan.warnings.length && view.warnings !== false) lines.push('## Warnings', '', ...plan.warnings.map((w) => `- ${w}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The plan as JSON: every field, every object named. */
export function planJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

function changeLine(c: DatabaseChange): string {
  const values = c.from !== undefined && c.to !== undefined ? ` ${c.from} -> ${c.to}` : c.to !== undefined ? ` ${c.to}` : c.from !== undefined ? ` (was ${c.from})` : '';
  const restarts = c.restarts === 'yes' ? 'pods restart' : c.restarts === 'may' ? 'pods may restart' : 'no pod restarts';
  return `${c.what}${values}: ${c.effect}. ${restarts[0].toUpperCase()}${restarts.slice(1)}.`;
}

function capped(names: readonly string[], limit: number): string {
  const shown = names.slice(0, limit).map((n) => `\`${n}\``).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
