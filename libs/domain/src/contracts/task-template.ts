import { ContractErrorCode, contractError } from './contract-error';

/** The groups that carry tasks. Values are stored: never rename. */
export enum TaskGroup {
  Legal = 'legal',
  Accounting = 'accounting',
  // Only the handover task opened after signing belongs here; admin-edited contract templates may not use it.
  Delivery = 'delivery',
}

/** Groups allowed in the admin-edited set of contract templates (the work before signing). */
export const CONTRACT_TEMPLATE_GROUPS: readonly TaskGroup[] = [TaskGroup.Legal, TaskGroup.Accounting];

/**
 * A task to open on every new contract case.
 *
 * `dueDays` counts calendar days from the moment the task becomes available: when the case opens for a task
 * without dependencies, when its last dependency is done otherwise. So each group is measured on its own time,
 * and a task waiting for another is never overdue.
 */
export interface TaskTemplate {
  key: string;
  title: string;
  group: TaskGroup;
  dependsOn: readonly string[];
  dueDays: number;
  required: boolean;
}

/** Keys the service adds itself (the delivery handover after signing): an edited set may not use them. */
export const RESERVED_TASK_KEYS: readonly string[] = ['delivery_handover'];

// Keys end up in stored tasks and idempotency keys: keep them plain.
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The due moment of a task that became available at `availableSince`. */
export function dueAtFrom(availableSince: Date, dueDays: number): Date {
  return new Date(availableSince.getTime() + dueDays * DAY_MS);
}

function findCycle(templates: readonly TaskTemplate[]): string[] | null {
  const deps = new Map(templates.map((t) => [t.key, t.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    const seen = state.get(key);
    if (seen === 'done') return null;
    if (seen === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const dep of deps.get(key) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  // Walk in the admin's order so the reported cycle is stable for the same input.
  for (const t of templates) {
    const cycle = visit(t.key);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * Refuses an admin-edited template set that cannot become a task graph. Checks run in this order and the first
 * failure throws: field values, allowed groups, reserved keys, duplicate keys, self-dependencies, unknown dependencies, cycles
 * (the message names the path, e.g. `a -> b -> a`).
 */
export function validateTemplateSet(templates: readonly TaskTemplate[]): void {
  for (const t of templates) {
    if (!KEY.test(t.key)) {
      throw contractError(
        ContractErrorCode.TemplateInvalid,
        `Task key "${t.key}" must start with a letter and use only lowercase letters, digits and underscores.`,
        { key: t.key },
      );
    }
    if (t.title.trim() === '') {
      throw contractError(ContractErrorCode.TemplateInvalid, `Task ${t.key} needs a title.`, { key: t.key });
    }
    if (!Number.isInteger(t.dueDays) || t.dueDays < 0) {
      throw contractError(ContractErrorCode.TemplateInvalid, `Task ${t.key} must be due in a whole number of days.`, {
        key: t.key,
      });
    }
    if (!CONTRACT_TEMPLATE_GROUPS.includes(t.group)) {
      throw contractError(
        ContractErrorCode.TemplateGroupNotAllowed,
        `Task ${t.key} must go to legal or accounting; the delivery handover opens only after signing.`,
        { key: t.key, group: t.group },
      );
    }
    if (RESERVED_TASK_KEYS.includes(t.key)) {
      throw contractError(
        ContractErrorCode.TemplateInvalid,
        `Task key ${t.key} is reserved for the handover after signing.`,
        {
          key: t.key,
        },
      );
    }
  }
  const keys = new Set<string>();
  for (const t of templates) {
    if (keys.has(t.key)) {
      throw contractError(ContractErrorCode.TemplateDuplicateKey, `Two tasks use the key ${t.key}.`, { key: t.key });
    }
    keys.add(t.key);
  }
  for (const t of templates) {
    if (t.dependsOn.includes(t.key)) {
      throw contractError(ContractErrorCode.TemplateSelfDependency, `Task ${t.key} cannot depend on itself.`, {
        key: t.key,
      });
    }
  }
  for (const t of templates) {
    const unknown = t.dependsOn.find((dep) => !keys.has(dep));
    if (unknown !== undefined) {
      throw contractError(
        ContractErrorCode.TemplateUnknownDependency,
        `Task ${t.key} depends on ${unknown}, which is not in the set.`,
        { key: t.key, dependency: unknown },
      );
    }
  }
  const cycle = findCycle(templates);
  if (cycle) {
    throw contractError(
      ContractErrorCode.TemplateCycle,
      `Task dependencies form a cycle: ${cycle.join(' -> ')}. No task of it could ever start.`,
      { cycle },
    );
  }
}
