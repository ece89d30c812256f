import { MigrationInterface, QueryRunner } from 'typeorm';
import { createDirectoryTables } from '@dealgate/chassis';

export class Directory1764201700000 implements MigrationInterface {
  name = 'Directory1764201700000';

  async up(runner: QueryRunner): Promise<void> {
    await createDirectoryTables(runner, 'contracts');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "contracts".directory_unit, "contracts".directory_user');
  }
}
