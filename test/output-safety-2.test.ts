import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { QdrantApp } from '../src';
import { configErrorOf } from './support/errors';

/** A fresh temporary directory. */
function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('QdrantApp props from JavaScript callers', () => {
  test.each<[string, unknown, string, RegExp]>([
    ['null props', null, 'props', /expected QdrantAppProps/],
    ['a string as props', 'dist', 'props', /expected QdrantAppProps/],
    ['a number as outdir', { outdir: 42 }, 'outdir', /expected a non-empty path/],
    ['an empty outdir', { outdir: '' }, 'outdir', /expected a non-empty path/],
    ['a NUL byte in outdir', { outdir: 'di\u0000st' }, 'outdir', /without NUL bytes/],
    ['an object as previousOutput', { previousOutput: {} }, 'previousOutput', /expected a non-empty path/],
    ['a string as mirror', { mirror: 'harbor.corp/qdrant' }, 'mirror', /expected an ImageMirror/],
    ['a typo (previousOuput)', { previousOuput: '../main/dist' }, 'previousOuput', /unknown key; expected one of "outdir", "mirror", "allowedChanges", "previousOutput"/],
  ])('%s is refused when the app is created', (_what, props, prop, allowed) => {
    // GIVEN props a TypeScript caller could not write
    // WHEN the app is created THEN the library error names the app, the prop and what is allowed
    const error = configErrorOf(() => new QdrantApp(props as any));
    expect(error.constructPath).toBe('<app>');
    expect(error.prop).toBe(prop);
    expect(error.allowed).toMatch(allowed);
  });

  test('a typo in previousOutput is refused before the comparison could be dropped silently', () => {
    // GIVEN an output and a previous output to compare with, named with a typo
    const dir = tmp('qdrant-props-');
    // WHEN the app is created THEN it is refused and nothing is written
    const error = configErrorOf(() => new QdrantApp({ outdir: path.join(dir, 'dist'), previousOuput: dir } as any));
    expect(error.message).toMatch(/\[<app>\] previousOuput: got "<set>"; unknown key/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
