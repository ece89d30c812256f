import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

/**
 * The contracts service's reports of when the work signing waits for is due (`contract.tasks_due`), kept whole: the
 * forecast as of a time reads each prospect's report with the highest sequence received before it, and a late
 * older report (a lower sequence) is stored without displacing a newer one. A redelivery adds nothing (the key).
 */
export class ContractTasksDue1765700000000 implements MigrationInterface {
  name = 'ContractTasksDue1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE ${S}.contract_tasks_due (
        prospect_id uuid NOT NULL,
        sequence bigint NOT NULL,
        case_id uuid NOT NULL,
        due_at timestamptz,
        open_tasks integer NOT NULL CHECK (open_tasks >= 0),
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (prospect_id, sequence)
      )`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${S}.contract_tasks_due`);
  }
}
