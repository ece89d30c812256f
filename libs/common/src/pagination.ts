import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The largest `offset` a list takes: far past any real list, well inside what the database's OFFSET takes. */
export const MAX_PAGE_OFFSET = 1_000_000_000;

/** `?limit=&offset=` on every list endpoint; extend it with the list's own filters. */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_PAGE_OFFSET })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset = 0;
}

/** The shape of every list answer. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function toPage<T>(items: T[], total: number, query: Pick<PageQuery, 'limit' | 'offset'>): Page<T> {
  return { items, total, limit: query.limit, offset: query.offset };
}

const PAGE_CLASSES = new Map<Type<unknown>, Type<unknown>>();

/**
 * The documented class of `Page<T>` for OpenAPI (`<T>Page`: items of T, total, limit, offset), made once per item
 * class. Use it as `@ApiOkResponse({ type: PageOf(OfferView) })` on a list handler.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = PAGE_CLASSES.get(item);
  if (known) return known as Type<Page<T>>;
  class ItemPage implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match the filters in all (not only this page)' })
    total!: number;

    @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 })
    limit!: number;

    @ApiProperty({ type: 'integer', minimum: 0 })
    offset!: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
  PAGE_CLASSES.set(item, ItemPage);
  return ItemPage;
}
