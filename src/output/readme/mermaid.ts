/** A Mermaid flowchart as data: the README renders it, the tests read it back. */
export interface Flowchart {
  readonly direction: 'TD' | 'LR';
  readonly groups: readonly FlowGroup[];
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

export interface FlowGroup {
  readonly id: string;
  readonly label: string;
}

export interface FlowNode {
  readonly id: string;
  /** Lines of the label. */
  readonly label: readonly string[];
  /** `box` an object, `store` where something comes from, `peer` who connects. @default 'box' */
  readonly shape?: 'box' | 'store' | 'peer';
  /** Id of the group (subgraph) it is drawn in. @default - none */
  readonly group?: string;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** Drawn dotted: an ordering, not a flow. @default false */
  readonly dotted?: boolean;
}

/** A Mermaid id from any text: letters, digits and `_` only. */
export function mermaidId(...parts: readonly string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9]+/g, '_');
}

const SHAPES = { box: ['[', ']'], store: ['[(', ')]'], peer: ['([', '])'] } as const;

/** Quoted label text: `"` and `#` would end the quote or start an entity, so they are written as entities. */
function quoted(text: string): string {
  return `"${text.replace(/#/g, '#35;').replace(/"/g, '#quot;')}"`;
}

/** The flowchart in Mermaid syntax, one statement a line, in the order given. */
export function renderFlowchart(chart: Flowchart): string {
  const node = (n: FlowNode, indent: string) => {
    const [open, close] = SHAPES[n.shape ?? 'box'];
    return `${indent}${n.id}${open}${quoted(n.label.join('<br/>'))}${close}`;
  };
  const lines = [`flowchart ${chart.direction}`];
  for (const g of chart.groups) {
    lines.push(`  subgraph ${g.id}[${quoted(g.label)}]`);
    chart.nodes.filter((n) => n.group === g.id).forEach((n) => lines.push(node(n, '    ')));
    lines.push('  end');
  }
  chart.nodes.filter((n) => n.group === undefined).forEach((n) => lines.push(node(n, '  ')));
  for (const e of chart.edges) {
    const arrow = e.dotted ? '-.->' : '-->';
    lines.push(`  ${e.from} ${arrow}${e.label ? `|${quoted(e.label)}|` : ''} ${e.to}`);
  }
  return lines.join('\n');
}
