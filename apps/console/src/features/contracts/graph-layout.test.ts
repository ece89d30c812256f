import { describe, expect, it } from 'vitest';
import { ARC, DEFAULT_SIZE, layersOf, layoutGraph } from './graph-layout';

// The shipped default workflow (libs/domain default-templates.ts), by its dependencies only.
const DEFAULT = [
  { key: 'draft_contract', dependsOn: [] },
  { key: 'credit_check', dependsOn: [] },
  { key: 'review_terms', dependsOn: ['draft_contract', 'credit_check'] },
  { key: 'billing_setup', dependsOn: ['credit_check'] },
  { key: 'payment_schedule', dependsOn: ['billing_setup', 'review_terms'] },
  { key: 'legal_sign_off', dependsOn: ['review_terms', 'payment_schedule'] },
];

describe('task graph layout', () => {
  it('puts each task one column after its latest dependency', () => {
    expect(Object.fromEntries(layersOf(DEFAULT))).toEqual({
      draft_contract: 0,
      credit_check: 0,
      review_terms: 1,
      billing_setup: 1,
      payment_schedule: 2,
      legal_sign_off: 3,
    });
  });

  it('orders a column by its dependencies’ rows and never overlaps two tasks', () => {
    const layout = layoutGraph(DEFAULT);
    const rows = Object.fromEntries(layout.nodes.map((n) => [n.key, n.row]));
    // review_terms hangs on rows 0 and 1 (mean 0.5), billing_setup on row 1: review comes first.
    expect(rows).toMatchObject({ review_terms: 0, billing_setup: 1 });
    const spots = new Set(layout.nodes.map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(DEFAULT.length);
    expect(layout.width).toBe(4 * DEFAULT_SIZE.nodeWidth + 3 * DEFAULT_SIZE.columnGap);
    expect(layout.height).toBe(2 * DEFAULT_SIZE.nodeHeight + DEFAULT_SIZE.rowGap);
  });

  it('draws one edge per dependency, left to right', () => {
    const layout = layoutGraph(DEFAULT);
    expect(layout.edges).toHaveLength(7);
    const at = Object.fromEntries(layout.nodes.map((n) => [n.key, n]));
    for (const edge of layout.edges) expect(at[edge.from].x).toBeLessThan(at[edge.to].x);
    expect(layout.edges[0].path).toMatch(/^M 200 /);
  });

  it('arcs an edge that skips a column over the top instead of through that column’s tasks', () => {
    const layout = layoutGraph(DEFAULT);
    const skip = layout.edges.find((e) => e.from === 'review_terms' && e.to === 'legal_sign_off')!;
    expect(skip.path).toContain(` ${-ARC},`);
    const next = layout.edges.find((e) => e.from === 'review_terms' && e.to === 'payment_schedule')!;
    expect(next.path).not.toContain('-');
  });

  it('centres a lone task of a column and survives unknown dependencies and an empty graph', () => {
    const layout = layoutGraph([
      { key: 'a', dependsOn: [] },
      { key: 'b', dependsOn: [] },
      { key: 'c', dependsOn: ['a', 'ghost'] },
    ]);
    const c = layout.nodes.find((n) => n.key === 'c')!;
    expect(c.layer).toBe(1);
    expect(c.y).toBe((layout.height - DEFAULT_SIZE.nodeHeight) / 2);
    expect(layout.edges).toHaveLength(1);
    expect(layoutGraph([])).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });
});
