import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import type { components } from '../../api/schema.gen';
import { GateChecklist, gateSentence } from './gate-checklist';

type GateChecklistDto = components['schemas']['GateChecklistDto'];

// Server-shaped data: GET /api/prospects/{id} → gate at needs identification, part of the brief written.
const needsIdentification: GateChecklistDto = {
  stage: 'needs_identification',
  items: [
    { code: 'meeting_held', met: true },
    { code: 'brief_section', met: true, params: { section: 'current_situation' } },
    { code: 'brief_section', met: false, params: { section: 'market_trends' } },
    { code: 'brief_need', met: false },
    { code: 'brief_completed', met: false },
  ],
};

beforeAll(() => {
  setupI18n('en');
});

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const t = () => i18next.t.bind(i18next) as unknown as Parameters<typeof gateSentence>[0];

describe('gateSentence', () => {
  it('names the exact result still missing, with the brief section named', () => {
    expect(gateSentence(t(), { code: 'brief_section', met: false, params: { section: 'market_trends' } })).toBe(
      'Brief: market trends empty',
    );
    expect(gateSentence(t(), { code: 'decision_maker_meeting_scheduled', met: false })).toBe(
      'Meeting with a decision-maker not scheduled',
    );
  });

  it('says a met item is done', () => {
    expect(gateSentence(t(), { code: 'decision_maker_meeting_scheduled', met: true })).toBe(
      'Meeting with a decision-maker scheduled',
    );
  });

  it('falls back to a generic sentence for a code it does not know', () => {
    expect(gateSentence(t(), { code: 'credit_check_passed', met: false })).toBe('Still missing: credit check passed');
    expect(gateSentence(t(), { code: 'credit_check_passed', met: true })).toBe('Done: credit check passed');
  });

  it('speaks Hungarian', async () => {
    await i18next.changeLanguage('hu');
    expect(gateSentence(t(), { code: 'brief_section', met: false, params: { section: 'market_trends' } })).toBe(
      'Igényfelmérés: piaci trendek üres',
    );
    expect(gateSentence(t(), { code: 'decision_maker_contact', met: false })).toBe(
      'Nincs döntéshozó a kapcsolattartók között',
    );
  });
});

describe('GateChecklist', () => {
  it('renders the server’s items as sentences, done and missing marked', () => {
    render(
      <MantineProvider>
        <GateChecklist items={needsIdentification.items} />
      </MantineProvider>,
    );
    const list = screen.getByTestId('gate-checklist');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/^[✓•]/, ''))).toEqual([
      'A meeting was held',
      'Brief: current situation written',
      'Brief: market trends empty',
      'Brief: no need listed',
      'Brief not completed',
    ]);
    expect(items.map((li) => li.getAttribute('data-met'))).toEqual(['true', 'true', 'false', 'false', 'false']);
    expect(within(items[0]).getByRole('img', { name: 'Done' })).toBeDefined();
    expect(within(items[2]).getByRole('img', { name: 'Missing' })).toBeDefined();
    expect(screen.getByText('2 of 5 done')).toBeDefined();
    expect(screen.queryByText('Every result of this stage is there.')).toBeNull();
  });

  it('says so when every item is met', () => {
    render(
      <MantineProvider>
        <GateChecklist items={[{ code: 'defence_accepted', met: true }]} />
      </MantineProvider>,
    );
    expect(screen.getByText('Every result of this stage is there.')).toBeDefined();
  });
});
