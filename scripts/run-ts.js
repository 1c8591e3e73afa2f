#!/usr/bin/env node
// Runs a TypeScript entry point with plain node: `node scripts/run-ts.js examples/main.ts`.
// Each .ts file is transpiled by swc (the transpiler the tests run through) and cached
// under node_modules/.cache by a hash of its content, so a synth never runs stale code
// and pays for transpiling only the files that changed. Type checking is not done here:
// `npm test` and `npm run build` run tsc. The inline source maps cost nothing unless
// node runs with --enable-source-maps (for stack traces into the TypeScript).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const SWC_OPTIONS = {
  jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
  configFile: false,
};
const CACHE_DIR = path.join(__dirname, '..', 'node_modules', '.cache', 'run-ts');
const SALT = `${require('@swc/core/package.json').version}\0${JSON.stringify(SWC_OPTIONS)}`;

let swc;
function transpile(source, filename) {
  swc = swc ?? require('@swc/core');
  return swc.transformSync(source, { ...SWC_OPTIONS, filename }).code;
}

function compiled(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const hash = crypto.createHash('sha1').update(`${SALT}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(CACHE_DIR, `${hash}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const code = transpile(source, filename);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, cached); // atomic: a parallel run never reads half a file
    return code;
  }
}

require.extensions['.ts'] = (module, filename) => module._compile(compiled(filename), filename);

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-ts.js <entry.ts> [args...]');
  process.exit(2);
}
const entryPath = path.resolve(entry);
process.argv.splice(1, 2, entryPath); // the entry sees its absolute path as argv[1], as under node
require(entryPath);
