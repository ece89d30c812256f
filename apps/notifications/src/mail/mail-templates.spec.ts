import { bundleDigest } from '@dealgate/domain';
import { renderDigestMail, renderEventMail } from './mail-templates';

describe('mail templates', () => {
  it('renders an event with a link under PUBLIC_URL in text and HTML, escaping HTML', () => {
    const mail = renderEventMail(
      { title: 'Task <b>x</b>', body: 'Due "soon" & now', linkPath: '/tasks/1' },
      'https://d.example/',
    );
    expect(mail.subject).toBe('[Dealgate] Task <b>x</b>');
    expect(mail.text).toContain('Open: https://d.example/tasks/1');
    expect(mail.html).toContain('<a href="https://d.example/tasks/1">');
    expect(mail.html).toContain('Task &lt;b&gt;x&lt;/b&gt;');
    expect(mail.html).toContain('Due &quot;soon&quot; &amp; now');
    expect(mail.html).not.toContain('<b>x</b>');
  });

  it('renders a digest with one section per event type and every link', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const digest = bundleDigest(
      [
        { eventType: 'task.assigned', title: 'T1', body: 'b', linkPath: '/tasks/1', createdAt: at },
        { eventType: 'approval.decided', title: 'A1', body: 'b', linkPath: '/approvals/1', createdAt: at },
      ],
      'hourly',
    );
    const mail = renderDigestMail(digest, 'https://d.example');
    expect(mail.subject).toBe('[Dealgate] Your hourly Dealgate digest: 2 updates');
    expect(mail.text.indexOf('Approval decisions')).toBeLessThan(mail.text.indexOf('Tasks assigned'));
    expect(mail.text).toContain('https://d.example/tasks/1');
    expect(mail.html).toContain('href="https://d.example/approvals/1"');
  });
});
