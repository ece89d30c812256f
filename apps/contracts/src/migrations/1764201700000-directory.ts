import { MigrationInterface, QueryRunner } from 'typeorm';

// The SQL as this migration shipped, written out so it stays as it ran: it used to call createDirectoryTables
// (libs/chassis), whose later edits would have changed a fresh database and not the ones already migrated. Frozen: a
// change is a new migration (tools/migrations).

// A service's own copy of the user directory, fed by user.upserted / unit.upserted from identity; contact details stay
// sealed at rest.
const CREATE_DIRECTORY_USER = `
    CREATE TABLE "contracts".directory_user (
      user_id uuid PRIMARY KEY,
      roles text[] NOT NULL,
      unit_id uuid,
      groups text[] NOT NULL DEFAULT '{}',
      lead_of text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL,
      sealed_contact text NOT NULL,
      changed_at timestamptz NOT NULL
    )`;
const CREATE_DIRECTORY_USER_UNIT_INDEX = `CREATE INDEX directory_user_unit_idx ON "contracts".directory_user (unit_id)`;
const CREATE_DIRECTORY_UNIT = `
    CREATE TABLE "contracts".directory_unit (
      unit_id uuid PRIMARY KEY,
      name text NOT NULL,
      head_user_id uuid,
      active boolean NOT NULL DEFAULT true,
      changed_at timestamptz NOT NULL
    )`;

export class Directory1764201700000 implements MigrationInterface {
  name = 'Directory1764201700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(CREATE_DIRECTORY_USER);
    await runner.query(CREATE_DIRECTORY_USER_UNIT_INDEX);
    await runner.query(CREATE_DIRECTORY_UNIT);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "contracts".directory_unit, "contracts".directory_user');
  }
}
