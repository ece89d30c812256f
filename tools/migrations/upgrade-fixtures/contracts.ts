import { directoryRows, messagingRows } from './chassis';

// A released contracts service: the task templates edited once (the seeded row, now version 2), one case opened from
// a defended offer with its tasks (done, claimed, open), their comment, document, events and overdue notice, and a
// deviation of its terms waiting for approval.
export const contractsRows = `
  INSERT INTO task_template_set (id, templates, version, updated_by, updated_at) VALUES
    (1, '[{"key": "kyc", "title": "Check the customer", "group": "legal", "dependsOn": [], "dueDays": 3,
       "required": true}, {"key": "draft", "title": "Draft the contract", "group": "legal", "dependsOn": ["kyc"],
       "dueDays": 5, "required": true}, {"key": "invoice", "title": "Set up invoicing", "group": "accounting",
       "dependsOn": ["draft"], "dueDays": 10, "required": false}]', 2, 'a2000000-0000-4000-8000-000000000003',
     '2026-11-12 08:00:00+00')
  ON CONFLICT (id) DO UPDATE SET templates = EXCLUDED.templates, version = EXCLUDED.version,
    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at;
  INSERT INTO contract_case (id, offer_id, prospect_id, defence_id, salesperson_id, unit_id, product_line_id,
    company_name, baseline, terms, terms_revision, terms_edited_by, terms_edited_at, defended_at, opened_at, signed_at,
    signed_on, signed_by, signatories, version)
  VALUES
    ('c1000000-0000-4000-8000-000000000001', 'd3000000-0000-4000-8000-000000000001',
     'd2000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
     'a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001',
     'd0000000-0000-4000-8000-000000000001', 'Kertész Szoftver Kft.',
     '{"paymentDays": 30, "discountPercent": 12.5, "totalMinor": 125000000, "currency": "HUF"}',
     '{"paymentDays": 45, "discountPercent": 12.5, "totalMinor": 125000000, "currency": "HUF"}', 2,
     'a2000000-0000-4000-8000-000000000004', '2026-11-25 10:00:00+00', '2026-11-24 15:00:00+00',
     '2026-11-24 15:00:02+00', NULL, NULL, NULL, NULL, 4);
  INSERT INTO contract_task (id, case_id, key, title, group_name, depends_on, due_days, required, position, status,
    assignee_id, available_since, due_at, done_at, created_at, version, result)
  VALUES
    ('c2000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'kyc', 'Check the customer',
     'legal', '{}', 3, true, 0, 'done', 'a2000000-0000-4000-8000-000000000004', '2026-11-24 15:00:02+00',
     '2026-11-27 15:00:02+00', '2026-11-25 09:00:00+00', '2026-11-24 15:00:02+00', 3, 'No sanctions hits'),
    ('c2000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'draft', 'Draft the contract',
     'legal', '{kyc}', 5, true, 1, 'claimed', 'a2000000-0000-4000-8000-000000000004', '2026-11-25 09:00:00+00',
     '2026-11-30 09:00:00+00', NULL, '2026-11-24 15:00:02+00', 2, NULL),
    ('c2000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'invoice', 'Set up invoicing',
     'accounting', '{draft}', 10, false, 2, 'open', NULL, NULL, NULL, NULL, '2026-11-24 15:00:02+00', 1, NULL);
  INSERT INTO task_comment (id, task_id, author_id, body, created_at) VALUES
    ('c3000000-0000-4000-8000-000000000001', 'c2000000-0000-4000-8000-000000000002',
     'a2000000-0000-4000-8000-000000000004', 'Waiting for the signatory list from the customer.',
     '2026-11-26 10:00:00+00');
  INSERT INTO task_document (id, task_id, title, url, added_by, added_at) VALUES
    ('c4000000-0000-4000-8000-000000000001', 'c2000000-0000-4000-8000-000000000001', 'Company register extract',
     'https://files.dealgate.test/kyc/kertesz.pdf', 'a2000000-0000-4000-8000-000000000004', '2026-11-25 08:30:00+00');
  INSERT INTO task_event (task_id, kind, actor_id, assignee_id, reason, at) VALUES
    ('c2000000-0000-4000-8000-000000000001', 'claimed', 'a2000000-0000-4000-8000-000000000004',
     'a2000000-0000-4000-8000-000000000004', NULL, '2026-11-24 16:00:00+00'),
    ('c2000000-0000-4000-8000-000000000001', 'done', 'a2000000-0000-4000-8000-000000000004', NULL, NULL,
     '2026-11-25 09:00:00+00'),
    ('c2000000-0000-4000-8000-000000000002', 'assigned', 'a2000000-0000-4000-8000-000000000001',
     'a2000000-0000-4000-8000-000000000004', 'legal lead', '2026-11-25 09:05:00+00');
  INSERT INTO overdue_notice (key, task_id, level, sent_at) VALUES
    ('c2000000-0000-4000-8000-000000000002:due', 'c2000000-0000-4000-8000-000000000002', 'due',
     '2026-11-30 09:00:10+00');
  INSERT INTO deviation_approval (request_id, case_id, terms_revision, status, deviations, requested_by, requested_at,
    decided_at, decided_by, comment)
  VALUES
    ('7a000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 2, 'pending',
     '[{"field": "paymentDays", "from": 30, "to": 45}]', 'a2000000-0000-4000-8000-000000000004',
     '2026-11-25 10:00:01+00', NULL, NULL, NULL);
  ${directoryRows}
  ${messagingRows('contracts', 'contract.opened', 'prospect.offer_defended')}
`;
