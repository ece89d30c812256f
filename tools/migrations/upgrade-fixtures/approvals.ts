import { directoryRows, messagingRows } from './chassis';

// A released approvals service: the offer policy edited by the admin (the seeded row, now version 2), one offer
// request decided on its first step and waiting on the second, one sample request approved, a delegation, the audit
// lines, an SLA reminder and a void notice.
export const approvalsRows = `
  INSERT INTO approval_policy (subject_kind, steps, version, updated_at, updated_by) VALUES
    ('offer', '[{"approver": {"kind": "unit_head", "fallback": {"kind": "role", "role": "owner", "unitScoped": false}},
       "dueAfterMinutes": 720, "escalationGraceMinutes": 720, "escalateTo": {"kind": "role", "role": "owner",
       "unitScoped": false}}, {"approver": {"kind": "role", "role": "owner", "unitScoped": false},
       "condition": {"amountAbove": 500000, "discountPercentAbove": 10}, "dueAfterMinutes": 1440,
       "escalationGraceMinutes": 1440, "escalateTo": null}]', 2, '2026-11-10 08:00:00+00',
     'a2000000-0000-4000-8000-000000000003')
  ON CONFLICT (subject_kind) DO UPDATE SET steps = EXCLUDED.steps, version = EXCLUDED.version,
    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by;
  INSERT INTO approval_request (id, subject_kind, subject_id, subject_version, requester_id, unit_id, amount,
    discount_percent, snapshot, policy_version, status, step_count, current_step_index, current_step_activated_at,
    requested_at, opened_at, closed_at, closed_by, close_comment, version, author_ids)
  VALUES
    ('7a000000-0000-4000-8000-000000000001', 'offer', 'd3000000-0000-4000-8000-000000000001', 2,
     'a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001', 1250000.00, 12.5,
     '{"number": 1, "totalMinor": 125000000, "currency": "HUF", "items": [{"name": "Licence", "quantity": 50}]}', 2,
     'pending', 2, 1, '2026-11-21 10:00:00+00', '2026-11-21 09:00:00+00', '2026-11-21 09:00:01+00', NULL, NULL, NULL, 3,
     '{a2000000-0000-4000-8000-000000000002}'),
    ('7a000000-0000-4000-8000-000000000002', 'target_sample', 'd1000000-0000-4000-8000-000000000001', 1,
     'a2000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', NULL, NULL,
     '{"title": "Budapest SaaS, 50-250 staff", "companies": 2}', 1, 'approved', 1, 0, '2026-11-05 09:00:00+00',
     '2026-11-05 09:00:00+00', '2026-11-05 09:00:01+00', '2026-11-05 11:00:00+00',
     'a2000000-0000-4000-8000-000000000003', 'Good list', 2, '{a2000000-0000-4000-8000-000000000001}');
  INSERT INTO approval_step (request_id, step_index, policy_step_index, approver_user_id, approver_role,
    approver_unit_id, escalate_user_id, escalate_role, escalate_unit_id, due_after_minutes, escalation_grace_minutes,
    status, activated_at, due_at, escalation_at, decided_by, on_behalf_of, decided_at, comment)
  VALUES
    ('7a000000-0000-4000-8000-000000000001', 0, 0, 'a2000000-0000-4000-8000-000000000001', NULL, NULL, NULL, 'owner',
     NULL, 720, 720, 'approved', '2026-11-21 09:00:01+00', '2026-11-21 21:00:01+00', '2026-11-22 09:00:01+00',
     'a2000000-0000-4000-8000-000000000001', NULL, '2026-11-21 10:00:00+00', 'Fine by me'),
    ('7a000000-0000-4000-8000-000000000001', 1, 1, NULL, 'owner', NULL, NULL, NULL, NULL, 1440, 1440, 'pending',
     '2026-11-21 10:00:00+00', '2026-11-22 10:00:00+00', '2026-11-23 10:00:00+00', NULL, NULL, NULL, NULL),
    ('7a000000-0000-4000-8000-000000000002', 0, 0, NULL, 'owner', NULL, NULL, NULL, NULL, 2880, 1440, 'approved',
     '2026-11-05 09:00:01+00', '2026-11-07 09:00:01+00', '2026-11-08 09:00:01+00',
     'a2000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', '2026-11-05 11:00:00+00',
     'Good list');
  INSERT INTO approval_delegation (id, approver_id, approver_roles, approver_unit_id, delegate_id, starts_at, ends_at,
    created_at, revoked_at)
  VALUES
    ('7d000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', '{owner,admin}', NULL,
     'a2000000-0000-4000-8000-000000000001', '2026-11-04 00:00:00+00', '2026-11-06 00:00:00+00',
     '2026-11-03 16:00:00+00', NULL);
  INSERT INTO approval_audit (request_id, subject_id, action, actor_id, on_behalf_of, step_index, detail, at) VALUES
    ('7a000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001', 'decided',
     'a2000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000003', 0,
     '{"decision": "approved"}', '2026-11-05 11:00:00+00'),
    ('7a000000-0000-4000-8000-000000000001', 'd3000000-0000-4000-8000-000000000001', 'requested',
     'a2000000-0000-4000-8000-000000000002', NULL, NULL, '{}', '2026-11-21 09:00:00+00');
  INSERT INTO approval_sla_event (key, request_id, step_index, level, due_at, emitted_at) VALUES
    ('7a000000-0000-4000-8000-000000000001:1:reminder', '7a000000-0000-4000-8000-000000000001', 1, 'reminder',
     '2026-11-22 10:00:00+00', '2026-11-22 10:00:05+00');
  INSERT INTO approval_void_notice (request_id, reason, received_at) VALUES
    ('7a000000-0000-4000-8000-000000000009', 'offer_revised', '2026-11-19 12:00:00+00');
  ${directoryRows}
  ${messagingRows('approvals', 'approval.decided', 'approval.requested')}
`;
