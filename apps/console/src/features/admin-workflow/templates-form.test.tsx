import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n';
import type { TemplateSet } from './queries';
import { TemplatesForm } from './templates-page';
import { answerPuts, show } from './test-kit';

vi.mock('../../api/client', async (real) => (await import('./test-kit')).withTestClient(await real()));

// Server-shaped: GET /api/contracts/task-templates → three tasks, the sign-off waiting for the review.
const set: TemplateSet = {
  version: 4,
  updatedAt: '2026-10-01T08:00:00Z',
  updatedBy: null,
  templates: [
    { key: 'draft', title: 'Draft the contract', group: 'legal', dependsOn: [], dueDays: 2, required: true },
    { key: 'credit', title: 'Credit check', group: 'accounting', dependsOn: [], dueDays: 3, required: true },
    { key: 'sign_off', title: 'Legal sign-off', group: 'legal', dependsOn: ['draft'], dueDays: 1, required: true },
  ],
};

beforeAll(() => {
  setupI18n('en');
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18next.changeLanguage('en');
});

const task = (name: string) => within(screen.getByRole('listitem', { name }));

describe('the contract task templates form', () => {
  it('reorders and adds tasks, and sends the list in the new order with the version it read', async () => {
    const sent = answerPuts(200, set);
    show(<TemplatesForm set={set} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move task 2 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    const added = task('Task 4: new task');
    fireEvent.change(added.getByLabelText(/^Title/), { target: { value: 'Billing set-up' } });
    fireEvent.change(added.getByLabelText(/^Key/), { target: { value: 'billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: '/api/contracts/task-templates',
      body: {
        version: 4,
        templates: [
          set.templates[1],
          set.templates[0],
          set.templates[2],
          { key: 'billing', title: 'Billing set-up', group: 'legal', dependsOn: [], dueDays: 2, required: true },
        ],
      },
    });
  });

  it('names the tasks to be done first by their titles, while sending their keys', async () => {
    const sent = answerPuts(200, set);
    show(<TemplatesForm set={set} />);
    const signOff = task('Task 3: Legal sign-off');
    expect(signOff.getByText('Draft the contract')).toBeTruthy();
    expect(signOff.queryByText('draft')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0].body as TemplateSet).templates[2].dependsOn).toEqual(['draft']);
  });

  it('asks before a save that removes saved tasks, naming them, and drops them from the others’ dependencies', async () => {
    const sent = answerPuts(200, set);
    show(<TemplatesForm set={set} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove task 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/New contract cases will no longer get: Draft the contract\./)).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.click(dialog.getByRole('button', { name: 'Save and remove' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0].body as TemplateSet).templates).toEqual([set.templates[1], { ...set.templates[2], dependsOn: [] }]);
  });

  it('puts the service’s rule refusal on the task it names, in the reader’s language', async () => {
    answerPuts(422, {
      statusCode: 422,
      code: 'contract.template_cycle',
      message: 'Task dependencies form a cycle: draft -> sign_off -> draft.',
      details: { cycle: ['draft', 'sign_off', 'draft'] },
    });
    await i18next.changeLanguage('hu');
    show(<TemplatesForm set={set} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mentés' }));
    const words = 'A feladatok körben várnak egymásra (draft → sign_off → draft): egyik sem indulhatna el.';
    expect(await task('1. feladat: Draft the contract').findByText(words)).toBeTruthy();
    expect(task('3. feladat: Legal sign-off').getByText(words)).toBeTruthy();
    expect(task('2. feladat: Credit check').queryByText(words)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks the second copy of a duplicate key, and a field validation names', async () => {
    const copy = { ...set, templates: [...set.templates, { ...set.templates[1], title: 'Second credit check' }] };
    answerPuts(422, {
      statusCode: 422,
      code: 'contract.template_duplicate_key',
      message: 'Two tasks use the key credit.',
      details: { key: 'credit' },
    });
    show(<TemplatesForm set={copy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await task('Task 4: Second credit check').findByText('Another task uses this key.')).toBeTruthy();
    expect(task('Task 2: Credit check').queryByText('Another task uses this key.')).toBeNull();
    cleanup();

    answerPuts(400, {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Invalid input',
      fields: [{ field: 'templates.1.dueDays', problems: ['must not be greater than 365'] }],
    });
    show(<TemplatesForm set={set} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await task('Task 2: Credit check').findByText('must not be greater than 365')).toBeTruthy();
  });
});
