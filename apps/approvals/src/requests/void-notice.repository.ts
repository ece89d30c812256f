import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalVoidNoticeEntity } from './void-notice.entity';

/** Voids that arrived before their request (jobs are not ordered across retries). */
@Injectable()
export class VoidNoticeRepository {
  async remember(manager: EntityManager, requestId: string, reason: string, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalVoidNoticeEntity)
      .values({ requestId, reason, receivedAt: at })
      .orIgnore()
      .execute();
  }

  async find(manager: EntityManager, requestId: string): Promise<{ reason: string } | null> {
    const notice = await manager.findOneBy(ApprovalVoidNoticeEntity, { requestId });
    return notice === null ? null : { reason: notice.reason };
  }
}
