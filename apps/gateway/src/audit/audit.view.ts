import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from './audit.repository';

export class AuditRecord {
  /** The entry's sequence number (as a string). */
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
