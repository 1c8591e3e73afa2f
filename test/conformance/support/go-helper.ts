import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** GOPATH root of the helper's sources; Debian's packaged libraries come second. */
const GO_ROOT = path.resolve(__dirname, '..', 'go');
const PACKAGE = 'qdrant-conformance';
/** Gitignored; one binary per source and Go version, shared by the test files of a run. */
const CACHE_DIR = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.cache', 'qdrant-conformance');

function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: 'off',
    GOFLAGS: '',
    GOPATH: `${GO_ROOT}:/usr/share/gocode`,
    // Go needs a build cache; HOME may be unset in CI.
    GOCACHE: process.env.GOCACHE ?? path.join(process.env.HOME ? path.join(process.env.HOME, '.cache') : os.tmpdir(), 'go-build'),
  };
}

function sourceHash(): string {
  const hash = createHash('sha256').update(execFileSync('go', ['version'], { encoding: 'utf8' }));
  const dir = path.join(GO_ROOT, 'src', PACKAGE);
  for (const f of fs.readdirSync(dir).sort()) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A lock older than this was left by a run that died while building. */
const STALE_LOCK_MS = 5 * 60_000;

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

let built: string | undefined;

/**
 * Path of the built helper. Builds it in GOPATH mode (no module download) unless this
 * source was built before; parallel test files wait for the one that builds.
 */
function goHelper(): string {
  built ??= buildOnce();
  return built;
}

function buildOnce(): string {
  const dir = path.join(CACHE_DIR, sourceHash());
  const binary = path.join(dir, PACKAGE);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const lock = `${dir}.lock`;
  try {
    fs.mkdirSync(lock);
  } catch {
    while (!fs.existsSync(binary) && ageMs(lock) < STALE_LOCK_MS) sleep(200);
    if (fs.existsSync(binary)) return binary;
    fs.rmSync(lock, { recursive: true, force: true });
    return buildOnce();
  }
  const staging = fs.mkdtempSync(`${dir}.build-`);
  try {
    execFileSync('go', ['build', '-o', path.join(staging, PACKAGE), PACKAGE], { cwd: GO_ROOT, env: goEnv(), stdio: ['ignore', 'inherit', 'pipe'] });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return binary;
}

/** Runs one helper command on a JSON request and returns its JSON answer. */
export function runGoHelper<T>(command: 'render' | 'validate', request: unknown): T {
  const out = execFileSync(goHelper(), [command], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as T;
}
