import { rules as secretlintRules } from '@secretlint/secretlint-rule-preset-recommend';
import { judgeName } from './credential-names';

/**
 * What a credential looks like, by its value. Two sources, one answer: secretlint's
 * recommended rule preset (well-known token formats, private keys, connection strings,
 * kept up to date by its maintainers) and the table below, which holds only what the
 * preset lacks (Kubernetes and Qdrant shapes, credentials inside configuration blobs).
 * Detection and redaction both read the ranges the two report, so they cannot disagree.
 *
 * Every check runs in time linear in the value: secretlint's rules are measured by
 * `npm run bench` and the fuzz suite; the table's patterns start at a literal and bound
 * every repetition, so no start position costs more than a few hundred steps.
 */

/** What errors and warnings show instead of a secret. */
export const REDACTED = '<redacted>';

/** A part of a text: `[start, end)`. */
type Range = readonly [number, number];

/** The parts of secretlint's rule API this module drives (the preset's types come from a package it does not install). */
interface ScannerRule {
  readonly meta: { readonly id: string; readonly type: string };
  create(context: ScanContext, options: Record<string, unknown>): { file?(source: ScanSource): unknown };
}
interface ScanContext {
  createTranslator(messages: unknown): (id: string) => string;
  report(found: { readonly range: Range }): void;
  ignore(found: unknown): void;
}
interface ScanSource { readonly content: string; readonly contentType: 'text'; readonly ext: string; readonly filePath?: string }

/** The preset's scanners; its comment filter (`secretlint-disable`) is not a scanner and would let a user switch detection off. */
const SCANNERS = (secretlintRules as unknown as readonly ScannerRule[]).filter((r) => r.meta.type === 'scanner' && !r.meta.id.endsWith('filter-comments'));
/** Options per rule: AWS access key ids are credentials here too (they name the key pair). */
const SCANNER_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };

function secretlintRanges(text: string): Range[] {
  const found: Range[] = [];
  const context: ScanContext = { createTranslator: () => (id) => id, report: ({ range }) => found.push(range), ignore: () => undefined };
  const source: ScanSource = { content: text, contentType: 'text', ext: '' };
  for (const rule of SCANNERS) rule.create(context, SCANNER_OPTIONS[rule.meta.id] ?? {}).file?.(source);
  return found;
}

/** One row of the library's own shapes: a pattern (group 1, when present, is a harmless prefix kept in messages) or a finder. */
interface Shape {
  /** What the row catches, and why the preset does not. */
  readonly what: string;
  /** A literal the shape cannot do without: testing for it first keeps long values cheap. @default - none */
  readonly needs?: string;
  readonly pattern?: RegExp;
  readonly find?: (text: string) => Range[];
}

/** Values of a credential-named assignment that are no credential: placeholders and templates. */
const PLACEHOLDER = /^(\$|\{\{|<|%|\*+$|true$|false$|null$|none$|changeme$|xxx)/i;

/** Own shapes: Kubernetes and Qdrant credentials, and credentials written inside text the preset reads as plain words. */
export const OWN_SHAPES: readonly Shape[] = [
  { what: 'a Qdrant Cloud access key (`<uuid>|<secret>`, qdrant-facts.md)', needs: '|',
    pattern: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|[^\s"',;]{1,512}/gi },
  { what: 'userinfo in any URL (redis://, amqp://, https://; the preset knows database schemes only)', needs: '://',
    pattern: /([a-z][a-z0-9+.-]{0,31}:\/\/)[^/?#\s@]{1,512}@/gi },
  { what: '`user:password@host` without a scheme (a registry, a proxy); not `git@host:path`, an image digest or mailto:', needs: '@',
    pattern: /(^|[\s"'=(,;<>])(?!(?:mailto|urn|tel|sips?|xmpp|news|cid|mid):)[^\s"'/?#@:<>]{1,256}:[^\s"'/?#<>@]{1,256}@(?![a-z0-9]{1,64}:[0-9a-f]{32})(?=[a-z0-9[])/gi },
  { what: 'a credential in a URL query (`?token=`, a signed URL\'s `sig=`)',
    pattern: /([?&](?:password|passwd|pwd|token|access_token|private_token|api_key|apikey|secret|sig|x-amz-signature)=)[^&\s"']{1,1024}/gi },
  { what: 'a Kubernetes service account token or any JWT', needs: 'eyJ',
    pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,4096}/g },
  { what: 'a GitLab token (the preset has GitHub only)', needs: 'gl', pattern: /\bgl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,256}/g },
  { what: 'an HTTP Authorization value (a header set through an annotation or an env var)',
    pattern: /\b(Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,4096}/g },
  { what: 'the `auth` of a Docker config (`.dockerconfigjson`, an image pull Secret\'s data)', needs: 'auth',
    pattern: /("auths?"\s{0,8}:\s{0,8}")[A-Za-z0-9+/=]{8,4096}/g },
  { what: 'a private key in PEM or PGP armour, up to its END line (or the end of the text when cut)', needs: 'PRIVATE KEY', find: pemRanges },
  { what: 'a credential-named assignment inside configuration text (kubeconfig `token:`, `.npmrc`, `.pypirc`, `AccountKey=`, `Password=`)',
    find: assignmentRanges },
];

function pemRanges(text: string): Range[] {
  const out: Range[] = [];
  const begin = /-----BEGIN [A-Z ]{0,32}PRIVATE KEY(?: BLOCK)?-----/g;
  for (let m = begin.exec(text); m; m = begin.exec(text)) {
    const end = text.indexOf('-----END', begin.lastIndex);
    const close = end < 0 ? -1 : text.indexOf('-----', end + 8);
    const stop = close < 0 ? text.length : close + 5;
    out.push([m.index, stop]);
    begin.lastIndex = stop;
  }
  return out;
}

/**
 * `name: value`, `name = value`, `"name": "value"` and `Name=value;` where the name table
 * calls the name a credential. Names are at most 64 characters and values 1,024, so each
 * separator costs a bounded look around it.
 */
function assignmentRanges(text: string): Range[] {
  const out: Range[] = [];
  const assignment = /([A-Za-z_][A-Za-z0-9_.-]{0,63})["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([^\s"',;}]{4,1024})/g;
  for (let m = assignment.exec(text); m; m = assignment.exec(text)) {
    const start = m.index;
    const atWordStart = start === 0 || !/[A-Za-z0-9_.-]/.test(text[start - 1]);
    const value = m[2];
    // A value of letters only is a word of prose (`a credential: credentials go through ...`), not a secret.
    if (atWordStart && /[^A-Za-z]/.test(value) && !PLACEHOLDER.test(value) && !value.startsWith('/') && judgeName(m[1], 'env').verdict === 'credential') {
      out.push([start + m[0].length - value.length, start + m[0].length]);
    }
  }
  return out;
}

function ownRanges(text: string): Range[] {
  const out: Range[] = [];
  for (const shape of OWN_SHAPES) {
    if (shape.needs !== undefined && !text.includes(shape.needs)) continue;
    if (shape.find) { out.push(...shape.find(text)); continue; }
    const pattern = shape.pattern!;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // A leading group is context (`https://`, `?token=`), kept in messages so they stay readable.
      const kept = m[1] === undefined ? 0 : m[1].length;
      out.push([m.index + kept, m.index + m[0].length]);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return out;
}

/** Every credential-shaped part of `text`, sorted and merged. */
export function credentialRanges(text: string): Range[] {
  const all = [...secretlintRanges(text), ...ownRanges(text)].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of all) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Whether a string looks like a credential whatever prop carries it. */
export function looksLikeCredential(value: unknown): boolean {
  return typeof value === 'string' && credentialRanges(value).length > 0;
}

/** `text` with every credential-shaped part replaced by `<redacted>`: for free-form messages (warnings, notices, errors). */
export function redactText(text: string): string {
  const ranges = credentialRanges(text);
  if (!ranges.length) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + REDACTED;
    at = e;
  }
  return out + text.slice(at);
}
