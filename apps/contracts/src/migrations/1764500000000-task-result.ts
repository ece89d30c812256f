import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the assignee reported when completing a task (`POST /api/tasks/:id/complete` `{ result }`). */
export class TaskResult1764500000000 implements MigrationInterface {
  name = 'TaskResult1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "contracts".contract_task ADD COLUMN result text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "contracts".contract_task DROP COLUMN result');
  }
}
