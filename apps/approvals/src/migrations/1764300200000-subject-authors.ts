import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"approvals"';

/** The subject's authors besides the requester: parties who may not decide the request either. Frozen too. */
export class SubjectAuthors1764300200000 implements MigrationInterface {
  name = 'SubjectAuthors1764300200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.approval_request ADD COLUMN author_ids uuid[] NOT NULL DEFAULT '{}'`);
    await runner.query(frozenRequestFunction(['author_ids']));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(frozenRequestFunction([]));
    await runner.query(`ALTER TABLE ${S}.approval_request DROP COLUMN author_ids`);
  }
}

const FROZEN = ['id', 'subject_kind', 'subject_id', 'subject_version', 'requester_id', 'unit_id', 'amount'];
const FROZEN_TOO = ['discount_percent', 'snapshot', 'policy_version', 'step_count', 'requested_at', 'opened_at'];

function frozenRequestFunction(extra: readonly string[]): string {
  const columns = [...FROZEN, ...extra, ...FROZEN_TOO];
  const row = (alias: string) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;
  return `
    CREATE OR REPLACE FUNCTION ${S}.approval_request_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'approval requests are never deleted';
      END IF;
      IF ${row('OLD')} IS DISTINCT FROM ${row('NEW')} THEN
        RAISE EXCEPTION 'the snapshot and facts of an approval request are frozen';
      END IF;
      RETURN NEW;
    END $$`;
}
