// How a plan-vs-fact cell is shown. The numbers (variance, percent of plan) are the server's; this only decides the
// highlight.

export type GapTone = 'behind' | 'met' | 'ahead' | 'unplanned';

export function gapTone(row: { plan: number; fact: number }): GapTone {
  if (row.plan === 0) return 'unplanned';
  if (row.fact < row.plan) return 'behind';
  return row.fact === row.plan ? 'met' : 'ahead';
}

export const GAP_COLOR: Record<GapTone, string> = {
  behind: 'red.9',
  met: 'teal.9',
  ahead: 'teal.9',
  unplanned: 'gray.7',
};

/** The planned counts typed into a row of inputs, as PUT /api/plans takes them: a blank stage is not planned. */
export function planStages<S extends string>(draft: Partial<Record<S, number | string>>): Partial<Record<S, number>> {
  const stages: Partial<Record<S, number>> = {};
  for (const [stage, value] of Object.entries(draft) as [S, number | string | undefined][]) {
    if (value === '' || value === undefined) continue;
    const count = Number(value);
    if (Number.isInteger(count) && count >= 0) stages[stage] = count;
  }
  return stages;
}
