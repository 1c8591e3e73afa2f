import { Document, parse, Scalar, visit } from 'yaml';

/** The options cdk8s's `Yaml.stringify` passes to the yaml package. */
const CDK8S_YAML_OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

const IMPLICIT_TAGS = new Document(null, CDK8S_YAML_OPTIONS).schema.tags.filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str');
/** Whether any of the tags' tests matches; the tests without flags run as one expression. */
function anyTest(tags: typeof IMPLICIT_TAGS): (s: string) => boolean {
  const tests = tags.flatMap((t) => ('test' in t && t.test instanceof RegExp ? [t.test] : []));
  const combined = new RegExp(tests.filter((t) => !t.flags).map((t) => `(?:${t.source})`).join('|') || '(?!)');
  const flagged = tests.filter((t) => t.flags);
  return (s) => combined.test(s) || flagged.some((t) => t.test(s));
}
/** The YAML 1.1 schema's implicit types: a plain scalar matching one reads back as a non-string. */
const readsAsNonString = anyTest(IMPLICIT_TAGS.filter((t) => t.default === true));
/**
 * Implicit types that apply in some positions only (the merge key `<<`): left to the
 * yaml package, which writes it plain as cdk8s does. Quoting would not help: kustomize
 * drops a `"<<"` key silently (a plain one fails the build, which is better); the
 * escape hatches refuse the key (checkPlainValues), typed props never produce it.
 */
const positional = anyTest(IMPLICIT_TAGS.filter((t) => t.default !== true));

/** Characters the yaml package always writes double-quoted (control characters, lone surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Characters JSON escapes inside double quotes. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const JSON_ESCAPED = /[\x00-\x1f"\\]/;
/** Where a plain scalar is not allowed: a leading indicator, ': ' or ' #' inside, a trailing space or colon. */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/;
/**
 * Most names and kinds: a word that starts with no letter an implicit type starts
 * with (null, bool: n, y, t, f, o), so plain without the tests above.
 */
const SURELY_PLAIN = /^[A-EG-MP-SU-XZa-eg-mp-su-xz_][\w./-]*$/;

/**
 * The manifest text of `docs`, byte for byte what cdk8s's `Yaml.stringify(...docs)`
 * writes. cdk8s has the yaml package build a full document tree for every object,
 * which is most of a large synth's time and garbage. Plain data whose every scalar
 * the yaml package writes on one line (plain, or quoted without escapes) is written
 * here directly in the same block style; any other object goes to the yaml package.
 *
 * Unlike cdk8s, every string that YAML 1.2 or go-yaml reads as something else is quoted
 * as well: `kubectl kustomize` and the API server read YAML 1.2 (with go-yaml's own
 * number rules), where `0o17` is the integer 15, while YAML 1.1 (what cdk8s writes)
 * leaves it plain.
 */
export function manifestYaml(docs: readonly unknown[]): string {
  return docs.map((d) => (d === undefined ? '\n' : blockDocument(d) ?? stringifyQuoted(d))).join('---\n');
}

/** Only one-word strings starting like a number can be read as one by YAML 1.2 or go-yaml but not by 1.1. */
const NUMBER_LIKE = /^[-+.]?[0-9]\S*$/;
/**
 * go-yaml (kubectl kustomize, the API server) drops every `_` of a plain scalar, then
 * tries Go's `strconv.ParseInt(s, 0, 64)` (prefixes in either case: `0X1F`, `0O17`,
 * `+0o17`) and its own float pattern: `0o1_7` is 15 there, a string in YAML 1.1 and 1.2.
 */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/;
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Whether YAML 1.2 or go-yaml reads `s`, plain, as something else than the string `s`; YAML 1.1 is tested apart. */
function readsAsNonStringElsewhere(s: string): boolean {
  if (!NUMBER_LIKE.test(s)) return false;
  let known = numberLikeVerdicts.get(s);
  if (known === undefined) {
    const go = s.replace(/_/g, '');
    known = GO_INT.test(go) || GO_FLOAT.test(go) || typeof parse(s, { version: '1.2' }) !== 'string';
    if (numberLikeVerdicts.size >= MAX_VERDICTS) numberLikeVerdicts.clear();
    numberLikeVerdicts.set(s, known);
  }
  return known;
}

/**
 * Verdicts on number-like strings: a manifest repeats the same few (quantities such as
 * `10Gi`, versions), and parsing each one with the yaml package was a tenth of a large synth.
 */
const numberLikeVerdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

/** The yaml package's text of `doc`, with every string, key or value, that YAML 1.2 or go-yaml reads otherwise double-quoted. */
function stringifyQuoted(doc: unknown): string {
  const document = new Document(doc, CDK8S_YAML_OPTIONS);
  visit(document, {
    Scalar: (_, node) => {
      if (typeof node.value === 'string' && readsAsNonStringElsewhere(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return document.toString(CDK8S_YAML_OPTIONS);
}

/** The block YAML of a non-empty map, or undefined where the yaml package must decide. */
function blockDocument(doc: unknown): string | undefined {
  if (!isPlainObject(doc) || Object.keys(doc).length === 0) return undefined;
  const out: string[] = [];
  return writeMap(doc, '', false, out, new Set()) ? out.join('') : undefined;
}

/** Writes a non-empty map's pairs; `inline`: the first pair follows a sequence item's "- ". */
function writeMap(map: Record<string, unknown>, indent: string, inline: boolean, out: string[], seen: Set<object>): boolean {
  if (seen.has(map)) return false; // the yaml package writes an anchor and alias
  seen.add(map);
  let first = inline;
  for (const key of Object.keys(map)) {
    const text = scalarText(key);
    if (text === undefined || text.length > 1024) return false; // long keys become explicit keys
    out.push(first ? '' : indent, text, ':');
    first = false;
    if (!writeValue(map[key], indent, out, seen)) return false;
  }
  return true;
}

/** Writes the value of a pair whose key is at `indent`. */
function writeValue(value: unknown, indent: string, out: string[], seen: Set<object>): boolean {
  if (Array.isArray(value) || isPlainObject(value)) {
    if (seen.has(value)) return false;
    if (isEmpty(value)) {
      seen.add(value);
      out.push(Array.isArray(value) ? ' []\n' : ' {}\n');
      return true;
    }
    out.push('\n');
    return Array.isArray(value) ? writeSeq(value, `${indent}  `, out, seen) : writeMap(value, `${indent}  `, false, out, seen);
  }
  const text = scalarText(value);
  if (text === undefined) return false;
  out.push(' ', text, '\n');
  return true;
}

/** Writes a non-empty sequence's items at `indent`. */
function writeSeq(seq: unknown[], indent: string, out: string[], seen: Set<object>): boolean {
  seen.add(seq);
  for (const item of seq) {
    out.push(indent, '-');
    if (Array.isArray(item) && !isEmpty(item)) return false; // nested sequences: left to the yaml package
    if (isPlainObject(item) && !isEmpty(item)) {
      if (seen.has(item)) return false;
      out.push(' ');
      if (!writeMap(item, `${indent}  `, true, out, seen)) return false;
    } else if (!writeValue(item, indent, out, seen)) {
      return false;
    }
  }
  return true;
}

/** A scalar on one line as the yaml package writes it, or undefined where it would do more. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? (Object.is(value, -0) ? '-0' : String(value)) : undefined;
  if (typeof value === 'string' && SURELY_PLAIN.test(value)) return value;
  if (typeof value !== 'string' || value.includes('\n') || NEEDS_ESCAPES.test(value) || DOCUMENT_MARKER.test(value)) return undefined;
  if (positional(value)) return undefined;
  if (!NOT_PLAIN.test(value) && !readsAsNonString(value) && !readsAsNonStringElsewhere(value)) return value;
  // Quoted: single quotes around a double quote, otherwise double quotes.
  const double = value.includes('"');
  if (double) return value.includes("'") ? undefined : `'${value}'`;
  return JSON_ESCAPED.test(value) ? undefined : `"${value}"`;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype && typeof (x as { toJSON?: unknown }).toJSON !== 'function';
}

function isEmpty(x: unknown[] | Record<string, unknown>): boolean {
  return Array.isArray(x) ? x.length === 0 : Object.keys(x).length === 0;
}
