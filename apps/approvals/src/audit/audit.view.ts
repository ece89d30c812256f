import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction } from './audit.repository';

export class AuditEntry {
  /** The entry's sequence number (as a string). */
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  requestId!: string | null;
  action!: AuditAction;
  /** Null for the system (sweeps, voids sent by the requesting service). */
  @ApiProperty({ type: String, format: 'uuid' })
  actorId!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  onBehalfOf!: string | null;
  stepIndex!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
}
