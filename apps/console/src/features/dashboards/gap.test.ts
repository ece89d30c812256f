import { describe, expect, it } from 'vitest';
import { gapTone, planStages } from './gap';

describe('plan vs fact highlight', () => {
  it('marks a fact under its plan as behind, at or over it as met or ahead, and no plan as unplanned', () => {
    expect(gapTone({ plan: 10, fact: 4 })).toBe('behind');
    expect(gapTone({ plan: 10, fact: 10 })).toBe('met');
    expect(gapTone({ plan: 10, fact: 12 })).toBe('ahead');
    expect(gapTone({ plan: 0, fact: 3 })).toBe('unplanned');
  });

  it('turns the typed plan into the stages PUT /api/plans takes (blank: not planned)', () => {
    expect(planStages({ primary_contact: 12, needs_identification: '', offer_formation: '3', contract: 0 })).toEqual({
      primary_contact: 12,
      offer_formation: 3,
      contract: 0,
    });
    expect(planStages({ contract: -1, sampling: 2.5 })).toEqual({});
  });
});
