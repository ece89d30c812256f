import { directoryRows, messagingRows } from './chassis';

const SAMPLE = 'd1000000-0000-4000-8000-000000000001';
const LINE = 'd0000000-0000-4000-8000-000000000001';
const UNIT = 'a1000000-0000-4000-8000-000000000001';
const HEAD = 'a2000000-0000-4000-8000-000000000001';
const SALES = 'a2000000-0000-4000-8000-000000000002';
const WON = 'd2000000-0000-4000-8000-000000000001';
const LOST = 'd2000000-0000-4000-8000-000000000002';

// A released prospects service: a product line of its own beside the seeded ones, an approved target sample of two
// companies, one prospect taken to offer defence (contact, attempt, meeting, brief, two offer revisions, a defence)
// and one lost, the funnel log of both (its insert trigger fills the analytics tables, as in production), a plan, an
// extra lost reason and warning rule, an analytics notice.
export const prospectsRows = `
  INSERT INTO product_line (id, code, name, cycle_min_days, cycle_max_days, stage_limit_days, active, version,
    created_at, updated_at)
  VALUES ('${LINE}', 'consulting', 'Consulting', 60, 90,
    '{"sampling": 7, "primary_contact": 14, "needs_identification": 14, "offer_formation": 10, "offer_defence": 20,
      "contract": 20}', true, 2, '2026-11-01 08:00:00+00', '2026-11-08 08:00:00+00');
  INSERT INTO lost_reason (code, label, note_required, active, position, label_hu) VALUES
    ('merged', 'Company merged or closed', true, true, 90, 'Megszűnt vagy beolvadt');
  INSERT INTO analytics_warning_rule (id, kind, min_prospects_worked, window_days, min_briefs_per_prospect, active,
    version, updated_at)
  VALUES ('consulting_brief_rate', 'brief_rate_below', 5, 30, 0.4, true, 1, '2026-11-08 08:00:00+00');
  INSERT INTO target_sample (id, product_line_id, unit_id, author_id, title, rationale, status, approval_request_id,
    decision_comment, decided_by, submitted_at, decided_at, version, created_at, updated_at, contributor_ids)
  VALUES ('${SAMPLE}', '${LINE}', '${UNIT}', '${HEAD}', 'Budapest SaaS, 50-250 staff',
    'Growing software houses that outsource process consulting', 'approved', '7a000000-0000-4000-8000-000000000002',
    'Good list', 'a2000000-0000-4000-8000-000000000003', '2026-11-05 09:00:00+00', '2026-11-05 11:00:00+00', 3,
    '2026-11-04 14:00:00+00', '2026-11-05 11:00:00+00', '{${SALES}}');
  INSERT INTO prospect (id, sample_id, product_line_id, unit_id, owner_id, company_name, tax_id, website, name_key,
    tax_key, domain_key, stage, status, approved_offer_id, lost_reason_code, lost_reason_note, stage_entered_at,
    version, created_at, updated_at)
  VALUES
    ('${WON}', '${SAMPLE}', '${LINE}', '${UNIT}', '${SALES}', 'Kertész Szoftver Kft.', '12345678-2-41',
     'https://kertesz.test', 'kertesz szoftver', '12345678', 'kertesz.test', 'offer_defence', 'active',
     'd3000000-0000-4000-8000-000000000001', NULL, NULL, '2026-11-21 11:00:00+00', 6, '2026-11-05 11:00:01+00',
     '2026-11-21 11:00:00+00'),
    ('${LOST}', '${SAMPLE}', '${LINE}', '${UNIT}', '${SALES}', 'Tóth és Társa Bt.', NULL, 'https://toth.test',
     'toth es tarsa', NULL, 'toth.test', 'primary_contact', 'lost', NULL, 'merged', 'Bought by a competitor',
     '2026-11-05 11:00:01+00', 3, '2026-11-05 11:00:01+00', '2026-11-12 16:00:00+00');
  INSERT INTO sample_company (id, sample_id, name, tax_id, website, name_key, tax_key, domain_key, prospect_id,
    skipped_reason, created_at)
  VALUES
    ('d1100000-0000-4000-8000-000000000001', '${SAMPLE}', 'Kertész Szoftver Kft.', '12345678-2-41',
     'https://kertesz.test', 'kertesz szoftver', '12345678', 'kertesz.test', '${WON}', NULL, '2026-11-04 14:05:00+00'),
    ('d1100000-0000-4000-8000-000000000002', '${SAMPLE}', 'Tóth és Társa Bt.', NULL, 'https://toth.test',
     'toth es tarsa', NULL, 'toth.test', '${LOST}', NULL, '2026-11-04 14:06:00+00'),
    ('d1100000-0000-4000-8000-000000000003', '${SAMPLE}', 'Kertész Software Ltd', NULL, 'https://kertesz.test',
     'kertesz software', NULL, 'kertesz.test', NULL, 'duplicate_domain', '2026-11-04 14:07:00+00');
  INSERT INTO contact (id, prospect_id, name, position, is_decision_maker, decision_reason, email, phone, created_by,
    created_at)
  VALUES ('d5000000-0000-4000-8000-000000000001', '${WON}', 'Kertész Anna', 'CEO', true, 'Signs every contract',
    'anna@kertesz.test', '+36 1 555 0101', '${SALES}', '2026-11-06 09:00:00+00');
  INSERT INTO contact_attempt (id, prospect_id, contact_id, channel, outcome, note, at, actor_id, stage, owner_id)
  VALUES
    ('d6000000-0000-4000-8000-000000000001', '${WON}', 'd5000000-0000-4000-8000-000000000001', 'phone', 'reached',
     'Meeting agreed for next week', '2026-11-06 09:30:00+00', '${SALES}', 'primary_contact', '${SALES}'),
    ('d6000000-0000-4000-8000-000000000002', '${LOST}', NULL, 'email', 'no_answer', NULL, '2026-11-07 10:00:00+00',
     '${SALES}', 'primary_contact', '${SALES}');
  INSERT INTO meeting (id, prospect_id, contact_id, scheduled_at, status, held_at, agenda, created_by, version,
    created_at)
  VALUES ('d7000000-0000-4000-8000-000000000001', '${WON}', 'd5000000-0000-4000-8000-000000000001',
    '2026-11-13 10:00:00+00', 'held', '2026-11-13 10:05:00+00', 'Their order-to-cash process', '${SALES}', 3,
    '2026-11-06 09:31:00+00');
  INSERT INTO meeting_history (meeting_id, action, at, actor_id, previous_scheduled_at, scheduled_at, note) VALUES
    ('d7000000-0000-4000-8000-000000000001', 'scheduled', '2026-11-06 09:31:00+00', '${SALES}', NULL,
     '2026-11-12 10:00:00+00', NULL),
    ('d7000000-0000-4000-8000-000000000001', 'rescheduled', '2026-11-10 08:00:00+00', '${SALES}',
     '2026-11-12 10:00:00+00', '2026-11-13 10:00:00+00', 'CEO travelling');
  INSERT INTO brief (id, prospect_id, meeting_id, sections, needs, completed_at, author_id, version, created_at,
    updated_at)
  VALUES ('d8000000-0000-4000-8000-000000000001', '${WON}', 'd7000000-0000-4000-8000-000000000001',
    '{"situation": "Invoices by hand", "goals": "Close the month in 3 days"}',
    '[{"need": "Automated invoicing", "priority": "high"}]', '2026-11-14 16:00:00+00', '${SALES}', 4,
    '2026-11-13 11:00:00+00', '2026-11-14 16:00:00+00');
  INSERT INTO offer (id, prospect_id, number, previous_offer_id, status, author_id, items, payment_days, delivery_text,
    delivery_days, discount_percent, valid_until, clauses, total_minor, currency, approval_request_id, submitted_at,
    decided_by, decided_at, decision_comment, version, created_at, updated_at, contributor_ids)
  VALUES
    ('d3000000-0000-4000-8000-000000000009', '${WON}', 1, NULL, 'superseded', '${SALES}',
     '[{"name": "Licence", "quantity": 50, "unitPriceMinor": 2800000}]', 30, 'Remote rollout', 30, 0.00,
     '2026-12-31', '[]', 140000000, 'HUF', NULL, NULL, NULL, NULL, NULL, 2, '2026-11-17 09:00:00+00',
     '2026-11-19 12:00:00+00', '{}'),
    ('d3000000-0000-4000-8000-000000000001', '${WON}', 2, 'd3000000-0000-4000-8000-000000000009', 'approved',
     '${SALES}', '[{"name": "Licence", "quantity": 50, "unitPriceMinor": 2857143}]', 30, 'Remote rollout', 30, 12.50,
     '2026-12-31', '[{"key": "sla", "text": "99.5% monthly"}]', 125000000, 'HUF',
     '7a000000-0000-4000-8000-000000000001', '2026-11-21 09:00:00+00', '${HEAD}', '2026-11-21 11:00:00+00',
     'Approved with the discount', 4, '2026-11-19 12:00:00+00', '2026-11-21 11:00:00+00', '{${HEAD}}');
  INSERT INTO defence (id, prospect_id, offer_id, held_at, channel, attendees, outcome, note, recorded_by, created_at)
  VALUES ('d4000000-0000-4000-8000-000000000001', '${WON}', 'd3000000-0000-4000-8000-000000000001',
    '2026-11-24 14:00:00+00', 'in_person', '[{"name": "Kertész Anna", "role": "CEO"}]', 'accepted',
    'Signing after legal review', '${SALES}', '2026-11-24 15:00:00+00');
  INSERT INTO stage_transition (prospect_id, event_kind, from_stage, to_stage, from_status, to_status, at, actor_id,
    evidence_kind, evidence_id, lost_reason_code, lost_reason_note, product_line_id, unit_id, owner_id)
  VALUES
    ('${WON}', 'sample_approved', 'sampling', 'primary_contact', 'active', 'active', '2026-11-05 11:00:01+00',
     '${HEAD}', 'sample', '${SAMPLE}', NULL, NULL, '${LINE}', '${UNIT}', '${SALES}'),
    ('${LOST}', 'sample_approved', 'sampling', 'primary_contact', 'active', 'active', '2026-11-05 11:00:01+00',
     '${HEAD}', 'sample', '${SAMPLE}', NULL, NULL, '${LINE}', '${UNIT}', '${SALES}'),
    ('${WON}', 'meeting_scheduled', 'primary_contact', 'needs_identification', 'active', 'active',
     '2026-11-06 09:31:00+00', '${SALES}', 'meeting', 'd7000000-0000-4000-8000-000000000001', NULL, NULL, '${LINE}',
     '${UNIT}', '${SALES}'),
    ('${LOST}', 'lost', 'primary_contact', 'primary_contact', 'active', 'lost', '2026-11-12 16:00:00+00', '${SALES}',
     NULL, NULL, 'merged', 'Bought by a competitor', '${LINE}', '${UNIT}', '${SALES}'),
    ('${WON}', 'brief_completed', 'needs_identification', 'offer_formation', 'active', 'active',
     '2026-11-14 16:00:00+00', '${SALES}', 'brief', 'd8000000-0000-4000-8000-000000000001', NULL, NULL, '${LINE}',
     '${UNIT}', '${SALES}'),
    ('${WON}', 'offer_approved', 'offer_formation', 'offer_defence', 'active', 'active', '2026-11-21 11:00:00+00',
     '${HEAD}', 'offer', 'd3000000-0000-4000-8000-000000000001', NULL, NULL, '${LINE}', '${UNIT}', '${SALES}');
  INSERT INTO sales_plan (id, period, salesperson_id, unit_id, product_line_key, stage, count, author_id, updated_at)
  VALUES
    ('d9000000-0000-4000-8000-000000000001', '2026-11', '${SALES}', '${UNIT}', '${LINE}', 'primary_contact', 20,
     '${HEAD}', '2026-10-28 08:00:00+00'),
    ('d9000000-0000-4000-8000-000000000002', '2026-11', '${SALES}', '${UNIT}', '${LINE}', 'contract', 2, '${HEAD}',
     '2026-10-28 08:00:00+00');
  INSERT INTO analytics_notice (key, kind, created_at) VALUES
    ('stalled:${LOST}:primary_contact', 'prospect_stalled', '2026-11-10 06:00:00+00');
  ${directoryRows}
  ${messagingRows('prospects', 'prospect.stage_changed', 'approval.decided')}
`;
