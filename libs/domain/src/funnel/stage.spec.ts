import {
  compareStages,
  isStage,
  isStageAtOrAfter,
  nextStage,
  previousStage,
  Stage,
  STAGE_ORDER,
  stageIndex,
  stageLabel,
  stageResultDescription,
} from './stage';

describe('stage order', () => {
  it('keeps the stored values and their order', () => {
    expect(STAGE_ORDER).toEqual([
      'sampling',
      'primary_contact',
      'needs_identification',
      'offer_formation',
      'offer_defence',
      'contract',
    ]);
  });

  it.each([
    [Stage.Sampling, 0, null, Stage.PrimaryContact],
    [Stage.PrimaryContact, 1, Stage.Sampling, Stage.NeedsIdentification],
    [Stage.OfferDefence, 4, Stage.OfferFormation, Stage.Contract],
    [Stage.Contract, 5, Stage.OfferDefence, null],
  ])('%s: index %i, previous %s, next %s', (stage, index, previous, next) => {
    expect(stageIndex(stage)).toBe(index);
    expect(previousStage(stage)).toBe(previous);
    expect(nextStage(stage)).toBe(next);
  });

  it.each([
    [Stage.Contract, Stage.OfferDefence, true],
    [Stage.OfferDefence, Stage.OfferDefence, true],
    [Stage.PrimaryContact, Stage.OfferDefence, false],
  ])('%s at or after %s: %s', (stage, reference, expected) => {
    expect(isStageAtOrAfter(stage, reference)).toBe(expected);
  });

  it('sorts with compareStages', () => {
    expect([Stage.Contract, Stage.Sampling, Stage.OfferFormation].sort(compareStages)).toEqual([
      Stage.Sampling,
      Stage.OfferFormation,
      Stage.Contract,
    ]);
  });

  it.each([
    ['offer_defence', true],
    ['won', false],
    [3, false],
  ])('isStage(%p) is %s', (value, expected) => {
    expect(isStage(value)).toBe(expected);
  });

  it.each(STAGE_ORDER.map((stage) => [stage]))('%s has a label and a result description', (stage) => {
    expect(stageLabel(stage).length).toBeGreaterThan(0);
    expect(stageResultDescription(stage).length).toBeGreaterThan(0);
  });
});
