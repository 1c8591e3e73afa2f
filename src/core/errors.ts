import { IConstruct } from 'constructs';
import { namesCredential } from './credential-names';
import { REDACTED, redactText } from './credential-shapes';
import { redact } from './credentials';

/** One problem with one prop of one construct. */
export interface ConfigProblem {
  /** Construct path, e.g. `region-a/Cluster`. */
  readonly constructPath: string;
  /** Prop path, e.g. `environment.httpProxyUrl`. */
  readonly prop: string;
  /** The value received; secrets and credential-shaped values are `<redacted>`. */
  readonly value: unknown;
  /** The prop holds a secret: its value is never shown. @default - decided by the prop name */
  readonly secret?: boolean;
  /** What is allowed instead. */
  readonly allowed: string;
}

/**
 * The one error type of this library: bad input, found where it enters.
 *
 * Catch it to tell configuration mistakes apart from bugs. `problems` lists every
 * problem found; the message lists them one per line.
 */
export class QdrantConfigError extends Error {
  /** Every problem found, in the order found. */
  public readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const shown = problems.map(hideSecrets);
    super(shown.map(formatProblem).join('\n'));
    this.name = 'QdrantConfigError';
    this.problems = shown;
  }

  /** The first problem's construct path. */
  public get constructPath(): string { return this.problems[0].constructPath; }
  /** The first problem's prop path. */
  public get prop(): string { return this.problems[0].prop; }
  /** The first problem's value. */
  public get value(): unknown { return this.problems[0].value; }
  /** What the first problem's prop allows. */
  public get allowed(): string { return this.problems[0].allowed; }
}

/**
 * Throws a QdrantConfigError for one prop of `scope`. `secret`: the prop holds a
 * secret (a props-table entry's `secret` flag); props named like credentials and
 * credential-shaped values are hidden anyway.
 */
export function fail(scope: IConstruct, prop: string, value: unknown, allowed: string, secret?: boolean): never {
  throw new QdrantConfigError([{ constructPath: pathOf(scope), prop, value, allowed, secret }]);
}

/**
 * The prop path of a map entry: `prop.key` for a key that reads as a name, else
 * `prop["key"]` (`encryptedData[".dockerconfigjson"]`, `refs["tls.crt"]`), so a path never shows a double dot.
 */
export function entryPath(prop: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? `${prop}.${key}` : `${prop}[${JSON.stringify(key)}]`;
}

/** The construct path of problems with the app's own props (`outdir`, `previousOutput`, `allowedChanges`). */
export const APP_PATH = '<app>';

/** Throws a QdrantConfigError for one of the QdrantApp's own props. */
export function failApp(prop: string, value: unknown, allowed: string): never {
  throw new QdrantConfigError([{ constructPath: APP_PATH, prop, value, allowed }]);
}

/** Whether a problem's value may be shown is decided here, for every error of the library. */
function hideSecrets(p: ConfigProblem): ConfigProblem {
  const leaf = p.prop.split(/[.[\]\s(]/).filter(Boolean).pop() ?? '';
  const secret = p.secret === true || namesCredential(leaf);
  return { ...p, value: secret && p.value !== undefined ? REDACTED : redact(p.value) };
}

/** The construct path shown in errors; the root (the app) has an empty path. */
export function pathOf(scope: IConstruct): string {
  return scope.node.path || scope.node.id || APP_PATH;
}

function formatProblem(p: ConfigProblem): string {
  return redactText(`[${cut(p.constructPath)}] ${cut(p.prop)}: got ${showValue(p.value)}; ${cut(p.allowed, ALLOWED_CHARACTERS)}`);
}

/** Longest text of one value or path shown in a message; a longer one is cut and its length given. */
const SHOWN_CHARACTERS = 300;
/** What is allowed is the library's own text, longer than a value but bounded too (it may quote a key). */
const ALLOWED_CHARACTERS = 4000;

function cut(text: string, max = SHOWN_CHARACTERS): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}

function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return cut(JSON.stringify(value));
  try {
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    // A cycle, a bigint, an object without a prototype (String() throws on it too).
    return `<${typeof value}>`;
  }
}
