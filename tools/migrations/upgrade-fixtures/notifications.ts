import { directoryRows, messagingRows } from './chassis';

// A released notifications service: in-app notifications (read and unread), preferences, a daily digest setting with
// one mail bundled into a sent digest and one event mail failing, a webhook with one delivery tried twice.
export const notificationsRows = `
  INSERT INTO notification (user_id, message_id, event_type, title, body, link_path, subject_kind, subject_id,
    created_at, read_at, data)
  VALUES
    ('a2000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000011', 'approval.step_opened',
     'Offer #1 waits for you', 'Kertész Szoftver Kft., 1 250 000 HUF', '/approvals/7a000000-0000-4000-8000-000000000001',
     'approval_request', '7a000000-0000-4000-8000-000000000001', '2026-11-21 09:00:02+00', '2026-11-21 09:30:00+00',
     '{"stepIndex": 0}'),
    ('a2000000-0000-4000-8000-000000000003', '1b000000-0000-4000-8000-000000000012', 'approval.step_opened',
     'Offer #1 waits for you', 'Kertész Szoftver Kft., 1 250 000 HUF', '/approvals/7a000000-0000-4000-8000-000000000001',
     'approval_request', '7a000000-0000-4000-8000-000000000001', '2026-11-21 10:00:01+00', NULL, '{"stepIndex": 1}'),
    ('a2000000-0000-4000-8000-000000000004', '1b000000-0000-4000-8000-000000000013', 'contract.task_assigned',
     'Draft the contract', 'Kertész Szoftver Kft.', '/contracts/c1000000-0000-4000-8000-000000000001',
     'contract_task', 'c2000000-0000-4000-8000-000000000002', '2026-11-25 09:05:01+00', NULL, '{}');
  INSERT INTO notification_preference (user_id, event_type, channel, enabled, updated_at) VALUES
    ('a2000000-0000-4000-8000-000000000003', 'approval.step_opened', 'email', true, '2026-11-02 08:00:00+00'),
    ('a2000000-0000-4000-8000-000000000003', 'prospect.stage_changed', 'in_app', false, '2026-11-02 08:00:00+00');
  INSERT INTO email_setting (user_id, digest, last_digest_at, updated_at) VALUES
    ('a2000000-0000-4000-8000-000000000003', 'daily', '2026-11-21 06:00:00+00', '2026-11-02 08:00:00+00');
  INSERT INTO mail (id, user_id, message_id, event_type, kind, status, title, body, link_path, digest_id, attempts,
    next_attempt_at, last_error, created_at, sent_at)
  VALUES
    ('e1000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', NULL, NULL, 'digest', 'sent',
     'Your day in Dealgate', '1 approval waits for you', NULL, NULL, 1, '2026-11-22 06:00:00+00', NULL,
     '2026-11-22 06:00:00+00', '2026-11-22 06:00:03+00'),
    ('e1000000-0000-4000-8000-000000000002', 'a2000000-0000-4000-8000-000000000003',
     '1b000000-0000-4000-8000-000000000012', 'approval.step_opened', 'event', 'bundled', 'Offer #1 waits for you',
     'Kertész Szoftver Kft., 1 250 000 HUF', '/approvals/7a000000-0000-4000-8000-000000000001',
     'e1000000-0000-4000-8000-000000000001', 0, '2026-11-21 10:00:01+00', NULL, '2026-11-21 10:00:01+00', NULL),
    ('e1000000-0000-4000-8000-000000000003', 'a2000000-0000-4000-8000-000000000001',
     '1b000000-0000-4000-8000-000000000011', 'approval.step_opened', 'event', 'failed', 'Offer #1 waits for you',
     'Kertész Szoftver Kft., 1 250 000 HUF', '/approvals/7a000000-0000-4000-8000-000000000001', NULL, 5,
     '2026-11-21 12:00:00+00', 'SMTP 550 mailbox unavailable', '2026-11-21 09:00:02+00', NULL);
  INSERT INTO webhook (id, url, event_types, sealed_secret, description, active, consecutive_failures, disabled_at,
    created_by, created_at, updated_at)
  VALUES
    ('e2000000-0000-4000-8000-000000000001', 'https://erp.customer.test/hooks/dealgate',
     '{contract.signed,contract.opened}', 'v1:iv:cipher-hook', 'ERP sync', true, 1, NULL,
     'a2000000-0000-4000-8000-000000000003', '2026-11-04 08:00:00+00', '2026-11-24 15:00:05+00');
  INSERT INTO webhook_delivery (id, webhook_id, message_id, event_type, body, status, attempts, next_attempt_at,
    lease_until, last_status_code, last_error, created_at, delivered_at)
  VALUES
    ('e3000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
     '1b000000-0000-4000-8000-000000000014', 'contract.opened',
     '{"caseId": "c1000000-0000-4000-8000-000000000001"}', 'succeeded', 2, '2026-11-24 15:01:00+00', NULL, 200,
     'HTTP 503', '2026-11-24 15:00:03+00', '2026-11-24 15:01:01+00');
  INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES
    ('e3000000-0000-4000-8000-000000000001', 1, '2026-11-24 15:00:04+00', 503, 'HTTP 503', 412),
    ('e3000000-0000-4000-8000-000000000001', 2, '2026-11-24 15:01:01+00', 200, NULL, 95);
  ${directoryRows}
  ${messagingRows('notifications', 'system.ping', 'approval.step_opened')}
`;
