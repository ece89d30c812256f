import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv } from '@dealgate/common';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

export class ContractsEnv extends ServiceEnv {
  override PORT = 3003;

  /** Hours after a task's due moment before its group lead is told. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  TASK_ESCALATION_GRACE_HOURS = 24;

  /** How often the overdue-task sweep runs. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  TASK_SWEEP_EVERY_MS = 60_000;
}
