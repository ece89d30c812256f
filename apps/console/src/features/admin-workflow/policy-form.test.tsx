import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n';
import { PolicyForm } from './policy-form';
import type { StoredPolicy } from './queries';
import { answerPuts, show } from './test-kit';

vi.mock('../../api/client', async (real) => (await import('./test-kit')).withTestClient(await real()));

// Server-shaped: GET /api/approvals/policies → the offer policy, head of the unit then the owner above a threshold.
const offer: StoredPolicy = {
  version: 3,
  updatedAt: '2026-10-01T08:00:00Z',
  updatedBy: null,
  policy: {
    subjectKind: 'offer',
    steps: [
      {
        approver: { kind: 'unit_head', fallback: { kind: 'role', role: 'owner', unitScoped: false } },
        condition: null,
        dueAfterMinutes: 480,
        escalationGraceMinutes: 240,
        escalateTo: { kind: 'role', role: 'owner', unitScoped: false },
      },
      {
        approver: { kind: 'role', role: 'owner', unitScoped: false },
        condition: { amountAbove: 1000000, discountPercentAbove: 15 },
        dueAfterMinutes: 1440,
        escalationGraceMinutes: 480,
        escalateTo: null,
      },
    ],
  },
};

beforeAll(() => {
  setupI18n('en');
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18next.changeLanguage('en');
});

const step = (n: number) => within(screen.getByRole('group', { name: `Step ${n}` }));
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('the approval policy form', () => {
  it('sends the edited steps whole, with the version it read', async () => {
    const sent = answerPuts(200, offer);
    show(<PolicyForm stored={offer} onDone={() => {}} />);
    type(step(1).getByLabelText('Reminder after (minutes)'), '120');
    type(step(2).getByLabelText('Discount above (%)'), '');
    type(step(2).getByLabelText('Amount above'), '');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].path).toBe('/api/approvals/policies/offer');
    expect(sent[0].body).toEqual({
      version: 3,
      steps: [
        { ...offer.policy.steps[0], dueAfterMinutes: 120 },
        // Both thresholds emptied: a step for every request.
        { ...offer.policy.steps[1], condition: null },
      ],
    });
  });

  it('shows the rule problems on their fields and the whole-policy one above, in the reader’s language', async () => {
    const refusal = {
      statusCode: 422,
      code: 'approval.policy_invalid',
      message: 'The approval policy has 2 problem(s)',
      details: {
        errors: [
          { field: 'steps[1].approver.role', code: 'admin_not_approver', message: 'An administrator cannot approve.' },
          { field: 'steps', code: 'no_unconditional_step', message: 'At least one step must apply to every request.' },
        ],
      },
    };
    answerPuts(422, refusal);
    await i18next.changeLanguage('hu');
    show(<PolicyForm stored={offer} onDone={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mentés' }));
    expect(await screen.findByText('Adminisztrátor nem hagyhat jóvá kérelmet.')).toBeTruthy();
    // On step 2's role, not step 1's.
    const huStep = (n: number) => within(screen.getByRole('group', { name: `${n}. lépés` }));
    expect(huStep(2).getByText('Adminisztrátor nem hagyhat jóvá kérelmet.')).toBeTruthy();
    expect(huStep(1).queryByText('Adminisztrátor nem hagyhat jóvá kérelmet.')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Legalább egy lépésnek feltétel nélkül');
  });

  it('puts validation’s field problems (400) on the field, and says a version conflict above the form', async () => {
    answerPuts(400, {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Invalid input',
      fields: [{ field: 'steps.0.escalationGraceMinutes', problems: ['must be an integer number'] }],
    });
    show(<PolicyForm stored={offer} onDone={() => {}} />);
    type(step(1).getByLabelText('Escalation after the reminder (minutes)'), '');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await step(1).findByText('must be an integer number')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();

    answerPuts(409, { statusCode: 409, code: 'approval.version_conflict', message: 'changed', details: {} });
    show(<PolicyForm stored={offer} onDone={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone changed this meanwhile.');
  });

  it('adds and removes steps', async () => {
    const sent = answerPuts(200, offer);
    show(<PolicyForm stored={offer} onDone={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const steps = (sent[0].body as { steps: unknown[] }).steps;
    expect(steps).toEqual([
      offer.policy.steps[1],
      {
        approver: { kind: 'unit_head', fallback: { kind: 'role', role: 'owner', unitScoped: false } },
        condition: null,
        dueAfterMinutes: 480,
        escalationGraceMinutes: 240,
        escalateTo: null,
      },
    ]);
  });
});
