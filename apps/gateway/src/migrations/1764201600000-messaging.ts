import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPingReceiptTable } from '@dealgate/chassis';
import { createMessagingTables, dropMessagingTables } from '@dealgate/messaging';

export class Messaging1764201600000 implements MigrationInterface {
  name = 'Messaging1764201600000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'gateway');
    await createPingReceiptTable(runner, 'gateway');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "gateway".ping_receipt');
    await dropMessagingTables(runner, 'gateway');
  }
}
