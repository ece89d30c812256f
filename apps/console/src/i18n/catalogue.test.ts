import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe.each(Object.entries(catalogue))('the %s catalogue', (_name, messages) => {
  it('has every English key in Hungarian and no other', () => {
    expect(keys(messages.hu).sort()).toEqual(keys(messages.en).sort());
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const key of keys(messages.en)) {
      const en = at(messages.en, key) as string;
      const hu = at(messages.hu, key) as string;
      expect({ key, empty: hu.trim() === '' || en.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(hu) }).toEqual({ key, placeholders: placeholders(en) });
    }
  });
});
