import { execFileSync } from 'child_process';

/** Runs git in `dir` as a test user, without reading the machine's git configuration. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' },
  });
}

/** Makes `dir` a git repository. */
export function gitInit(dir: string): void {
  git(dir, 'init', '-q');
}

/** Commits everything in `dir`. */
export function commitAll(dir: string, message = 'synth'): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}
