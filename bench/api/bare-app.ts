import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { encodeCursor, toPage } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { ProspectRepository } from '../../apps/prospects/src/prospects/prospect.repository';
import { ProspectPage } from '../../apps/prospects/src/prospects/prospect.view';

const POOL = Symbol('POOL');

/**
 * The honest baseline of a list: a bare NestJS endpoint (no guard, no validation pipe, no logging, no metrics)
 * that runs the list's own repository call, hence the same SQL, through the prospects service's own pool.
 */
@Controller('bare')
class BareProspectsController {
  private readonly repository = new ProspectRepository();
  constructor(@Inject(POOL) private readonly dataSource: DataSource) {}

  @Get('prospects')
  async list(@Query('owner') owner: string, @Query('limit') limit = '50'): Promise<ProspectPage> {
    const query = { limit: Number(limit), offset: 0 };
    const principal = { userId: owner, roles: [Role.Salesperson], unitId: null };
    const { items, total, next } = await this.repository.list(this.dataSource.manager, principal, query);
    return { ...toPage(items, total, query), nextCursor: next && encodeCursor(next) };
  }
}

/** Starts the bare endpoint on a free port of 127.0.0.1, on the given (already initialised) data source. */
export async function startBareApp(dataSource: DataSource): Promise<{ app: NestExpressApplication; url: string }> {
  @Module({ controllers: [BareProspectsController], providers: [{ provide: POOL, useValue: dataSource }] })
  class BareModule {}
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
