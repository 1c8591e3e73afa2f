/**
 * A structural check of the Mermaid flowcharts this library writes, for tests that look
 * inside a diagram (which nodes, edges and groups it has). Whether mermaid itself reads
 * every diagram is checked by the real library in Chromium (test/conformance/mermaid.test.ts).
 * This reader knows the subset of the flowchart grammar the library uses:
 *
 * - the first line is `flowchart TD` or `flowchart LR`;
 * - `subgraph <id>["label"]` ... `end`, balanced;
 * - a node: `<id>["label"]`, `<id>[("label")]` (store) or `<id>(["label"])` (peer);
 * - an edge: `<a> --> <b>` or `<a> -.-> <b>`, optionally labelled `-->|"label"|`;
 * - ids are letters, digits and `_`, start with a letter, and are no keyword;
 * - a quoted label holds no `"` (entities instead);
 * - every id is declared once, and every edge joins declared nodes or subgraphs.
 *
 * Anything else throws, naming the line.
 */
export interface ParsedFlowchart {
  readonly direction: string;
  /** Subgraph id to label. */
  readonly groups: Map<string, string>;
  /** Node id to label (with `<br/>` between lines) and its subgraph. */
  readonly nodes: Map<string, { readonly label: string; readonly group?: string }>;
  readonly edges: { readonly from: string; readonly to: string; readonly label?: string; readonly dotted: boolean }[];
}

const ID = '([A-Za-z][A-Za-z0-9_]*)';
const LABEL = '"([^"]*)"';
const KEYWORDS = new Set(['end', 'subgraph', 'graph', 'flowchart', 'style', 'class', 'classDef', 'click', 'linkStyle', 'direction']);
const NODE = new RegExp(`^${ID}(?:\\[${LABEL}\\]|\\[\\(${LABEL}\\)\\]|\\(\\[${LABEL}\\]\\))$`);
const EDGE = new RegExp(`^${ID} (-->|-\\.->)(?:\\|${LABEL}\\|)? ${ID}$`);
const SUBGRAPH = new RegExp(`^subgraph ${ID}\\[${LABEL}\\]$`);

export function parseFlowchart(text: string): ParsedFlowchart {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const header = /^flowchart (TD|LR)$/.exec(lines[0] ?? '');
  if (!header) throw new Error(`line 1: expected "flowchart TD|LR", got ${lines[0]}`);
  const groups = new Map<string, string>();
  const nodes = new Map<string, { label: string; group?: string }>();
  const edges: ParsedFlowchart['edges'] = [];
  const open: string[] = [];
  const declare = (id: string, at: number) => {
    if (KEYWORDS.has(id)) throw new Error(`line ${at}: "${id}" is a keyword`);
    if (groups.has(id) || nodes.has(id)) throw new Error(`line ${at}: "${id}" declared twice`);
  };
  lines.slice(1).forEach((line, i) => {
    const at = i + 2;
    let m: RegExpExecArray | null;
    if (line === 'end') {
      if (!open.pop()) throw new Error(`line ${at}: "end" without subgraph`);
    } else if ((m = SUBGRAPH.exec(line))) {
      declare(m[1], at);
      groups.set(m[1], m[2]);
      open.push(m[1]);
    } else if ((m = EDGE.exec(line))) {
      edges.push({ from: m[1], to: m[4], label: m[3], dotted: m[2] === '-.->' });
    } else if ((m = NODE.exec(line))) {
      declare(m[1], at);
      nodes.set(m[1], { label: m[2] ?? m[3] ?? m[4], group: open[open.length - 1] });
    } else {
      throw new Error(`line ${at}: not a flowchart statement: ${line}`);
    }
  });
  if (open.length) throw new Error(`subgraph ${open.join(', ')} not closed`);
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (!nodes.has(end) && !groups.has(end)) throw new Error(`edge ${e.from} -> ${e.to}: "${end}" is not declared`);
  }
  return { direction: header[1], groups, nodes, edges };
}

/** The Mermaid blocks of a Markdown file. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}
