import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"approvals"';

// The default chains as libs/domain defined them when this migration shipped, written out so the seed stays what it
// was (the migration is frozen; tools/migrations). Steps keep their key order: the JSON sent is the same text.
const OWNER = { kind: 'role', role: 'owner', unitScoped: false };
const UNIT_HEAD_OR_OWNER = { kind: 'unit_head', fallback: OWNER };
const DEFAULT_POLICIES = [
  {
    subjectKind: 'target_sample',
    steps: [{ approver: OWNER, dueAfterMinutes: 2880, escalationGraceMinutes: 1440, escalateTo: null }],
  },
  {
    subjectKind: 'offer',
    steps: [
      { approver: UNIT_HEAD_OR_OWNER, dueAfterMinutes: 1440, escalationGraceMinutes: 1440, escalateTo: OWNER },
      {
        approver: OWNER,
        condition: { amountAbove: 1000000, discountPercentAbove: 15 },
        dueAfterMinutes: 1440,
        escalationGraceMinutes: 1440,
        escalateTo: null,
      },
    ],
  },
  {
    subjectKind: 'contract_deviation',
    steps: [{ approver: UNIT_HEAD_OR_OWNER, dueAfterMinutes: 1440, escalationGraceMinutes: 1440, escalateTo: OWNER }],
  },
];

export class Approvals1764300000000 implements MigrationInterface {
  name = 'Approvals1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${S}.approval_policy (
        subject_kind text PRIMARY KEY,
        steps jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    // Seeded with the defaults of the day; from here on the admin edits them through the API.
    for (const policy of DEFAULT_POLICIES) {
      await runner.query(`INSERT INTO ${S}.approval_policy (subject_kind, steps) VALUES ($1, $2)`, [
        policy.subjectKind,
        JSON.stringify(policy.steps),
      ]);
    }
    await runner.query(`
      CREATE TABLE ${S}.approval_request (
        id uuid PRIMARY KEY,
        subject_kind text NOT NULL,
        subject_id uuid NOT NULL,
        subject_version integer NOT NULL,
        requester_id uuid NOT NULL,
        unit_id uuid,
        amount numeric,
        discount_percent numeric,
        snapshot jsonb NOT NULL,
        policy_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'recalled', 'voided')),
        step_count integer NOT NULL CHECK (step_count >= 1),
        current_step_index integer NOT NULL DEFAULT 0,
        current_step_activated_at timestamptz NOT NULL,
        requested_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_by uuid,
        close_comment text,
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query(`CREATE INDEX approval_request_subject_idx ON ${S}.approval_request (subject_id, opened_at)`);
    await runner.query(`CREATE INDEX approval_request_requester_idx ON ${S}.approval_request (requester_id)`);
    await runner.query(`CREATE INDEX approval_request_status_idx ON ${S}.approval_request (status, subject_kind)`);
    // One row per step of the frozen chain; approver columns: a user id, or a role (with an optional unit).
    await runner.query(`
      CREATE TABLE ${S}.approval_step (
        request_id uuid NOT NULL REFERENCES ${S}.approval_request (id),
        step_index integer NOT NULL,
        policy_step_index integer NOT NULL,
        approver_user_id uuid,
        approver_role text,
        approver_unit_id uuid,
        escalate_user_id uuid,
        escalate_role text,
        escalate_unit_id uuid,
        due_after_minutes integer NOT NULL,
        escalation_grace_minutes integer NOT NULL,
        status text NOT NULL CHECK (status IN ('waiting', 'pending', 'approved', 'rejected', 'cancelled')),
        activated_at timestamptz,
        due_at timestamptz,
        escalation_at timestamptz,
        decided_by uuid,
        on_behalf_of uuid,
        decided_at timestamptz,
        comment text,
        PRIMARY KEY (request_id, step_index),
        CHECK ((approver_user_id IS NULL) <> (approver_role IS NULL))
      )`);
    await runner.query(
      `CREATE INDEX approval_step_pending_idx ON ${S}.approval_step (due_at) WHERE status = 'pending'`,
    );
    // A void that overtook its request (jobs are not ordered): the request is closed as soon as it arrives.
    await runner.query(`
      CREATE TABLE ${S}.approval_void_notice (
        request_id uuid PRIMARY KEY,
        reason text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${S}.approval_delegation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        approver_id uuid NOT NULL,
        approver_roles text[] NOT NULL,
        approver_unit_id uuid,
        delegate_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CHECK (ends_at > starts_at),
        CHECK (approver_id <> delegate_id)
      )`);
    await runner.query(
      `CREATE INDEX approval_delegation_delegate_idx ON ${S}.approval_delegation (delegate_id, ends_at)`,
    );
    await runner.query(
      `CREATE INDEX approval_delegation_approver_idx ON ${S}.approval_delegation (approver_id, ends_at)`,
    );
    // The idempotency key of each SLA level: inserted in the same transaction as the emitted job.
    await runner.query(`
      CREATE TABLE ${S}.approval_sla_event (
        key text PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES ${S}.approval_request (id),
        step_index integer NOT NULL,
        level text NOT NULL CHECK (level IN ('reminder', 'escalation')),
        due_at timestamptz NOT NULL,
        emitted_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${S}.approval_audit (
        id bigserial PRIMARY KEY,
        request_id uuid,
        subject_id uuid,
        action text NOT NULL,
        actor_id uuid,
        on_behalf_of uuid,
        step_index integer,
        detail jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX approval_audit_request_idx ON ${S}.approval_audit (request_id, id)`);
    await runner.query(`CREATE INDEX approval_audit_subject_idx ON ${S}.approval_audit (subject_id, id)`);
    // Append-only: the audit trail is evidence, so even the service's own code cannot rewrite it.
    await runner.query(`
      CREATE FUNCTION ${S}.approval_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'approval_audit is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER approval_audit_append_only BEFORE UPDATE OR DELETE ON ${S}.approval_audit
      FOR EACH ROW EXECUTE FUNCTION ${S}.approval_audit_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${S}.approval_audit, ${S}.approval_sla_event, ${S}.approval_delegation,
      ${S}.approval_void_notice, ${S}.approval_step, ${S}.approval_request, ${S}.approval_policy`);
    await runner.query(`DROP FUNCTION ${S}.approval_audit_append_only()`);
  }
}
