import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

/** How far a service's outbox relay is behind: unsent rows and the age of the oldest one. */
export class OutboxStatus {
  @ApiProperty({ type: 'integer', description: 'Outbox rows committed but not yet published to their queues' })
  unsent!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: nothing waits' })
  oldestUnsentAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds since the oldest unsent row was written' })
  oldestAgeSeconds!: number | null;
}

export async function readOutboxStatus(dataSource: DataSource): Promise<OutboxStatus> {
  const [row] = await dataSource.query<{ unsent: number; oldest: Date | null; age: string | null }[]>(
    `SELECT count(*)::int AS unsent, min(created_at) AS oldest, extract(epoch FROM now() - min(created_at)) AS age
       FROM outbox WHERE sent_at IS NULL`,
  );
  return {
    unsent: row.unsent,
    oldestUnsentAt: row.oldest ? new Date(row.oldest).toISOString() : null,
    oldestAgeSeconds: row.age === null ? null : Math.max(0, Math.round(Number(row.age))),
  };
}
