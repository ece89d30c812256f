import { DomainError } from '../domain-error';
import { ContractErrorCode } from './contract-error';
import { DEFAULT_TASK_TEMPLATES, DefaultTaskKey, HANDOVER_TASK_TEMPLATE } from './default-templates';
import { RESERVED_TASK_KEYS, TaskGroup, dueAtFrom, validateTemplateSet, type TaskTemplate } from './task-template';

const t = (key: string, dependsOn: string[] = [], over: Partial<TaskTemplate> = {}): TaskTemplate => ({
  key,
  title: `Task ${key}`,
  group: TaskGroup.Legal,
  dependsOn,
  dueDays: 2,
  required: true,
  ...over,
});

function thrown(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('validateTemplateSet', () => {
  it.each<[string, TaskTemplate[]]>([
    ['an empty set', []],
    ['a chain', [t('a'), t('b', ['a']), t('c', ['b'])]],
    ['a diamond', [t('a'), t('b', ['a']), t('c', ['a']), t('d', ['b', 'c'])]],
    ['dependencies listed after their dependents', [t('c', ['b']), t('b', ['a']), t('a')]],
  ])('accepts %s', (_name, set) => {
    expect(() => validateTemplateSet(set)).not.toThrow();
  });

  it.each<[string, TaskTemplate[], ContractErrorCode, string]>([
    ['a bad key', [t('Draft Contract')], ContractErrorCode.TemplateInvalid, 'Task key "Draft Contract" must start'],
    ['a reserved key', [t('delivery_handover')], ContractErrorCode.TemplateInvalid, 'is reserved for the handover'],
    ['a blank title', [t('a', [], { title: ' ' })], ContractErrorCode.TemplateInvalid, 'Task a needs a title.'],
    ['negative due days', [t('a', [], { dueDays: -1 })], ContractErrorCode.TemplateInvalid, 'whole number of days'],
    [
      'a delivery task',
      [t('a', [], { group: TaskGroup.Delivery })],
      ContractErrorCode.TemplateGroupNotAllowed,
      'Task a must go to legal or accounting',
    ],
    ['a duplicate key', [t('a'), t('b'), t('a')], ContractErrorCode.TemplateDuplicateKey, 'Two tasks use the key a.'],
    ['a self-dependency', [t('a', ['a'])], ContractErrorCode.TemplateSelfDependency, 'Task a cannot depend on itself.'],
    [
      'an unknown dependency',
      [t('a'), t('b', ['a', 'zz'])],
      ContractErrorCode.TemplateUnknownDependency,
      'Task b depends on zz, which is not in the set.',
    ],
    [
      'a two-task cycle',
      [t('a', ['b']), t('b', ['a'])],
      ContractErrorCode.TemplateCycle,
      'Task dependencies form a cycle: a -> b -> a.',
    ],
    [
      'a longer cycle behind a valid root',
      [t('root'), t('x', ['root', 'z']), t('y', ['x']), t('z', ['y'])],
      ContractErrorCode.TemplateCycle,
      'Task dependencies form a cycle: x -> z -> y -> x.',
    ],
  ])('refuses %s', (_name, set, code, message) => {
    const error = thrown(() => validateTemplateSet(set));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('names the cycle path in the details', () => {
    expect(thrown(() => validateTemplateSet([t('a', ['b']), t('b', ['a'])])).details).toEqual({
      cycle: ['a', 'b', 'a'],
    });
  });
});

describe('default templates', () => {
  it('form a valid set', () => {
    expect(() => validateTemplateSet(DEFAULT_TASK_TEMPLATES)).not.toThrow();
  });

  it('give legal and accounting three tasks each', () => {
    const keysOf = (group: TaskGroup): string[] =>
      DEFAULT_TASK_TEMPLATES.filter((x) => x.group === group).map((x) => x.key);
    expect(keysOf(TaskGroup.Legal)).toEqual([
      DefaultTaskKey.DraftContract,
      DefaultTaskKey.ReviewTerms,
      DefaultTaskKey.LegalSignOff,
    ]);
    expect(keysOf(TaskGroup.Accounting)).toEqual([
      DefaultTaskKey.CreditCheck,
      DefaultTaskKey.BillingSetup,
      DefaultTaskKey.PaymentSchedule,
    ]);
  });

  it('keep the handover to delivery apart from the editable set', () => {
    expect(HANDOVER_TASK_TEMPLATE.group).toBe(TaskGroup.Delivery);
    expect(RESERVED_TASK_KEYS).toContain(HANDOVER_TASK_TEMPLATE.key);
    expect(() => validateTemplateSet([...DEFAULT_TASK_TEMPLATES, HANDOVER_TASK_TEMPLATE])).toThrow(
      expect.objectContaining({ code: ContractErrorCode.TemplateGroupNotAllowed }),
    );
  });
});

describe('dueAtFrom', () => {
  it.each([
    [0, '2025-03-10T09:00:00.000Z'],
    [3, '2025-03-13T09:00:00.000Z'],
  ])('adds %i calendar days', (days, expected) => {
    expect(dueAtFrom(new Date('2025-03-10T09:00:00Z'), days).toISOString()).toBe(expected);
  });
});
