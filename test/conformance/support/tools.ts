import { execFileSync } from 'child_process';
import * as fs from 'fs';

/** CI sets CI=true; there a missing tool fails the run instead of skipping a check. */
export const IN_CI = process.env.CI === 'true';

/** Something a check needs, how to tell it is there, and how to get it. */
export interface Tool {
  readonly name: string;
  readonly present: () => boolean;
  readonly install: string;
}

/** A command that runs with the given probe arguments. */
export function command(name: string, install: string, probe: readonly string[] = ['--version']): Tool {
  const present = () => {
    try {
      execFileSync(name, [...probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  return { name: `\`${name}\``, present, install };
}

/** A Go library of Debian's GOPATH tree. */
export function goLibrary(importPath: string, debianPackage: string): Tool {
  return { name: `Go package ${importPath}`, present: () => fs.existsSync(`/usr/share/gocode/src/${importPath}`), install: `apt-get install ${debianPackage}` };
}

export const GO_TOOLS: readonly Tool[] = [
  command('go', 'apt-get install golang-go', ['version']),
  goLibrary('github.com/Masterminds/sprig', 'golang-github-masterminds-sprig-dev'),
  goLibrary('k8s.io/kube-openapi/pkg/validation/validate', 'golang-k8s-kube-openapi-dev'),
];

/**
 * Whether the conformance check named `check` can run. Outside CI a missing tool skips
 * the check with a message saying what was skipped and how to get the tool; in CI it
 * throws, so the run fails.
 */
export function toolsAvailable(check: string, tools: readonly Tool[]): boolean {
  const missing = tools.filter((t) => !t.present());
  if (missing.length === 0) return true;
  const message = `${check}: ${missing.map((t) => `${t.name} not found (${t.install})`).join('; ')}`;
  if (IN_CI) throw new Error(`${message}; CI must have it`);
  process.stderr.write(`SKIPPED ${message}\n`);
  return false;
}
