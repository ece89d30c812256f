// The terms form's draft: rows added and removed, checked before sending so each problem shows next to its field.
// Pure, so the rules of the form are tested without rendering; the server checks the same terms again (422).
import type { Terms } from './queries';

type Item = Terms['items'][number];

/** What is wrong with one field of the draft (worded by the catalogue's `terms.edit.problems`). */
export type DraftProblem = 'required' | 'positive' | 'duplicate' | 'noItem';

/** A new item row: no product id yet (one is made from its description when the draft is sent). */
export function blankItem(currency: string): Item {
  return { productId: '', description: '', quantity: 1, unitPriceMinor: 0, currency };
}

/**
 * Problems by field path (`items`, `items.0.description`, `clauses.1`), empty when the draft may be sent: at least
 * one item; every item described, its quantity above zero; every clause written once.
 */
export function draftProblems(draft: Terms): Map<string, DraftProblem> {
  const problems = new Map<string, DraftProblem>();
  if (draft.items.length === 0) problems.set('items', 'noItem');
  draft.items.forEach((item, i) => {
    if (item.description.trim() === '') problems.set(`items.${i}.description`, 'required');
    if (!(item.quantity > 0)) problems.set(`items.${i}.quantity`, 'positive');
  });
  const seen = new Set<string>();
  draft.clauses.forEach((clause, i) => {
    const text = clause.trim();
    if (text === '') problems.set(`clauses.${i}`, 'required');
    else if (seen.has(text)) problems.set(`clauses.${i}`, 'duplicate');
    seen.add(text);
  });
  return problems;
}

/** A product id from a description: lower case, words joined by `-` (`Staff training` -> `staff-training`). */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'item';
}

/**
 * The draft as the API takes it: new rows get a product id from their description, unique among the items (the
 * diff matches items by product id, so an added row shows as added); clauses trimmed.
 */
export function toSendable(draft: Terms): Terms {
  const taken = new Set(draft.items.map((item) => item.productId).filter(Boolean));
  const items = draft.items.map((item) => {
    if (item.productId) return item;
    const base = slugOf(item.description);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return { ...item, productId: id, description: item.description.trim() };
  });
  return { ...draft, items, clauses: draft.clauses.map((c) => c.trim()) };
}
