import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"notifications"';

/**
 * The event's facts beside the English text, so the console can word an item in the reader's language. Items
 * from before keep `{}` and are shown with their stored text.
 */
export class NotificationData1764900000000 implements MigrationInterface {
  name = 'NotificationData1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.notification ADD COLUMN data jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.notification DROP COLUMN data`);
  }
}
