import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from './audit.repository';

export class AuditRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  at!: Date;
  event!: AuditEvent;
  @ApiProperty({ format: 'uuid' })
  actorUserId!: string | null;
  subject!: string | null;
  ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}
