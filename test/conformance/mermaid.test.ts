import * as fs from 'fs';
import * as path from 'path';
import { mermaidBlocks } from '../support/mermaid';
import { CHROMIUM, runMermaid } from './support/mermaid-browser';
import { useShowcaseOutput } from './support/output';
import { command, toolsAvailable } from './support/tools';

const ROOT = path.resolve(__dirname, '..', '..');
const describeIfChromium = toolsAvailable('Mermaid diagrams in Chromium', [command(CHROMIUM, 'apt-get install chromium')]) ? describe : describe.skip;

/** The Markdown files of the repository itself (README, docs), outside generated API docs and dependencies. */
function repositoryMarkdown(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !['node_modules', '.git', 'lib', 'imports'].includes(e.name)) walk(p);
    else if (e.isFile() && e.name.endsWith('.md')) found.push(p);
  });
  walk(ROOT);
  return found;
}

describeIfChromium('every Mermaid block of every README, read by the real mermaid library in Chromium', () => {
  const showcase = useShowcaseOutput();

  test('each block parses, and the largest renders to an SVG with every node', () => {
    // GIVEN every Mermaid block of the showcase's READMEs and of the repository's Markdown
    const blocks = [
      ...showcase().files.filter((f) => f.endsWith('.md')).map((f) => path.join(showcase().dir, f)),
      ...repositoryMarkdown(),
    ].flatMap((file) => mermaidBlocks(fs.readFileSync(file, 'utf8')).map((text) => ({ file, text })));
    expect(blocks.length).toBeGreaterThan(10);
    const largest = blocks.reduce((a, b, i) => (b.text.length > blocks[a].text.length ? i : a), 0);
    // WHEN mermaid reads them
    const run = runMermaid(blocks.map((b) => b.text), largest);
    // THEN none fails, and the rendered one draws one node per declared node
    const failures = run.verdicts.flatMap((v, i) => (v.error ? [`${blocks[i].file}: ${v.error}`] : []));
    expect(failures).toEqual([]);
    expect(run.renderError).toBeUndefined();
    const declared = blocks[largest].text.split('\n').filter((l) => /^\s*[A-Za-z][A-Za-z0-9_]*(\[|\(\[)/.test(l)).length;
    expect(run.svg).toMatch(/^<svg/);
    expect((run.svg!.match(/class="node /g) ?? []).length).toBe(declared);
  });

  test('mutation: a broken block fails to parse, naming the problem', () => {
    const run = runMermaid(['flowchart TD\n  a["ok"] --> b["ok"]', 'flowchart TD\n  a["unclosed --> b']);
    expect(run.verdicts[0].error).toBeUndefined();
    expect(run.verdicts[1].error).toMatch(/Parse error|Lexical error|Expecting/);
  });
});
