import { MigrationInterface, QueryRunner } from 'typeorm';

// The task templates as libs/domain defined them when this migration shipped, written out so the seed stays what it
// was (the migration is frozen; tools/migrations). Key order is kept: the JSON sent is the same text.
const DEFAULT_TASK_TEMPLATES = [
  { key: 'draft_contract', title: 'Draft contract', group: 'legal', dependsOn: [], dueDays: 3, required: true },
  {
    key: 'credit_check',
    title: 'Counterparty credit check',
    group: 'accounting',
    dependsOn: [],
    dueDays: 2,
    required: true,
  },
  {
    key: 'review_terms',
    title: 'Review terms',
    group: 'legal',
    dependsOn: ['draft_contract', 'credit_check'],
    dueDays: 2,
    required: true,
  },
  {
    key: 'billing_setup',
    title: 'Billing set-up',
    group: 'accounting',
    dependsOn: ['credit_check'],
    dueDays: 3,
    required: true,
  },
  {
    key: 'payment_schedule',
    title: 'Payment schedule',
    group: 'accounting',
    dependsOn: ['billing_setup', 'review_terms'],
    dueDays: 2,
    required: true,
  },
  {
    key: 'legal_sign_off',
    title: 'Final legal sign-off',
    group: 'legal',
    dependsOn: ['review_terms', 'payment_schedule'],
    dueDays: 1,
    required: true,
  },
];

export class Contracts1764300000000 implements MigrationInterface {
  name = 'Contracts1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // The whole template set is one versioned document: an admin edits it as a graph, never task by task.
    await runner.query(`
      CREATE TABLE "contracts".task_template_set (
        id smallint PRIMARY KEY CHECK (id = 1),
        templates jsonb NOT NULL,
        version integer NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`INSERT INTO "contracts".task_template_set (id, templates, version) VALUES (1, $1, 1)`, [
      JSON.stringify(DEFAULT_TASK_TEMPLATES),
    ]);
    // offer_id is unique: a redelivered offer.defended (new message id) still opens one case.
    await runner.query(`
      CREATE TABLE "contracts".contract_case (
        id uuid PRIMARY KEY,
        offer_id uuid NOT NULL UNIQUE,
        prospect_id uuid NOT NULL,
        defence_id uuid NOT NULL,
        salesperson_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        product_line_id uuid NOT NULL,
        company_name text,
        baseline jsonb NOT NULL,
        terms jsonb NOT NULL,
        terms_revision integer NOT NULL DEFAULT 1,
        terms_edited_by uuid,
        terms_edited_at timestamptz,
        defended_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        signed_at timestamptz,
        signed_on date,
        signed_by uuid,
        signatories jsonb,
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query(`CREATE INDEX contract_case_unit_idx ON "contracts".contract_case (unit_id)`);
    await runner.query(`CREATE INDEX contract_case_salesperson_idx ON "contracts".contract_case (salesperson_id)`);
    await runner.query(`
      CREATE TABLE "contracts".deviation_approval (
        request_id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "contracts".contract_case (id),
        terms_revision integer NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'voided')),
        deviations jsonb NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        comment text
      )`);
    // At most one pending request per case: a new one is only asked after the old one is voided or decided.
    await runner.query(
      `CREATE UNIQUE INDEX deviation_approval_pending_idx ON "contracts".deviation_approval (case_id) WHERE status = 'pending'`,
    );
    await runner.query(
      `CREATE INDEX deviation_approval_case_idx ON "contracts".deviation_approval (case_id, requested_at DESC)`,
    );
    await runner.query(`
      CREATE TABLE "contracts".contract_task (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "contracts".contract_case (id),
        key text NOT NULL,
        title text NOT NULL,
        group_name text NOT NULL,
        depends_on text[] NOT NULL DEFAULT '{}',
        due_days integer NOT NULL,
        required boolean NOT NULL,
        position integer NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'claimed', 'done')),
        assignee_id uuid,
        available_since timestamptz,
        due_at timestamptz,
        done_at timestamptz,
        created_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (case_id, key)
      )`);
    await runner.query(`CREATE INDEX contract_task_queue_idx ON "contracts".contract_task (group_name, status)`);
    await runner.query(
      `CREATE INDEX contract_task_assignee_idx ON "contracts".contract_task (assignee_id) WHERE assignee_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX contract_task_due_idx ON "contracts".contract_task (due_at) WHERE status <> 'done'`,
    );
    await runner.query(`
      CREATE TABLE "contracts".task_event (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES "contracts".contract_task (id),
        kind text NOT NULL,
        actor_id uuid,
        assignee_id uuid,
        reason text,
        at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX task_event_task_idx ON "contracts".task_event (task_id, id)`);
    await runner.query(`
      CREATE TABLE "contracts".task_comment (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES "contracts".contract_task (id),
        author_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX task_comment_task_idx ON "contracts".task_comment (task_id, created_at)`);
    await runner.query(`
      CREATE TABLE "contracts".task_document (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES "contracts".contract_task (id),
        title text NOT NULL,
        url text NOT NULL,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX task_document_task_idx ON "contracts".task_document (task_id, added_at)`);
    // One row per task and overdue level, written with the task.overdue outbox row: exactly one notice each.
    await runner.query(`
      CREATE TABLE "contracts".overdue_notice (
        key text PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES "contracts".contract_task (id),
        level text NOT NULL,
        sent_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DROP TABLE "contracts".overdue_notice, "contracts".task_document, "contracts".task_comment, "contracts".task_event,
        "contracts".contract_task, "contracts".deviation_approval, "contracts".contract_case, "contracts".task_template_set`,
    );
  }
}
