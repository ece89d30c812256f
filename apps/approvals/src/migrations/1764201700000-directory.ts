import { MigrationInterface, QueryRunner } from 'typeorm';
import { createDirectoryTables } from '@dealgate/chassis';

export class Directory1764201700000 implements MigrationInterface {
  name = 'Directory1764201700000';

  async up(runner: QueryRunner): Promise<void> {
    await createDirectoryTables(runner, 'approvals');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "approvals".directory_unit, "approvals".directory_user');
  }
}
