import { DomainError, assertNever } from './domain-error';

describe('DomainError', () => {
  it('keeps its code, message and details', () => {
    const error = new DomainError('stage.result_missing', 'The brief is not filled in.', { field: 'needs' });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('stage.result_missing');
    expect(error.message).toBe('The brief is not filled in.');
    expect(error.details).toEqual({ field: 'needs' });
  });

  it('assertNever throws naming the unexpected value', () => {
    expect(() => assertNever('x' as never, 'stage')).toThrow('Unexpected stage: x');
  });
});
