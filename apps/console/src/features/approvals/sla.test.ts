import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { durationText, slaOf } from './sla';

const units = { d: 'd', h: 'h', min: 'min' };
const HOUR = 3_600_000;
const activated = new Date('2026-12-01T08:00:00Z');
// The default policy's head step: due after 24 h, escalates 24 h later.
const step = {
  dueAt: new Date(activated.getTime() + 24 * HOUR).toISOString(),
  escalationAt: new Date(activated.getTime() + 48 * HOUR).toISOString(),
};
const at = (hours: number) => new Date(activated.getTime() + hours * HOUR);

beforeAll(() => {
  setupI18n('en');
});

function sentence(hours: number, s: { dueAt: string | null; escalationAt: string | null } | null = step) {
  const sla = slaOf(s, at(hours), units);
  return i18next.t(`approvals:${sla.key}`, sla.values);
}

describe('the SLA countdown', () => {
  it('counts down to the due time in the two largest units', () => {
    expect(sentence(0)).toBe('Due in 1 d');
    expect(sentence(1.5)).toBe('Due in 22 h 30 min');
    expect(sentence(23.99)).toBe('Due in 1 min');
    expect(slaOf(step, at(2), units)).toMatchObject({ level: 'on_time', color: 'teal' });
  });

  it('says how late a step is and when it escalates, once due (the due instant itself is late)', () => {
    expect(sentence(24)).toBe('Overdue by 1 min; escalates in 1 d');
    expect(sentence(30)).toBe('Overdue by 6 h; escalates in 18 h');
    expect(slaOf(step, at(30), units)).toMatchObject({ level: 'reminded', color: 'yellow' });
  });

  it('says since when it is escalated', () => {
    expect(sentence(48)).toBe('Escalated 1 min ago');
    expect(sentence(75)).toBe('Escalated 1 d 3 h ago');
    expect(slaOf(step, at(75), units)).toMatchObject({ level: 'escalated', color: 'red' });
  });

  it('never escalates a step without an escalation target (the owner’s): it only runs late', () => {
    const ownerStep = { dueAt: step.dueAt, escalationAt: null };
    expect(sentence(100, ownerStep)).toBe('Overdue by 3 d 4 h');
    expect(slaOf(ownerStep, at(100), units).level).toBe('reminded');
  });

  it('has nothing to count for a closed request', () => {
    expect(sentence(0, null)).toBe('No deadline');
  });

  it('speaks Hungarian too', async () => {
    await i18next.changeLanguage('hu');
    const hu = { d: 'nap', h: 'óra', min: 'perc' };
    const sla = slaOf(step, at(30), hu);
    expect(i18next.t(`approvals:${sla.key}`, sla.values)).toBe('6 óra késésben; 18 óra múlva eszkalálódik');
    await i18next.changeLanguage('en');
  });
});

describe('durationText', () => {
  it('drops a zero second unit and rounds down', () => {
    expect(durationText(2 * 24 * HOUR, units)).toBe('2 d');
    expect(durationText(2 * 24 * HOUR + 59 * 60_000, units)).toBe('2 d');
    expect(durationText(3 * HOUR, units)).toBe('3 h');
    expect(durationText(5 * 60_000 + 59_000, units)).toBe('5 min');
  });
});
