import { ApiProperty } from '@nestjs/swagger';
import { ServiceName } from '@dealgate/messages';
import { OutboxStatus } from '@dealgate/messaging';

const UP_DOWN = ['up', 'down'];

/** One check of a service's /health: `database` or `queue`. */
export class HealthComponent {
  name!: string;
  @ApiProperty({ enum: UP_DOWN })
  status!: 'up' | 'down';
}

export class ServiceStatus {
  @ApiProperty({ enum: ServiceName })
  service!: ServiceName;
  @ApiProperty({ enum: UP_DOWN, description: 'down: /health did not answer 200 (or not at all)' })
  status!: 'up' | 'down';
  @ApiProperty({ type: [HealthComponent] })
  components!: HealthComponent[];
  @ApiProperty({ type: OutboxStatus, nullable: true, description: 'null: the service did not answer' })
  outbox!: OutboxStatus | null;
}

/** A service's queue as BullMQ counts it; null counts: the queue store did not answer. */
export class QueueStatus {
  name!: string;
  @ApiProperty({ enum: ServiceName, description: 'the service that consumes it' })
  service!: ServiceName;
  waiting!: number | null;
  active!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'includes the next run of each of its sweeps' })
  delayed!: number | null;
  failed!: number | null;
  error!: string | null;
}

export class BuildInfo {
  /** The version in package.json. */
  version!: string;
  @ApiProperty({ type: String, nullable: true, description: 'BUILD_ID of the gateway (e.g. the commit); null: unset' })
  build!: string | null;
  /** The Node.js version the gateway runs on. */
  node!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  startedAt!: string;
}

export class SystemStatus {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'degraded: a service is down or a queue did not answer' })
  status!: 'ok' | 'degraded';
  @ApiProperty({ type: String, format: 'date-time' })
  checkedAt!: string;
  @ApiProperty({ type: [ServiceStatus] })
  services!: ServiceStatus[];
  @ApiProperty({ type: [QueueStatus] })
  queues!: QueueStatus[];
  @ApiProperty({ type: BuildInfo })
  build!: BuildInfo;
}
