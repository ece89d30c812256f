import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@dealgate/common';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread items' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** Inbox ids are decimal strings (bigint): they double as SSE event ids. */
export class NotificationIdParam {
  @ApiProperty({ example: '42' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'id must be a notification id (a positive integer)' })
  id!: string;
}

/** What a notification is about, e.g. `{ kind: 'offer', id }`. */
export class NotificationSubjectView {
  kind!: string;
  id!: string;
}

export class NotificationView {
  @ApiProperty({ example: '42' })
  id!: string;
  @ApiProperty()
  eventType!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  body!: string;
  @ApiProperty({ description: 'Path of the item in the console' })
  linkPath!: string;
  @ApiProperty({ description: 'Absolute link (PUBLIC_URL + linkPath)' })
  url!: string;
  subject!: NotificationSubjectView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The event's facts by event type (ids, stage keys, numbers, ISO dates; the webhook's `data`), so a client can " +
      'word the item in its own language; `{}` on items stored before it was kept.',
    example: {
      prospectId: '0b6a3f4e-2d7c-4c11-9a51-3f0e8c2b7d90',
      fromStage: 'first_contact',
      toStage: 'meeting',
      status: 'active',
    },
  })
  data!: Record<string, unknown>;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String })
  readAt!: string | null;
}

export class UnreadCountView {
  @ApiProperty()
  unread!: number;
}

export class ReadAllView {
  @ApiProperty({ description: 'How many items were unread and are now read' })
  marked!: number;
}
