/**
 * One Mermaid flowchart being built: node ids, labels, shapes and edges,
 * each emitted once, in the order first drawn, so the text is deterministic.
 */
export type NodeShape = 'box' | 'round' | 'stadium' | 'circle' | 'subroutine' | 'note';

const SHAPES: Record<NodeShape, [string, string]> = {
  box: ['[', ']'], round: ['(', ')'], stadium: ['([', '])'], circle: ['((', '))'], subroutine: ['[[', ']]'],
  // An asymmetric flag: reads as a side note, not a stop on the way.
  note: ['>', ']'],
};

/**
 * Quotes a label. `"` ends a Mermaid string and `<`, `>` would be read as
 * HTML tags (and `<any-node-ip>` silently dropped), so they become Mermaid
 * entity codes; a newline becomes `<br/>`.
 */
export function mermaidLabel(text: string): string {
  const escaped = text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, '<br/>');
  return `"${escaped}"`;
}

export class MermaidDiagram {
  private readonly ids = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly nodes = new Map<string, string>();
  private readonly edges: string[] = [];
  private readonly edgeSet = new Set<string>();
  /** Indexes (in drawing order, as Mermaid counts links) of the edges drawn as blocked. */
  private readonly blocked: number[] = [];

  constructor(private readonly direction: 'LR' | 'TD' = 'LR') {}

  /**
   * Mermaid node ids allow letters, digits and `_`; anything else (dots, dashes,
   * slashes in Kubernetes names) is replaced, and a counter keeps two keys
   * that clean up to the same id apart.
   */
  public id(key: string): string {
    const known = this.ids.get(key);
    if (known) return known;
    const base = `n_${key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;
    let id = base;
    for (let i = 2; this.taken.has(id); i++) id = `${base}_${i}`;
    this.ids.set(key, id);
    this.taken.add(id);
    return id;
  }

  /** The node for `key`, declared with its label the first time. */
  public node(key: string, text: string, shape: NodeShape = 'box'): string {
    const id = this.id(key);
    if (!this.nodes.has(id)) {
      const [open, close] = SHAPES[shape];
      this.nodes.set(id, `  ${id}${open}${mermaidLabel(text)}${close}`);
    }
    return id;
  }

  /** An arrow (`-->`), a dotted line without arrow (`-.-`) for a side note, or a red dotted arrow for traffic a NetworkPolicy drops. */
  public edge(from: string, to: string, text?: string, style: 'arrow' | 'note' | 'blocked' = 'arrow'): void {
    const link = style === 'note' ? '-.-' : style === 'blocked' ? '-.->' : '-->';
    const line = text ? `  ${from} ${link}|${mermaidLabel(text)}| ${to}` : `  ${from} ${link} ${to}`;
    if (!this.edgeSet.has(line)) {
      this.edgeSet.add(line);
      if (style === 'blocked') this.blocked.push(this.edges.length);
      this.edges.push(line);
    }
  }

  public get empty(): boolean {
    return this.nodes.size === 0;
  }

  /** The fenced block GitHub, GitLab and most Git hosts render. */
  public render(): string {
    const styles = this.blocked.length > 0 ? [`  linkStyle ${this.blocked.join(',')} stroke:#d32f2f,color:#d32f2f`] : [];
    return ['```mermaid', `flowchart ${this.direction}`, ...this.nodes.values(), ...this.edges, ...styles, '```'].join('\n');
  }
}
