import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The mermaid library from npm (a devDependency): its browser bundle, loaded from disk, offline. */
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');

/** Debian's Chromium binary. */
export const CHROMIUM = 'chromium';

/** What mermaid said of one diagram. */
export interface MermaidVerdict {
  /** Undefined when the diagram parsed. */
  readonly error?: string;
}

/** The outcome of one browser run: a verdict per diagram, and the SVG of the rendered one. */
export interface MermaidRun {
  readonly verdicts: MermaidVerdict[];
  readonly svg?: string;
  readonly renderError?: string;
}

/**
 * Parses every diagram with `mermaid.parse` and renders the one at `renderIndex` with
 * `mermaid.render`, in headless Chromium (mermaid needs a real DOM). The page writes its
 * findings into the DOM, which Chromium prints once the page's tasks are done.
 */
export function runMermaid(diagrams: readonly string[], renderIndex = 0): MermaidRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdrant-mermaid-'));
  try {
    const page = path.join(dir, 'index.html');
    fs.writeFileSync(page, [
      '<!doctype html><html><head><meta charset="utf-8"></head><body>',
      `<script src="file://${MERMAID_BUNDLE}"></script>`,
      '<script>',
      `const diagrams = ${JSON.stringify(diagrams).replace(/</g, '\\u003c')};`,
      'const report = (result) => document.body.setAttribute("data-result", btoa(unescape(encodeURIComponent(JSON.stringify(result)))));',
      '(async () => {',
      '  const result = { verdicts: [] };',
      '  try {',
      '    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });',
      '    for (const d of diagrams) {',
      '      try { await mermaid.parse(d); result.verdicts.push({}); } catch (e) { result.verdicts.push({ error: String(e && e.message || e) }); }',
      '    }',
      `    try { result.svg = (await mermaid.render("rendered", diagrams[${renderIndex}])).svg; } catch (e) { result.renderError = String(e && e.message || e); }`,
      '  } catch (e) { result.renderError = "mermaid did not load: " + String(e && e.message || e); }',
      '  report(result);',
      '})();',
      '</script></body></html>',
    ].join('\n'));
    const dom = execFileSync(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`,
      '--allow-file-access-from-files', '--virtual-time-budget=60000', '--dump-dom', `file://${page}`,
    ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    const encoded = /data-result="([^"]*)"/.exec(dom)?.[1];
    if (!encoded) throw new Error(`the mermaid page reported nothing; Chromium printed:\n${dom.slice(0, 2000)}`);
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
