// The task template list as the form edits it: rows with a local id (keys can be edited), moves and removals, and
// the server's refusal placed on the row and field it is about.
import { ApiError } from '../../api/errors';
import type { NumberDraft } from './policy-draft';
import type { TaskTemplate, TemplateSet, TemplatesBody } from './queries';

export interface TemplateRow extends Omit<TaskTemplate, 'dueDays'> {
  uid: string;
  dueDays: NumberDraft;
}

let next = 0;
const uid = () => `row-${++next}`;

export const toRows = (set: TemplateSet): TemplateRow[] => set.templates.map((t) => ({ ...t, uid: uid() }));

export const newRow = (): TemplateRow => ({
  uid: uid(),
  key: '',
  title: '',
  group: 'legal',
  dependsOn: [],
  dueDays: 2,
  required: true,
});

export function toTemplatesBody(rows: TemplateRow[], version: number): TemplatesBody {
  return {
    version,
    // An empty number goes as null: the server answers 400 naming the field.
    templates: rows.map(({ uid: _, dueDays, ...row }) => ({
      ...row,
      dueDays: (dueDays === '' ? null : dueDays) as number,
    })),
  };
}

export function move(rows: TemplateRow[], index: number, by: -1 | 1): TemplateRow[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return rows;
  const moved = [...rows];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return moved;
}

/** Drops a row, and its key from the others' dependencies (they could not wait for a task that is gone). */
export function remove(rows: TemplateRow[], index: number): TemplateRow[] {
  const gone = rows[index].key;
  return rows
    .filter((_, i) => i !== index)
    .map((row) =>
      row.dependsOn.includes(gone) ? { ...row, dependsOn: row.dependsOn.filter((k) => k !== gone) } : row,
    );
}

/** The saved tasks a save would remove (by key), with their titles: what the confirmation names. */
export function removedTasks(saved: TaskTemplate[], rows: TemplateRow[]): TaskTemplate[] {
  const kept = new Set(rows.map((row) => row.key));
  return saved.filter((task) => !kept.has(task.key));
}

/** A refusal of the set, on one field of one row (`templates.2.dependsOn`); `code` picks the catalogue's words. */
export interface TemplateProblem {
  code: string;
  message: string;
  params: Record<string, string>;
}

const FIELD_OF_CODE: Record<string, keyof TaskTemplate> = {
  'contract.template_invalid': 'key',
  'contract.template_duplicate_key': 'key',
  'contract.template_self_dependency': 'dependsOn',
  'contract.template_unknown_dependency': 'dependsOn',
  'contract.template_cycle': 'dependsOn',
  'contract.template_group_not_allowed': 'group',
};

/**
 * Where the contracts service's rule refusal belongs: the rule names a task by key (a duplicate: every copy after
 * the first; a cycle: every task on it). Empty for other refusals (validation names its fields itself).
 */
export function templateProblems(error: unknown, rows: TemplateRow[]): Map<string, TemplateProblem> {
  const found = new Map<string, TemplateProblem>();
  if (!(error instanceof ApiError)) return found;
  const { code, message, details = {} } = error.body;
  const field = FIELD_OF_CODE[code];
  if (!field) return found;
  const cycle = Array.isArray(details.cycle) ? (details.cycle as string[]) : [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const keys = code === 'contract.template_cycle' ? new Set(cycle) : new Set([text(details.key)]);
  const params = { dependency: text(details.dependency), cycle: cycle.join(' → ') };
  let seen = false;
  rows.forEach((row, index) => {
    if (!keys.has(row.key)) return;
    const firstCopy = code === 'contract.template_duplicate_key' && !seen;
    seen = true;
    if (!firstCopy) found.set(`templates.${index}.${field}`, { code, message, params });
  });
  return found;
}
