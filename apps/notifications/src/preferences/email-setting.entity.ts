import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DigestMode } from '@dealgate/domain';

/**
 * One row of `email_setting`: a person's digest mode, and when their last digest was bundled (written by
 * MailRepository.bundle). Why decorators: see inbox/notification.entity.ts.
 */
@Entity({ name: 'email_setting' })
export class EmailSettingEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'digest', type: 'text' })
  digest!: DigestMode;

  @Column({ name: 'last_digest_at', type: 'timestamptz', nullable: true })
  lastDigestAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
