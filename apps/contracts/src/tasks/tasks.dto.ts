import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, IsUrl, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@dealgate/common';
import { TaskGroup, TaskStatus } from '@dealgate/domain';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class TaskListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TaskStatus })
  @IsOptional()
  @IsIn(Object.values(TaskStatus))
  status?: TaskStatus;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ description: 'only tasks past their due moment' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'only tasks not done and due by this moment (the console sends the end of the local day)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBy?: string;

  @ApiPropertyOptional({ description: 'only tasks not done whose group lead was told (escalated)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;
}

export class QueueQuery extends TaskListQuery {
  @ApiProperty({ enum: TaskGroup })
  @IsIn(Object.values(TaskGroup))
  group!: TaskGroup;

  @ApiPropertyOptional({ description: 'only tasks nobody has claimed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unassigned?: boolean;
}

export class ReturnTaskDto {
  @ApiProperty({ description: 'why the task goes back to the queue' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ description: 'what was done, kept with the task (its detail and history show it)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  result?: string;
}

export class ReassignTaskDto {
  @IsUUID()
  assigneeId!: string;
}

export class CommentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;
}

export class DocumentLinkDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'https://dms.example.com/contracts/123' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url!: string;
}
