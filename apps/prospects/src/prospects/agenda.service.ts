import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FunnelErrorCode, Role, funnelError, stageTime } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { AgendaDto, AgendaProspectDto, AgendaQuery } from './agenda.dto';
import { AgendaRepository, StalledRow } from './agenda.repository';

const HOUR_MS = 60 * 60 * 1000;
// A day in any time zone, daylight-saving changes included, fits in 48 hours.
const MAX_RANGE_MS = 48 * HOUR_MS;

/** The caller's home page: today's meetings, what stalls, what waits; for a sales head also their unit. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agenda: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  async forCaller(user: Principal, query: AgendaQuery): Promise<AgendaDto> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const { from, to } = dayRange(query, now);
    const unitId = user.roles.includes(Role.SalesHead) ? user.unitId : null;
    const [meetings, stalled, offers, unitStalled, unassigned] = await Promise.all([
      this.agenda.meetings(manager, user.userId, from, to),
      this.agenda.stalled(manager, { ownerId: user.userId }, now),
      this.agenda.waitingOffers(manager, user.userId),
      unitId ? this.agenda.stalled(manager, { unitId }, now) : Promise.resolve([]),
      unitId ? this.agenda.unassigned(manager, unitId) : Promise.resolve(0),
    ]);
    const toProspect = (row: StalledRow): AgendaProspectDto => ({
      id: row.id,
      companyName: row.companyName,
      stage: row.stage,
      ownerId: row.ownerId,
      productLineId: row.productLineId,
      daysInStage: stageTime(new Date(row.stageEnteredAt), row.stageLimitDays, now).daysInStage,
      stageLimitDays: row.stageLimitDays,
    });
    return {
      meetingsToday: meetings.map((m) => ({ ...m, scheduledAt: new Date(m.scheduledAt).toISOString() })),
      stalled: stalled.map(toProspect),
      waitingOffers: offers.map((o) => ({
        ...o,
        totalMinor: Number(o.totalMinor),
        submittedAt: o.submittedAt ? new Date(o.submittedAt).toISOString() : null,
        updatedAt: new Date(o.updatedAt).toISOString(),
      })),
      unit: unitId ? { unitId, stalled: unitStalled.map(toProspect), unassigned } : null,
    };
  }
}

// The client sends its own day (its time zone); without one, today in UTC.
function dayRange(query: AgendaQuery, now: Date): { from: Date; to: Date } {
  const from = query.from
    ? new Date(query.from)
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + 24 * HOUR_MS);
  const span = to.getTime() - from.getTime();
  if (span <= 0 || span > MAX_RANGE_MS) {
    throw funnelError(FunnelErrorCode.AgendaRangeInvalid, 'The day must end after it starts, at most 48 hours later.', {
      from: from.toISOString(),
      to: to.toISOString(),
    });
  }
  return { from, to };
}
