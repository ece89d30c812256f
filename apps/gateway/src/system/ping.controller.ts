import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';

export class PingResponse {
  @ApiProperty({ format: 'uuid' })
  pingId!: string;
  @ApiProperty({ format: 'uuid', description: 'the outbox message that carries the ping' })
  messageId!: string;
}

@ApiTags('system')
@ApiBearerAuth()
@Controller('system')
export class PingController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('ping')
  @HttpCode(202)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Send a ping through every service queue (admin); each service records it once' })
  async ping(): Promise<PingResponse> {
    const pingId = randomUUID();
    const messageId = await this.dataSource.transaction((manager) =>
      emitJob(manager, JobName.SystemPing, { pingId, sentAt: new Date().toISOString() }),
    );
    return { pingId, messageId };
  }
}
