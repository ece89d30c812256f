import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BriefNeed, BriefSection } from '@dealgate/domain';

/** One row of `brief`; only BriefRepository sees it. */
@Entity({ name: 'brief' })
export class BriefEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ name: 'sections', type: 'jsonb' })
  sections!: Partial<Record<BriefSection, string | null>>;

  @Column({ name: 'needs', type: 'jsonb' })
  needs!: BriefNeed[];

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
