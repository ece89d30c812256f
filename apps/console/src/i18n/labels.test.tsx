import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage, setupI18n } from './index';
import { useLabelIn } from './labels';

describe('useLabelIn', () => {
  it('picks the label of the reader’s language and follows a switch', () => {
    setupI18n('en');
    const labels = { en: 'No budget', hu: 'Nincs rá keret' };
    const { result, rerender } = renderHook(() => useLabelIn());
    expect(result.current(labels)).toBe('No budget');
    act(() => changeLanguage('hu'));
    rerender();
    expect(result.current(labels)).toBe('Nincs rá keret');
  });
});
