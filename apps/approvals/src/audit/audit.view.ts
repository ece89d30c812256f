import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction } from './audit.repository';

export class AuditEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  requestId!: string | null;
  action!: AuditAction;
  /** Null for the system (sweeps, voids sent by the requesting service). */
  @ApiProperty({ format: 'uuid' })
  actorId!: string | null;
  @ApiProperty({ format: 'uuid' })
  onBehalfOf!: string | null;
  stepIndex!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  at!: string;
}
