import { Digest, NotifiableEvent } from '@dealgate/domain';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const linkTo = (publicUrl: string, path: string) => `${publicUrl.replace(/\/+$/, '')}${path}`;

const EVENT_LABELS: Record<NotifiableEvent, string> = {
  'prospect.stage_changed': 'Stage changes',
  'offer.defended': 'Defended offers',
  'prospect.stalled': 'Stalled prospects',
  'norm.breached': 'Missed norms',
  'early_warning.raised': 'Early warnings',
  'approval.step_opened': 'Approvals waiting for you',
  'approval.sla_breached': 'Overdue approvals',
  'approval.decided': 'Approval decisions',
  'contract.opened': 'Contract cases opened',
  'task.assigned': 'Tasks assigned',
  'task.overdue': 'Overdue tasks',
  'contract.signed': 'Contracts signed',
};

const FOOTER_TEXT = 'You receive this because of your Dealgate notification preferences.';

function page(title: string, inner: string, preferencesUrl: string): string {
  return `<!doctype html><html><body style="font-family:sans-serif;color:#222">
<h2 style="font-size:18px">${escapeHtml(title)}</h2>
${inner}
<p style="color:#777;font-size:12px">${escapeHtml(FOOTER_TEXT)} <a href="${escapeHtml(preferencesUrl)}">Change them</a>.</p>
</body></html>`;
}

/** One event: the title as subject, the text, and a link to the item in the console. */
export function renderEventMail(
  item: { title: string; body: string; linkPath: string },
  publicUrl: string,
): RenderedMail {
  const url = linkTo(publicUrl, item.linkPath);
  const preferences = linkTo(publicUrl, '/notifications/preferences');
  return {
    subject: `[Dealgate] ${item.title}`,
    text: `${item.title}\n\n${item.body}\n\nOpen: ${url}\n\n--\n${FOOTER_TEXT}\nChange them: ${preferences}\n`,
    html: page(
      item.title,
      `<p>${escapeHtml(item.body)}</p>\n<p><a href="${escapeHtml(url)}">Open in Dealgate</a></p>`,
      preferences,
    ),
  };
}

/** A digest: one section per event type, each item with its link. */
export function renderDigestMail(digest: Digest, publicUrl: string): RenderedMail {
  const preferences = linkTo(publicUrl, '/notifications/preferences');
  const text = digest.sections
    .map(
      (s) =>
        `${EVENT_LABELS[s.eventType]}\n${s.items.map((i) => `- ${i.title}: ${i.body}\n  ${linkTo(publicUrl, i.linkPath)}`).join('\n')}`,
    )
    .join('\n\n');
  const html = digest.sections
    .map(
      (s) =>
        `<h3 style="font-size:15px">${escapeHtml(EVENT_LABELS[s.eventType])}</h3>\n<ul>${s.items
          .map(
            (i) =>
              `<li><a href="${escapeHtml(linkTo(publicUrl, i.linkPath))}">${escapeHtml(i.title)}</a>: ${escapeHtml(i.body)}</li>`,
          )
          .join('')}</ul>`,
    )
    .join('\n');
  return {
    subject: `[Dealgate] ${digest.subject}`,
    text: `${digest.subject}\n\n${text}\n\n--\n${FOOTER_TEXT}\nChange them: ${preferences}\n`,
    html: page(digest.subject, html, preferences),
  };
}
