import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order of `contract.tasks_due` reports: each report draws the next value while it holds its case's lock, so a
 * case's reports rise in the order their transactions commit, and a consumer keeps the highest.
 */
export class TasksDueSequence1765700000000 implements MigrationInterface {
  name = 'TasksDueSequence1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SEQUENCE "contracts".contract_tasks_due_seq');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SEQUENCE "contracts".contract_tasks_due_seq');
  }
}
