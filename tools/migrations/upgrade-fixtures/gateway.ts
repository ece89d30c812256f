import { messagingRows } from './chassis';

// A released gateway: two units (one with a head, one closed), four users, a refresh token family mid-rotation, an
// API key, audit lines. The other services' fixtures use these user and unit ids.
export const gatewayRows = `
  INSERT INTO unit (id, name, head_user_id, active, version, created_at, updated_at) VALUES
    ('a1000000-0000-4000-8000-000000000001', 'Budapest Sales', NULL, true, 1, '2026-11-01 08:00:00+00',
     '2026-11-01 08:00:00+00');
  INSERT INTO app_user (id, email, name, password_hash, roles, unit_id, groups, lead_of, active, version, created_at,
    updated_at, must_change_password, token_version)
  VALUES
    ('a2000000-0000-4000-8000-000000000001', 'head@dealgate.test', 'Hanna Head', '$argon2id$v=19$m=19456,t=2,p=1$aGVhZA$x1',
     '{sales_head}', 'a1000000-0000-4000-8000-000000000001', '{}', '{a1000000-0000-4000-8000-000000000001}', true, 3,
     '2026-11-01 08:00:00+00', '2026-11-05 08:00:00+00', false, 0),
    ('a2000000-0000-4000-8000-000000000002', 'sales@dealgate.test', 'Sam Sales', '$argon2id$v=19$m=19456,t=2,p=1$c2FsZXM$x2',
     '{salesperson}', 'a1000000-0000-4000-8000-000000000001', '{enterprise}', '{}', true, 2,
     '2026-11-01 08:00:00+00', '2026-11-06 08:00:00+00', false, 2),
    ('a2000000-0000-4000-8000-000000000003', 'owner@dealgate.test', 'Olga Owner', '$argon2id$v=19$m=19456,t=2,p=1$b3du$x3',
     '{owner,admin}', NULL, '{}', '{}', true, 1, '2026-11-01 08:00:00+00', '2026-11-01 08:00:00+00', true, 0),
    ('a2000000-0000-4000-8000-000000000004', 'legal@dealgate.test', 'Lea Legal', '$argon2id$v=19$m=19456,t=2,p=1$bGVn$x4',
     '{legal}', NULL, '{}', '{}', false, 4, '2026-11-01 08:00:00+00', '2026-11-03 08:00:00+00', false, 1);
  INSERT INTO unit (id, name, head_user_id, active, version, created_at, updated_at) VALUES
    ('a1000000-0000-4000-8000-000000000002', 'Debrecen Sales', 'a2000000-0000-4000-8000-000000000001', false, 2,
     '2026-11-01 08:00:00+00', '2026-11-02 08:00:00+00');
  INSERT INTO refresh_token (id, family_id, user_id, token_hash, expires_at, rotated_at, revoked_at, revoke_reason,
    created_at)
  VALUES
    ('5e000000-0000-4000-8000-000000000001', '5f000000-0000-4000-8000-000000000001',
     'a2000000-0000-4000-8000-000000000002', 'sha256:0a1b', '2026-12-20 09:00:00+00', '2026-11-20 09:30:00+00', NULL,
     NULL, '2026-11-20 09:00:00+00'),
    ('5e000000-0000-4000-8000-000000000002', '5f000000-0000-4000-8000-000000000001',
     'a2000000-0000-4000-8000-000000000002', 'sha256:2c3d', '2026-12-20 09:30:00+00', NULL, NULL, NULL,
     '2026-11-20 09:30:00+00'),
    ('5e000000-0000-4000-8000-000000000003', '5f000000-0000-4000-8000-000000000002',
     'a2000000-0000-4000-8000-000000000004', 'sha256:4e5f', '2026-12-03 08:00:00+00', NULL, '2026-11-03 08:00:00+00',
     'user_deactivated', '2026-11-02 08:00:00+00');
  INSERT INTO api_key (id, key_id, user_id, name, secret_hash, roles, created_at, last_used_at, revoked_at) VALUES
    ('6a000000-0000-4000-8000-000000000001', 'dk_live_7f3a', 'a2000000-0000-4000-8000-000000000003', 'CRM import',
     'sha256:6a7b', '{owner}', '2026-11-04 08:00:00+00', '2026-11-20 07:00:00+00', NULL);
  INSERT INTO audit_log (at, event, actor_user_id, subject, ip, details) VALUES
    ('2026-11-20 09:00:00+00', 'login', 'a2000000-0000-4000-8000-000000000002', NULL, '10.0.0.7', '{}'),
    ('2026-11-03 08:00:00+00', 'user.deactivated', 'a2000000-0000-4000-8000-000000000003',
     'user:a2000000-0000-4000-8000-000000000004', '10.0.0.9', '{"reason": "left the company"}');
  ${messagingRows('gateway', 'user.upserted', 'contract.signed')}
`;
