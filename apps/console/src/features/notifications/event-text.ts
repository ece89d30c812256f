// An inbox item or toast worded in the console's language from its event type and facts (NotificationView.data).
// The server's English text stays the fallback: for an event type this console does not know yet, and for items
// stored before the facts were kept (data = {}).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { NotificationItem } from './queries';

export interface NotificationText {
  title: string;
  body: string;
}

export type NotificationSource = Pick<NotificationItem, 'eventType' | 'title' | 'body' | 'data'>;

/** The formatters the wording needs (i18n/format.ts, bound to a language). */
export interface TextFormat {
  number: (value: number) => string;
  dateTime: (iso: string) => string;
}

type Facts = Record<string, unknown>;

const text = (facts: Facts, key: string): string | null => {
  const value = facts[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
};
const numberOrNull = (facts: Facts, key: string): number | null | undefined => {
  const value = facts[key];
  if (value === null) return null;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};
const isDate = (value: string | null): value is string => value !== null && !Number.isNaN(Date.parse(value));

/** A name from the catalogue, or the key made readable (`some_rule` → `some rule`) for one it does not list. */
function named(t: TFunction, group: string, key: string): string {
  return t(`texts.${group}.${key}`, { defaultValue: key.replace(/[._]/g, ' ') });
}

function known(t: TFunction, group: string, key: string | null): string | null {
  if (key === null) return null;
  const value = t(`texts.${group}.${key}`, { defaultValue: '' });
  return value === '' ? null : value;
}

/** A stage's name from the common catalogue; null for a stage this console does not know. */
function stageName(t: TFunction, key: string | null): string | null {
  return key === null ? null : t(`stages.${key}`, { ns: 'common', defaultValue: '' }) || null;
}

/** The wording of one event, or null when its facts are not all there (the caller falls back). */
function word(eventType: string, facts: Facts, t: TFunction, format: TextFormat): NotificationText | null {
  const two = (key: string, values: Record<string, unknown> = {}) => ({
    title: t(`texts.${key}.title`, values),
    body: t(`texts.${key}.body`, values),
  });
  switch (eventType) {
    case 'prospect.stage_changed': {
      const to = text(facts, 'toStage');
      const toName = stageName(t, to);
      if (toName === null) return null;
      const from = text(facts, 'fromStage');
      const fromName = stageName(t, from);
      const status = text(facts, 'status');
      if (status === 'won') return two('stageWon', { stage: toName });
      if (status === 'lost') return two('stageLost', { stage: toName });
      if (status !== 'active') return null;
      if (from === to) return two('stageReopened', { stage: toName });
      return {
        title: t('texts.stageMoved.title', { to: toName }),
        body: fromName
          ? t('texts.stageMoved.body', { to: toName, from: fromName })
          : t('texts.stageMoved.bodyNew', { to: toName }),
      };
    }
    case 'offer.defended':
      return two('offerDefended');
    case 'prospect.stalled': {
      const name = stageName(t, text(facts, 'stage'));
      const days = numberOrNull(facts, 'limitDays');
      if (name === null || days === null || days === undefined) return null;
      return {
        title: t('texts.stalled.title', { stage: name }),
        body: t('texts.stalled.body', { stage: name, count: days, days: format.number(days) }),
      };
    }
    case 'norm.breached': {
      const norm = text(facts, 'norm');
      const period = text(facts, 'period');
      const value = numberOrNull(facts, 'value');
      const min = numberOrNull(facts, 'min');
      const max = numberOrNull(facts, 'max');
      if (norm === null || period === null || value === undefined || min === undefined || max === undefined)
        return null;
      const normName = named(t, 'norms', norm);
      const range =
        min !== null && max !== null
          ? t('texts.normBreached.between', { min: format.number(min), max: format.number(max) })
          : min !== null
            ? t('texts.normBreached.atLeast', { min: format.number(min) })
            : max !== null
              ? t('texts.normBreached.atMost', { max: format.number(max) })
              : t('texts.normBreached.theNorm');
      return {
        title: t('texts.normBreached.title', { norm: normName }),
        body: t('texts.normBreached.body', {
          norm: normName,
          period,
          value: value === null ? t('texts.normBreached.noValue') : format.number(value),
          range,
        }),
      };
    }
    case 'early_warning.raised': {
      const rule = text(facts, 'rule');
      return rule === null ? null : two('earlyWarning', { rule: named(t, 'rules', rule) });
    }
    case 'approval.step_opened': {
      const subject = known(t, 'subjects', text(facts, 'subjectKind'));
      const due = text(facts, 'dueAt');
      if (subject === null || !isDate(due)) return null;
      return two('stepOpened', { subject, due: format.dateTime(due) });
    }
    case 'approval.sla_breached': {
      const subject = known(t, 'subjects', text(facts, 'subjectKind'));
      const level = text(facts, 'level');
      if (subject === null || (level !== 'reminder' && level !== 'escalation')) return null;
      return two(level === 'reminder' ? 'slaReminder' : 'slaEscalation', { subject });
    }
    case 'approval.decided': {
      const subject = known(t, 'subjects', text(facts, 'subjectKind'));
      const outcome = text(facts, 'outcome');
      const title = known(t, 'decided.title', outcome);
      if (subject === null || title === null) return null;
      const decision = t(`texts.decided.body.${outcome}`, { subject });
      const comment = text(facts, 'comment');
      return {
        title: t(`texts.decided.title.${outcome}`, { subject }),
        body: comment ? t('texts.decided.comment', { decision, comment }) : decision,
      };
    }
    case 'contract.opened':
      return two('contractOpened');
    case 'contract.signed':
      return two('contractSigned');
    case 'task.assigned': {
      const title = text(facts, 'title');
      const group = text(facts, 'group');
      const due = text(facts, 'dueAt');
      if (title === null || group === null || (due !== null && !isDate(due))) return null;
      const key = text(facts, 'assigneeId') ? 'taskMine' : 'taskQueued';
      const values = { title, group: named(t, 'groups', group), ...(due ? { due: format.dateTime(due) } : {}) };
      return {
        title: t(`texts.${key}.title`, values),
        body: t(due ? `texts.${key}.bodyDue` : `texts.${key}.body`, values),
      };
    }
    case 'task.overdue': {
      const title = text(facts, 'title');
      const group = text(facts, 'group');
      const due = text(facts, 'dueAt');
      const level = text(facts, 'level');
      if (title === null || group === null || !isDate(due) || (level !== 'reminder' && level !== 'escalation'))
        return null;
      return two(level === 'reminder' ? 'taskOverdue' : 'taskEscalation', {
        title,
        group: named(t, 'groups', group),
        due: format.dateTime(due),
      });
    }
    default:
      return null;
  }
}

/** The item's title and body in the console's language; the server's text when the console cannot word it. */
export function notificationText(item: NotificationSource, t: TFunction, format: TextFormat): NotificationText {
  const facts = item.data && typeof item.data === 'object' ? item.data : {};
  return word(item.eventType, facts, t, format) ?? { title: item.title, body: item.body };
}

/** `notificationText` bound to the current language. */
export function useNotificationText(): (item: NotificationSource) => NotificationText {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  return (item) => notificationText(item, t, format);
}
