import { Injectable } from '@nestjs/common';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { DomainError, Role } from '@dealgate/domain';

/** What a report may cover. `null` means "all" on that axis. */
export interface AnalyticsScope {
  readonly unitId: string | null;
  readonly salespersonId: string | null;
  readonly productLineId: string | null;
}

export interface ScopeFilters {
  unitId?: string;
  salespersonId?: string;
  productLineId?: string;
}

const notFound = (what: string, id: string) => new DomainError('not_found', `No ${what} ${id}.`);

/**
 * Object-level access to figures: the owner sees everything, a sales head their unit, a salesperson only their
 * own. A filter outside the caller's reach answers 404 (as a foreign object does), never someone else's figures.
 */
@Injectable()
export class AnalyticsScopeResolver {
  constructor(private readonly directory: DirectoryService) {}

  async resolve(user: Principal, filters: ScopeFilters): Promise<AnalyticsScope> {
    const productLineId = filters.productLineId ?? null;
    if (user.roles.includes(Role.Owner)) {
      return { unitId: filters.unitId ?? null, salespersonId: filters.salespersonId ?? null, productLineId };
    }
    if (user.roles.includes(Role.SalesHead) && user.unitId) {
      if (filters.unitId && filters.unitId !== user.unitId) throw notFound('unit', filters.unitId);
      if (filters.salespersonId) await this.assertInUnit(filters.salespersonId, user.unitId);
      return { unitId: user.unitId, salespersonId: filters.salespersonId ?? null, productLineId };
    }
    if (user.roles.includes(Role.Salesperson)) {
      if (filters.salespersonId && filters.salespersonId !== user.userId) {
        throw notFound('salesperson', filters.salespersonId);
      }
      if (filters.unitId && filters.unitId !== user.unitId) throw notFound('unit', filters.unitId);
      return { unitId: filters.unitId ?? null, salespersonId: user.userId, productLineId };
    }
    // Roles without figures (a head without a unit) see nothing rather than everything.
    throw notFound('report scope', user.userId);
  }

  /** Whether the caller may act for this salesperson (plans): themselves, their unit's head, or the owner. */
  async assertCanActFor(user: Principal, salespersonId: string): Promise<void> {
    await this.resolve(user, { salespersonId });
  }

  private async assertInUnit(salespersonId: string, unitId: string): Promise<void> {
    const person = await this.directory.user(salespersonId);
    if (!person || person.unitId !== unitId) throw notFound('salesperson', salespersonId);
  }
}
