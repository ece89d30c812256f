import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from './audit.repository';

export class AuditRecord {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  at!: Date;
  event!: AuditEvent;
  @ApiProperty({ type: String, format: 'uuid' })
  actorUserId!: string | null;
  subject!: string | null;
  ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}
