import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Sweep } from '@dealgate/messaging';
import { IdempotencyStore } from './idempotency.store';

/** Drops idempotency keys past their 24 h window, hourly. */
@Injectable()
export class IdempotencyPurgeSweep implements Sweep {
  readonly name = 'idempotency-purge';
  readonly everyMs = 3_600_000;
  private readonly store: IdempotencyStore;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.store = new IdempotencyStore(dataSource);
  }

  async run(): Promise<void> {
    await this.store.purge();
  }
}
