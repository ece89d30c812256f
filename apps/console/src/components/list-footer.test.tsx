import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../i18n';
import { ListFooter } from './list-footer';

beforeAll(() => {
  setupI18n('en');
});

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

function footer(props: { offset: number; shown: number; total: number; pages: number; page: number }) {
  const onChange = vi.fn();
  render(
    <MantineProvider>
      <ListFooter {...props} onChange={onChange} />
    </MantineProvider>,
  );
  return onChange;
}

describe('ListFooter', () => {
  it('says which rows of how many are shown and names the page buttons', () => {
    const onChange = footer({ offset: 20, shown: 20, total: 1230, pages: 62, page: 2 });
    expect(screen.getByText('21–40 of 1,230')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onChange).toHaveBeenCalledWith(3);
    expect(screen.getByRole('button', { name: 'Page 1' })).toBeTruthy();
  });

  it('shows no page buttons for a single page', () => {
    footer({ offset: 0, shown: 3, total: 3, pages: 1, page: 1 });
    expect(screen.getByText('1–3 of 3')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull();
  });

  it('speaks Hungarian', async () => {
    await i18next.changeLanguage('hu');
    footer({ offset: 0, shown: 50, total: 120, pages: 3, page: 1 });
    expect(screen.getByText('1–50 / 120')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Következő oldal' })).toBeTruthy();
  });
});
