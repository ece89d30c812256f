// The task graph's layout: a layered ("Sugiyama"-style, much simplified) drawing computed by a pure function.
// Why not a graph library: a contract case has a handful of tasks (six by default) in a DAG the server has
// already validated, so a layer per longest dependency chain plus one ordering sweep reads well; dagre/elkjs would
// add 100-500 kB to the page for nothing this needs. The drawing itself is plain SVG (task-graph.tsx).

export interface LayoutInput {
  key: string;
  dependsOn: readonly string[];
}

export interface PlacedNode {
  key: string;
  /** Column: the length of the longest dependency chain before the task. */
  layer: number;
  /** Row within the column. */
  row: number;
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** Cubic Bézier path from the right edge of `from` to the left edge of `to`. */
  path: string;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export interface LayoutSize {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
}

/** How far above the drawing the control points of a column-skipping edge sit (its curve peaks near a third). */
export const ARC = 40;

export const DEFAULT_SIZE: LayoutSize = { nodeWidth: 200, nodeHeight: 72, columnGap: 56, rowGap: 20 };

/** Longest-chain layer of every task; an unknown dependency is ignored, a cycle is cut where it closes. */
export function layersOf(tasks: readonly LayoutInput[]): Map<string, number> {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (t: LayoutInput): number => {
    const known = layer.get(t.key);
    if (known !== undefined) return known;
    if (visiting.has(t.key)) return 0;
    visiting.add(t.key);
    let value = 0;
    for (const dep of t.dependsOn) {
      const d = byKey.get(dep);
      if (d) value = Math.max(value, visit(d) + 1);
    }
    visiting.delete(t.key);
    layer.set(t.key, value);
    return value;
  };
  tasks.forEach(visit);
  return layer;
}

/**
 * Places the tasks in columns by layer; within a column, tasks are ordered by the mean row of their dependencies
 * (one barycentre sweep, ties in input order), which keeps the edges of a small DAG from crossing needlessly.
 */
export function layoutGraph(tasks: readonly LayoutInput[], size: LayoutSize = DEFAULT_SIZE): GraphLayout {
  const layers = layersOf(tasks);
  const columns: LayoutInput[][] = [];
  for (const t of tasks) (columns[layers.get(t.key)!] ??= []).push(t);
  const rowOf = new Map<string, number>();
  columns.forEach((column, index) => {
    const order = column.map((t, inputOrder) => {
      const rows = t.dependsOn.map((d) => rowOf.get(d)).filter((r): r is number => r !== undefined);
      const centre = index === 0 || rows.length === 0 ? inputOrder : rows.reduce((a, b) => a + b, 0) / rows.length;
      return { t, centre, inputOrder };
    });
    order.sort((a, b) => a.centre - b.centre || a.inputOrder - b.inputOrder);
    order.forEach(({ t }, row) => rowOf.set(t.key, row));
  });
  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const columnHeight = (n: number) => n * size.nodeHeight + Math.max(0, n - 1) * size.rowGap;
  const height = columnHeight(tallest);
  const nodes: PlacedNode[] = tasks.map((t) => {
    const layer = layers.get(t.key)!;
    const row = rowOf.get(t.key)!;
    // Shorter columns are centred vertically against the tallest one.
    const offset = (height - columnHeight(columns[layer].length)) / 2;
    return {
      key: t.key,
      layer,
      row,
      x: layer * (size.nodeWidth + size.columnGap),
      y: offset + row * (size.nodeHeight + size.rowGap),
    };
  });
  const at = new Map(nodes.map((n) => [n.key, n]));
  const edges: PlacedEdge[] = [];
  for (const t of tasks) {
    const to = at.get(t.key)!;
    for (const dep of t.dependsOn) {
      const from = at.get(dep);
      if (!from) continue;
      const x1 = from.x + size.nodeWidth;
      const y1 = from.y + size.nodeHeight / 2;
      const x2 = to.x;
      const y2 = to.y + size.nodeHeight / 2;
      const bend = (x2 - x1) / 2;
      // An edge that skips a column would run through that column's tasks: it arcs over the top of the drawing.
      const skips = to.layer - from.layer > 1;
      const c1 = skips ? `${x1 + size.columnGap} ${-ARC}` : `${x1 + bend} ${y1}`;
      const c2 = skips ? `${x2 - size.columnGap} ${-ARC}` : `${x2 - bend} ${y2}`;
      edges.push({ from: dep, to: t.key, path: `M ${x1} ${y1} C ${c1}, ${c2}, ${x2} ${y2}` });
    }
  }
  const width = columns.length * size.nodeWidth + Math.max(0, columns.length - 1) * size.columnGap;
  return { nodes, edges, width, height };
}
