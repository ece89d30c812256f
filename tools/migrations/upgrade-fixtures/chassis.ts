// The tables every service has from the chassis: the outbox and inbox of its messaging, the dead letters and failed
// attempts of its consumers, the ping receipts, the idempotency keys and (for all but the gateway, which owns the
// users) its copy of the directory. Rows as the chassis writes them; a service's fixture adds them to its own.

/** Messaging, ping and idempotency rows of a released database: one sent and one waiting message, one dead letter. */
export const messagingRows = (service: string, sentJob: string, consumedJob: string) => `
  INSERT INTO outbox (id, job_name, payload, correlation_id, created_at, sent_at) VALUES
    ('0b000000-0000-4000-8000-000000000001', '${sentJob}', '{"id": "0b000000-0000-4000-8000-0000000000aa"}',
     'corr-${service}-1', '2026-11-20 09:00:00+00', '2026-11-20 09:00:01+00'),
    ('0b000000-0000-4000-8000-000000000002', '${sentJob}', '{"id": "0b000000-0000-4000-8000-0000000000bb"}',
     'corr-${service}-2', '2026-11-20 09:05:00+00', NULL);
  INSERT INTO inbox (message_id, job_name, processed_at) VALUES
    ('1b000000-0000-4000-8000-000000000001', '${consumedJob}', '2026-11-20 09:00:02+00'),
    ('1b000000-0000-4000-8000-000000000002', 'user.upserted', '2026-11-20 09:00:03+00');
  INSERT INTO dead_letter (id, message_id, job_name, envelope, error, attempts, failed_at, replayed_at, replay_count)
  VALUES ('2b000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000009', '${consumedJob}',
    '{"messageId": "1b000000-0000-4000-8000-000000000009", "name": "${consumedJob}", "payload": {},
      "correlationId": "corr-x", "source": "gateway", "occurredAt": "2026-11-20T09:10:00.000Z"}',
    'payload.id must be a UUID', 5, '2026-11-20 09:11:00+00', '2026-11-20 10:00:00+00', 1);
  INSERT INTO failed_attempt (message_id, replay, attempt, error, failed_at) VALUES
    ('1b000000-0000-4000-8000-000000000009', 0, 1, 'payload.id must be a UUID', '2026-11-20 09:10:01+00'),
    ('1b000000-0000-4000-8000-000000000009', 0, 2, 'payload.id must be a UUID', '2026-11-20 09:10:05+00');
  INSERT INTO ping_receipt (ping_id, message_id, source, received_at) VALUES
    ('3b000000-0000-4000-8000-000000000001', '1b000000-0000-4000-8000-000000000003', 'gateway',
     '2026-11-20 08:00:00+00');
  INSERT INTO idempotency_key (principal, key, fingerprint, status, body, created_at, committed_at) VALUES
    ('user:a2000000-0000-4000-8000-000000000002', 'create-${service}-1', 'sha256:9f2c', 201,
     '{"id": "0b000000-0000-4000-8000-0000000000aa"}', '2026-11-20 09:00:00+00', '2026-11-20 09:00:00+00'),
    ('user:a2000000-0000-4000-8000-000000000002', 'create-${service}-2', 'sha256:41d0', NULL, NULL,
     '2026-11-20 09:06:00+00', NULL);
`;

/** The directory copy of the gateway's users and units (ids as in the gateway fixture). */
export const directoryRows = `
  INSERT INTO directory_unit (unit_id, name, head_user_id, active, changed_at) VALUES
    ('a1000000-0000-4000-8000-000000000001', 'Budapest Sales', 'a2000000-0000-4000-8000-000000000001', true,
     '2026-11-01 08:00:00+00'),
    ('a1000000-0000-4000-8000-000000000002', 'Debrecen Sales', NULL, false, '2026-11-02 08:00:00+00');
  INSERT INTO directory_user
    (user_id, roles, unit_id, groups, lead_of, active, sealed_contact, changed_at, token_version, revoked_sessions)
  VALUES
    ('a2000000-0000-4000-8000-000000000001', '{sales_head}', 'a1000000-0000-4000-8000-000000000001', '{}',
     '{a1000000-0000-4000-8000-000000000001}', true, 'v1:iv:cipher-head', '2026-11-01 08:00:00+00', 0, '{}'),
    ('a2000000-0000-4000-8000-000000000002', '{salesperson}', 'a1000000-0000-4000-8000-000000000001', '{enterprise}',
     '{}', true, 'v1:iv:cipher-sales', '2026-11-01 08:00:00+00', 2, '{5e000000-0000-4000-8000-000000000001}'),
    ('a2000000-0000-4000-8000-000000000003', '{owner,admin}', NULL, '{}', '{}', true, 'v1:iv:cipher-owner',
     '2026-11-01 08:00:00+00', 0, '{}'),
    ('a2000000-0000-4000-8000-000000000004', '{legal}', NULL, '{}', '{}', false, 'v1:iv:cipher-legal',
     '2026-11-03 08:00:00+00', 1, '{}');
`;
