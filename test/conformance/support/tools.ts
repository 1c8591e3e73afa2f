import { execFileSync } from 'child_process';

/** CI sets CI=true; there a missing tool fails the run instead of skipping a check. */
export const IN_CI = process.env.CI === 'true';

/** Whether a command runs (`--version` or the given probe arguments). */
function runs(command: string, probe: readonly string[]): boolean {
  try {
    execFileSync(command, [...probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the conformance check named `check` can run. Outside CI a missing tool skips
 * the check with a message saying what was skipped and how to get the tool; in CI it
 * throws, so the run fails.
 */
export function toolAvailable(check: string, command: string, debianPackages: string, probe: readonly string[] = ['--version']): boolean {
  if (runs(command, probe)) return true;
  const message = `${check}: \`${command}\` not found (Debian: apt-get install ${debianPackages})`;
  if (IN_CI) throw new Error(`${message}; CI must have it`);
  console.warn(`SKIPPED ${message}`);
  return false;
}
