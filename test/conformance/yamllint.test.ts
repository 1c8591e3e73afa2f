import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { useShowcaseOutput } from './support/output';
import { command, toolsAvailable } from './support/tools';

const CONFIG = path.resolve(__dirname, '..', '..', '.yamllint.yaml');

/** yamllint's findings (strict: warnings count) for these files, one per line; empty when clean. */
function yamllint(files: readonly string[]): string[] {
  try {
    execFileSync('yamllint', ['--strict', '--format', 'parsable', '-c', CONFIG, ...files], { encoding: 'utf8' });
    return [];
  } catch (e: any) {
    if (e.status !== 1 && e.status !== 2) throw e;
    return String(e.stdout).split('\n').filter(Boolean);
  }
}

const describeIfYamllint = toolsAvailable('yamllint of the output', [command('yamllint', 'apt-get install yamllint')]) ? describe : describe.skip;

describeIfYamllint('yamllint on the output', () => {
  const showcase = useShowcaseOutput();
  const yamlFiles = () => showcase().files.filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(showcase().dir, f));

  test('every YAML file of every example passes with the documented config', () => {
    expect(yamlFiles().length).toBeGreaterThan(0);
    expect(yamllint(yamlFiles())).toEqual([]);
  });

  test('mutation: a copy of an output manifest with a duplicated key fails', () => {
    // GIVEN a manifest whose first document repeats its kind
    const original = yamlFiles().find((f) => f.endsWith('.k8s.yaml'))!;
    const broken = path.join(path.dirname(original), 'broken.k8s.yaml');
    fs.writeFileSync(broken, fs.readFileSync(original, 'utf8').replace(/^kind: (.*)$/m, 'kind: $1\nkind: $1'));
    // THEN yamllint names the duplicate
    expect(yamllint([original, broken])).toEqual([expect.stringMatching(/broken\.k8s\.yaml:\d+:\d+: \[error\] duplication of key "kind" in mapping \(key-duplicates\)/)]);
  });
});
