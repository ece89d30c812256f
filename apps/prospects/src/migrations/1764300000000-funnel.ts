import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

// The seed rows as libs/domain defined them when this migration shipped, written out so they stay what they were (the
// migration is frozen; tools/migrations). stageLimitDays keeps its key order: the JSON sent is the same text.
const PRODUCT_LINE_PRESETS = [
  {
    code: 'software',
    name: 'Software',
    cycleDays: { min: 120, max: 150 },
    stageLimitDays: {
      sampling: 14,
      primary_contact: 21,
      needs_identification: 21,
      offer_formation: 14,
      offer_defence: 30,
      contract: 30,
    },
  },
  {
    code: 'industrial_equipment',
    name: 'Industrial equipment',
    cycleDays: { min: 540, max: 730 },
    stageLimitDays: {
      sampling: 30,
      primary_contact: 60,
      needs_identification: 90,
      offer_formation: 90,
      offer_defence: 180,
      contract: 180,
    },
  },
  {
    code: 'professional_services',
    name: 'Professional services',
    cycleDays: { min: 60, max: 120 },
    stageLimitDays: {
      sampling: 7,
      primary_contact: 14,
      needs_identification: 14,
      offer_formation: 14,
      offer_defence: 21,
      contract: 21,
    },
  },
  {
    code: 'supplies',
    name: 'Supplies and consumables',
    cycleDays: { min: 30, max: 60 },
    stageLimitDays: {
      sampling: 5,
      primary_contact: 10,
      needs_identification: 7,
      offer_formation: 5,
      offer_defence: 10,
      contract: 10,
    },
  },
];
// In list order: the index is the position.
const DEFAULT_LOST_REASONS = [
  { code: 'no_budget', label: 'No budget', noteRequired: false },
  { code: 'chose_competitor', label: 'Chose a competitor', noteRequired: false },
  { code: 'no_decision_maker', label: 'No decision-maker reached', noteRequired: false },
  { code: 'not_a_fit', label: 'Not a fit for our product', noteRequired: false },
  { code: 'no_response', label: 'No response', noteRequired: false },
  { code: 'offer_rejected', label: 'Offer rejected at its defence', noteRequired: false },
  { code: 'other', label: 'Other', noteRequired: true },
];

/**
 * The funnel's tables. Money is in minor units (cents); every mutable aggregate carries a `version` for optimistic
 * concurrency. The stage-transition log is append-only (a trigger refuses UPDATE and DELETE).
 */
export class Funnel1764300000000 implements MigrationInterface {
  name = 'Funnel1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${S}.product_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text UNIQUE,
        name text NOT NULL,
        cycle_min_days integer NOT NULL,
        cycle_max_days integer NOT NULL,
        stage_limit_days jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX product_line_name_uq ON ${S}.product_line (lower(name))`);
    for (const line of PRODUCT_LINE_PRESETS) {
      await runner.query(
        `INSERT INTO ${S}.product_line (code, name, cycle_min_days, cycle_max_days, stage_limit_days) VALUES ($1, $2, $3, $4, $5)`,
        [line.code, line.name, line.cycleDays.min, line.cycleDays.max, JSON.stringify(line.stageLimitDays)],
      );
    }

    await runner.query(`
      CREATE TABLE ${S}.lost_reason (
        code text PRIMARY KEY,
        label text NOT NULL,
        note_required boolean NOT NULL,
        active boolean NOT NULL DEFAULT true,
        position integer NOT NULL
      )`);
    for (const [position, reason] of DEFAULT_LOST_REASONS.entries()) {
      await runner.query(
        `INSERT INTO ${S}.lost_reason (code, label, note_required, position) VALUES ($1, $2, $3, $4)`,
        [reason.code, reason.label, reason.noteRequired, position],
      );
    }

    await runner.query(`
      CREATE TABLE ${S}.target_sample (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_line_id uuid NOT NULL REFERENCES ${S}.product_line (id),
        unit_id uuid NOT NULL,
        author_id uuid NOT NULL,
        title text NOT NULL,
        rationale text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'pending_approval', 'approved')),
        approval_request_id uuid UNIQUE,
        decision_comment text,
        decided_by uuid,
        submitted_at timestamptz,
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX target_sample_unit_idx ON ${S}.target_sample (unit_id, status)`);

    await runner.query(`
      CREATE TABLE ${S}.sample_company (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sample_id uuid NOT NULL REFERENCES ${S}.target_sample (id) ON DELETE CASCADE,
        name text NOT NULL,
        tax_id text,
        website text,
        name_key text,
        tax_key text,
        domain_key text,
        prospect_id uuid,
        skipped_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX sample_company_sample_idx ON ${S}.sample_company (sample_id)`);

    await runner.query(`
      CREATE TABLE ${S}.prospect (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sample_id uuid NOT NULL REFERENCES ${S}.target_sample (id),
        product_line_id uuid NOT NULL REFERENCES ${S}.product_line (id),
        unit_id uuid NOT NULL,
        owner_id uuid,
        company_name text NOT NULL,
        tax_id text,
        website text,
        name_key text,
        tax_key text,
        domain_key text,
        stage text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'won', 'lost')),
        approved_offer_id uuid,
        lost_reason_code text,
        lost_reason_note text,
        stage_entered_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A company enters the funnel once: the keys duplicates are detected on are unique among prospects.
    await runner.query(`CREATE UNIQUE INDEX prospect_tax_key_uq ON ${S}.prospect (tax_key) WHERE tax_key IS NOT NULL`);
    await runner.query(
      `CREATE UNIQUE INDEX prospect_domain_key_uq ON ${S}.prospect (domain_key) WHERE domain_key IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX prospect_name_key_uq ON ${S}.prospect (name_key) WHERE name_key IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX prospect_unit_idx ON ${S}.prospect (unit_id, stage, status)`);
    await runner.query(`CREATE INDEX prospect_owner_idx ON ${S}.prospect (owner_id, stage, status)`);
    await runner.query(`CREATE INDEX prospect_product_line_idx ON ${S}.prospect (product_line_id, stage)`);

    /*
     * stage_transition: one append-only row per move of a prospect (stage or status). The source of plan vs fact,
     * conversion and time-in-stage analytics.
     *   id               bigserial, insertion order
     *   prospect_id      the prospect that moved
     *   event_kind       what moved it (FunnelEventKind: sample_approved, meeting_scheduled, brief_completed,
     *                    offer_approved, offer_revised, defence_recorded, contract_signed, lost, reopened)
     *   from_stage       stage before the move; to_stage the stage after it (equal for lost/reopened/won)
     *   from_status      status before (active|won|lost); to_status after it
     *   at               when the move happened (service clock)
     *   actor_id         the user who caused it; for a decision from approvals the approver; null for the system
     *   evidence_kind    the result that finished the stage (sample|meeting|brief|offer|defence|contract), or null
     *   evidence_id      id of that result (sample, meeting, brief, offer, defence id; the contract case id)
     *   lost_reason_code / lost_reason_note   set when to_status = lost
     *   product_line_id, unit_id, owner_id    the prospect's at the time of the move (owner = assigned salesperson)
     */
    await runner.query(`
      CREATE TABLE ${S}.stage_transition (
        id bigserial PRIMARY KEY,
        prospect_id uuid NOT NULL REFERENCES ${S}.prospect (id),
        event_kind text NOT NULL,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        evidence_kind text,
        evidence_id uuid,
        lost_reason_code text,
        lost_reason_note text,
        product_line_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        owner_id uuid
      )`);
    await runner.query(`CREATE INDEX stage_transition_to_stage_at_idx ON ${S}.stage_transition (to_stage, at)`);
    await runner.query(`CREATE INDEX stage_transition_owner_at_idx ON ${S}.stage_transition (owner_id, at)`);
    await runner.query(`CREATE INDEX stage_transition_unit_at_idx ON ${S}.stage_transition (unit_id, at)`);
    await runner.query(
      `CREATE INDEX stage_transition_product_line_at_idx ON ${S}.stage_transition (product_line_id, at)`,
    );
    await runner.query(`CREATE INDEX stage_transition_prospect_at_idx ON ${S}.stage_transition (prospect_id, at)`);
    await runner.query(`
      CREATE FUNCTION ${S}.stage_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stage_transition is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER stage_transition_append_only BEFORE UPDATE OR DELETE ON ${S}.stage_transition
      FOR EACH ROW EXECUTE FUNCTION ${S}.stage_transition_append_only()`);

    await runner.query(`
      CREATE TABLE ${S}.contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL REFERENCES ${S}.prospect (id),
        name text NOT NULL,
        position text,
        is_decision_maker boolean NOT NULL,
        decision_reason text,
        email text,
        phone text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX contact_prospect_idx ON ${S}.contact (prospect_id)`);

    await runner.query(`
      CREATE TABLE ${S}.contact_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL REFERENCES ${S}.prospect (id),
        contact_id uuid REFERENCES ${S}.contact (id),
        channel text NOT NULL,
        outcome text NOT NULL,
        note text,
        at timestamptz NOT NULL,
        actor_id uuid NOT NULL,
        stage text NOT NULL,
        owner_id uuid
      )`);
    await runner.query(`CREATE INDEX contact_attempt_prospect_idx ON ${S}.contact_attempt (prospect_id, at)`);
    await runner.query(`CREATE INDEX contact_attempt_actor_idx ON ${S}.contact_attempt (actor_id, at)`);

    await runner.query(`
      CREATE TABLE ${S}.meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL REFERENCES ${S}.prospect (id),
        contact_id uuid NOT NULL REFERENCES ${S}.contact (id),
        scheduled_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
        held_at timestamptz,
        agenda text,
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX meeting_prospect_idx ON ${S}.meeting (prospect_id, scheduled_at)`);
    await runner.query(`
      CREATE TABLE ${S}.meeting_history (
        id bigserial PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES ${S}.meeting (id),
        action text NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid NOT NULL,
        previous_scheduled_at timestamptz,
        scheduled_at timestamptz,
        note text
      )`);
    await runner.query(`CREATE INDEX meeting_history_meeting_idx ON ${S}.meeting_history (meeting_id, id)`);

    await runner.query(`
      CREATE TABLE ${S}.brief (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL UNIQUE REFERENCES ${S}.prospect (id),
        meeting_id uuid REFERENCES ${S}.meeting (id),
        sections jsonb NOT NULL,
        needs jsonb NOT NULL,
        completed_at timestamptz,
        author_id uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE ${S}.offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL REFERENCES ${S}.prospect (id),
        number integer NOT NULL,
        previous_offer_id uuid REFERENCES ${S}.offer (id),
        status text NOT NULL,
        author_id uuid NOT NULL,
        items jsonb NOT NULL,
        payment_days integer NOT NULL,
        delivery_text text,
        delivery_days integer,
        discount_percent numeric(5, 2) NOT NULL,
        valid_until date NOT NULL,
        clauses jsonb NOT NULL,
        total_minor bigint NOT NULL,
        currency text NOT NULL,
        approval_request_id uuid UNIQUE,
        submitted_at timestamptz,
        decided_by uuid,
        decided_at timestamptz,
        decision_comment text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (prospect_id, number)
      )`);
    // At most one offer in the works per prospect (see OPEN_OFFER_STATUSES).
    await runner.query(
      `CREATE UNIQUE INDEX offer_one_open_uq ON ${S}.offer (prospect_id) WHERE status IN ('draft', 'pending_approval', 'approved', 'rejected')`,
    );
    await runner.query(`CREATE INDEX offer_status_idx ON ${S}.offer (status, updated_at)`);

    await runner.query(`
      CREATE TABLE ${S}.defence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prospect_id uuid NOT NULL REFERENCES ${S}.prospect (id),
        offer_id uuid NOT NULL REFERENCES ${S}.offer (id),
        held_at timestamptz NOT NULL,
        channel text NOT NULL,
        attendees jsonb NOT NULL,
        outcome text NOT NULL,
        note text,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX defence_prospect_idx ON ${S}.defence (prospect_id, held_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'defence',
      'offer',
      'brief',
      'meeting_history',
      'meeting',
      'contact_attempt',
      'contact',
      'stage_transition',
      'prospect',
      'sample_company',
      'target_sample',
      'lost_reason',
      'product_line',
    ]) {
      await runner.query(`DROP TABLE ${S}.${table}`);
    }
    await runner.query(`DROP FUNCTION ${S}.stage_transition_append_only()`);
  }
}
