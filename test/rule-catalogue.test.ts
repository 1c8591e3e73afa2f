import * as fs from 'fs';
import * as path from 'path';
import { RULE_LISTS, ruleCatalogue } from '../scripts/rule-catalogue';

// Every named rule, errors and warnings alike, sits in a rule list, has a unique id and a
// doc line, is in docs/rules.md, and is asserted by a test through the id that ends its message.
const ROOT = path.resolve(__dirname, '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === '__snapshots__' ? [] : filesUnder(p)) : p.endsWith('.ts') ? [p] : [];
  });
}

const allRules = RULE_LISTS.flatMap((list) => list.rules.map((rule) => ({ list, rule })));

test('docs/rules.md is the catalogue generated from the rule lists (regenerate with npm run docs)', () => {
  expect(fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(ruleCatalogue());
});

test('rule ids are unique across every list and level, and each has a one-line doc', () => {
  const ids = allRules.map(({ rule }) => rule.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const { rule } of allRules) {
    expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.doc.trim().length).toBeGreaterThan(20);
    expect(rule.doc).not.toContain('\n');
  }
});

test('every warning rule is asserted by a test through the id that ends its message', () => {
  // GIVEN the test sources (this file aside, which names no rule)
  // (backslashes dropped, so an escaped `\[rule <id>\]` in a regular expression counts too)
  const tests = filesUnder(path.join(ROOT, 'test')).filter((f) => f !== __filename).map((f) => fs.readFileSync(f, 'utf8').replace(/\\/g, '')).join('\n');
  // THEN each warning id appears as the `[rule <id>]` ending of an expected message
  const untested = allRules.filter(({ list }) => list.level === 'warning').map(({ rule }) => rule.id)
    .filter((id) => !tests.includes(`[rule ${id}]`));
  expect(untested).toEqual([]);
});

test('warnings are raised only through named rules (addWarning is called by core/policy.ts alone)', () => {
  const callers = filesUnder(path.join(ROOT, 'src'))
    .filter((f) => !f.endsWith(path.join('core', 'notices.ts')) && !f.endsWith(path.join('core', 'policy.ts')))
    .filter((f) => /\baddWarning\(/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f));
  expect(callers).toEqual([]);
});
