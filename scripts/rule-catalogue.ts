// Writes docs/rules.md, the catalogue of every named rule: its id (the `[rule <id>]`,
// `[fleet <id>]` or guard id that ends a message), its level and its one line.
// `npm run docs` runs it; test/rule-catalogue.test.ts fails when the file is stale.
import * as fs from 'fs';
import * as path from 'path';
import { CLUSTER_RULES } from '../src/cluster/cluster-rules';
import { CLUSTER_SITE_WARNINGS, CLUSTER_WARNINGS } from '../src/cluster/cluster-warnings';
import { NamedRule } from '../src/core/policy';
import { MONITORING_WARNINGS } from '../src/monitoring/stack-monitoring';
import { OPERATOR_RULES, OPERATOR_WARNINGS } from '../src/operator/operator-rules';
import { FLEET_CHECKS, FLEET_WARNINGS } from '../src/output/fleet-checks';
import { GUARD_RULES } from '../src/output/guards/guard-rules';
import { REGION_RULES, REGION_WARNINGS } from '../src/region/region-rules';
import { SECRET_WARNINGS } from '../src/secrets/secret-source';
import { BACKUP_OBJECT_RULES, STORAGE_RULES, STORAGE_WARNINGS } from '../src/storage/storage-rules';

/** What a rule does when it finds something. */
export type RuleLevel = 'error' | 'warning' | 'guard' | 'fleet';

/** One rule list of the library: where it lives, who it checks, at which level. */
export interface RuleList {
  readonly name: string;
  readonly source: string;
  readonly checks: string;
  readonly level: RuleLevel;
  readonly rules: readonly NamedRule[];
}

const named = (rules: Record<string, NamedRule>) => Object.values(rules);
const withDoc = (rules: readonly { readonly id: string; readonly reason: string }[]): NamedRule[] => rules.map((r) => ({ id: r.id, doc: r.reason }));

/** Every rule list, errors first, then warnings, then what runs across the whole output. */
export const RULE_LISTS: readonly RuleList[] = [
  { name: 'CLUSTER_RULES', source: 'src/cluster/cluster-rules.ts', checks: 'QdrantCluster', level: 'error', rules: CLUSTER_RULES },
  { name: 'OPERATOR_RULES', source: 'src/operator/operator-rules.ts', checks: 'QdrantOperator', level: 'error', rules: OPERATOR_RULES },
  { name: 'REGION_RULES', source: 'src/region/region-rules.ts', checks: 'HybridRegion', level: 'error', rules: REGION_RULES },
  { name: 'STORAGE_RULES', source: 'src/storage/storage-rules.ts', checks: 'a stack\'s storage', level: 'error', rules: STORAGE_RULES },
  { name: 'BACKUP_OBJECT_RULES', source: 'src/storage/storage-rules.ts', checks: 'snapshots, schedules and restores', level: 'error', rules: BACKUP_OBJECT_RULES },
  { name: 'CLUSTER_WARNINGS', source: 'src/cluster/cluster-warnings.ts', checks: 'QdrantCluster (production shape)', level: 'warning', rules: CLUSTER_WARNINGS },
  { name: 'CLUSTER_SITE_WARNINGS', source: 'src/cluster/cluster-warnings.ts', checks: 'QdrantCluster (exposure, restores)', level: 'warning', rules: named(CLUSTER_SITE_WARNINGS) },
  { name: 'OPERATOR_WARNINGS', source: 'src/operator/operator-rules.ts', checks: 'QdrantOperator', level: 'warning', rules: named(OPERATOR_WARNINGS) },
  { name: 'REGION_WARNINGS', source: 'src/region/region-rules.ts', checks: 'HybridRegion', level: 'warning', rules: named(REGION_WARNINGS) },
  { name: 'STORAGE_WARNINGS', source: 'src/storage/storage-rules.ts', checks: 'a stack\'s storage', level: 'warning', rules: named(STORAGE_WARNINGS) },
  { name: 'MONITORING_WARNINGS', source: 'src/monitoring/stack-monitoring.ts', checks: 'a stack\'s monitoring', level: 'warning', rules: named(MONITORING_WARNINGS) },
  { name: 'SECRET_WARNINGS', source: 'src/secrets/secret-source.ts', checks: 'SecretSource', level: 'warning', rules: named(SECRET_WARNINGS) },
  { name: 'FLEET_WARNINGS', source: 'src/output/fleet-checks.ts', checks: 'the whole output', level: 'warning', rules: named(FLEET_WARNINGS) },
  { name: 'FLEET_CHECKS', source: 'src/output/fleet-checks.ts', checks: 'the whole output', level: 'fleet', rules: withDoc(FLEET_CHECKS) },
  { name: 'GUARD_RULES', source: 'src/output/guards/guard-rules.ts', checks: 'the output against what GitOps deploys now', level: 'guard', rules: withDoc(GUARD_RULES) },
];

const LEVELS: Record<RuleLevel, { readonly title: string; readonly effect: string }> = {
  error: { title: 'Errors', effect: 'The synth stops with a `QdrantConfigError` listing every broken rule of the construct; each problem ends in `[rule <id>]`.' },
  warning: { title: 'Warnings', effect: 'Printed as `cdk8s-qdrant warning: ... [rule <id>]` and written into the folder\'s README; the synth goes on.' },
  fleet: { title: 'Fleet checks', effect: 'Run across every folder of the output before anything is written; each problem ends in `[fleet <id>]`.' },
  guard: { title: 'Guards', effect: 'Compare the new output with the output GitOps deploys now; a refusal names the rule and the `Allow` that permits the change.' },
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The catalogue as Markdown: one section per level, one table row per rule. */
export function ruleCatalogue(lists: readonly RuleList[] = RULE_LISTS): string {
  const lines = [
    '# Rules',
    '',
    'Every named rule of the library, generated from the rule lists by `npm run docs` (do not edit).',
    'Each message a rule raises ends in its id, so a message leads here.',
    '',
  ];
  for (const level of Object.keys(LEVELS) as RuleLevel[]) {
    lines.push(`## ${LEVELS[level].title}`, '', LEVELS[level].effect, '');
    lines.push('| Id | Checks | Rule | List |', '| --- | --- | --- | --- |');
    for (const list of lists.filter((l) => l.level === level)) {
      for (const rule of list.rules) lines.push(`| \`${rule.id}\` | ${list.checks} | ${cell(rule.doc)} | \`${list.name}\` (${list.source}) |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// Run as `node scripts/run-ts.js scripts/rule-catalogue.ts` (run-ts.js is the main module and passes this file as argv[1]).
if (process.argv[1] === __filename) {
  const target = path.join(__dirname, '..', 'docs', 'rules.md');
  fs.writeFileSync(target, ruleCatalogue());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
