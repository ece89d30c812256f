import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertSampleRationale,
  assertSomeCompanyAccepted,
  companyKeys,
  CompanyRowInput,
  companyRowsFromCsv,
  funnelError,
  FunnelErrorCode,
  hasRole,
  isHeadOfUnit,
  Role,
  validateCompanyRows,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { Clock, Page, parseSort, toPage } from '@dealgate/common';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { ProductLineRepository } from '../product-lines/product-line.repository';
import { ProspectRepository } from '../prospects/prospect.repository';
import { actorOf } from '../shared/actor';
import { assertVersion, notFound } from '../shared/errors';
import { AddCompaniesDto, CreateSampleDto, SampleQuery, SampleSortField, UpdateSampleDto } from './sample.dto';
import { SampleCompanyView, SampleRepository, SampleView } from './sample.repository';
import { CompanyUploadReport } from './sample.view';
export { CompanyUploadReport };

@Injectable()
export class SampleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly samples: SampleRepository,
    private readonly productLines: ProductLineRepository,
    private readonly prospects: ProspectRepository,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async create(user: Principal, dto: CreateSampleDto): Promise<SampleView> {
    assertSampleRationale(dto);
    const unitId = dto.unitId ?? user.unitId;
    if (!unitId) throw funnelError(FunnelErrorCode.UnitRequired, 'Say which sales unit the sample is for (unitId).');
    if (!hasRole(actorOf(user), Role.Owner) && unitId !== user.unitId) {
      throw funnelError(FunnelErrorCode.UnitRequired, 'You can build samples only for your own sales unit.');
    }
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.directory.unit(unitId, manager);
      if (!unit?.active) throw funnelError(FunnelErrorCode.UnitRequired, `There is no active sales unit ${unitId}.`);
      const line = await this.productLines.findById(manager, dto.productLineId);
      if (!line) throw notFound('product line', dto.productLineId);
      if (!line.active)
        throw funnelError(FunnelErrorCode.ProductLineInactive, `The product line "${line.name}" is retired.`);
      return this.samples.insert(manager, {
        productLineId: line.id,
        unitId,
        authorId: user.userId,
        title: dto.title.trim(),
        rationale: dto.rationale.trim(),
      });
    });
  }

  async list(user: Principal, query: SampleQuery): Promise<Page<SampleView>> {
    const { items, total } = await this.samples.list(this.dataSource.manager, user, {
      ...query,
      sort: parseSort<SampleSortField>(query.sort),
    });
    return toPage(items, total, query);
  }

  async get(user: Principal, id: string): Promise<SampleView & { companies: SampleCompanyView[] }> {
    const manager = this.dataSource.manager;
    const sample = await this.visible(manager, user, id);
    return { ...sample, companies: await this.samples.companies(manager, id) };
  }

  async update(user: Principal, id: string, dto: UpdateSampleDto): Promise<SampleView> {
    if (dto.rationale !== undefined) assertSampleRationale({ rationale: dto.rationale });
    return this.inDraft(user, id, dto.version, async (manager) => {
      await this.samples.update(manager, id, { title: dto.title?.trim(), rationale: dto.rationale?.trim() });
    });
  }

  addCompanies(user: Principal, id: string, dto: AddCompaniesDto): Promise<CompanyUploadReport> {
    const rows = dto.companies.map((c, index) => ({ row: index + 1, ...c }));
    return this.upload(user, id, rows, (row) => `companies[${row - 1}]`);
  }

  addCompaniesCsv(user: Principal, id: string, text: string): Promise<CompanyUploadReport> {
    return this.upload(user, id, companyRowsFromCsv(text), (row) => `row ${row}`);
  }

  async removeCompany(user: Principal, id: string, companyId: string, version: number): Promise<SampleView> {
    return this.inDraft(user, id, version, async (manager) => {
      if (!(await this.samples.removeCompany(manager, id, companyId)))
        throw notFound('company in this sample', companyId);
      await this.samples.update(manager, id, {});
    });
  }

  /** Sends the sample to the owner: a request with a snapshot of exactly what is approved. */
  async submit(user: Principal, id: string, version: number): Promise<SampleView> {
    return this.inDraft(user, id, version, async (manager, sample) => {
      assertSampleRationale(sample);
      const companies = await this.samples.companies(manager, id);
      if (companies.length === 0) throw funnelError(FunnelErrorCode.SampleEmpty, 'The sample has no companies yet.');
      const requestId = randomUUID();
      const now = this.clock.now();
      await this.samples.update(manager, id, {
        status: 'pending_approval',
        approvalRequestId: requestId,
        submittedAt: now,
        decisionComment: null,
      });
      await emitJob(manager, JobName.ApprovalRequested, {
        requestId,
        subjectKind: 'target_sample',
        subjectId: id,
        // The version after this update: the decision must name it.
        subjectVersion: sample.version + 1,
        requesterId: user.userId,
        unitId: sample.unitId,
        amount: null,
        discountPercent: null,
        snapshot: {
          title: sample.title,
          rationale: sample.rationale,
          productLineId: sample.productLineId,
          authorId: sample.authorId,
          // Read by approvals: none of these may decide the request.
          authorIds: sample.contributorIds,
          companies: companies.map((c) => ({ id: c.id, name: c.name, taxId: c.taxId, website: c.website })),
        },
        requestedAt: now.toISOString(),
      });
    });
  }

  private async upload(
    user: Principal,
    id: string,
    rows: CompanyRowInput[],
    fieldOf: (row: number) => string,
  ): Promise<CompanyUploadReport> {
    return this.dataSource.transaction(async (manager) => {
      const sample = await this.writable(manager, user, id);
      const candidates = rows.map((r) => companyKeys(r));
      // Duplicates: companies already in the funnel, and companies already in this sample.
      const existing = [
        ...(await this.prospects.withAnyKey(manager, candidates)),
        ...(await this.samples.companies(manager, id)).map((c) => ({ id: c.id, keys: c.keys })),
      ];
      const results = validateCompanyRows(rows, existing);
      assertSomeCompanyAccepted(results, fieldOf);
      const accepted = results.flatMap((r) => (r.status === 'accepted' ? [r.company] : []));
      await this.samples.addCompanies(manager, id, accepted);
      await this.samples.update(manager, id, {});
      const updated = (await this.samples.findById(manager, sample.id))!;
      return { accepted: accepted.length, rejected: results.length - accepted.length, rows: results, sample: updated };
    });
  }

  private async inDraft(
    user: Principal,
    id: string,
    version: number,
    work: (manager: EntityManager, sample: SampleView) => Promise<void>,
  ): Promise<SampleView> {
    return this.dataSource.transaction(async (manager) => {
      const sample = await this.writable(manager, user, id);
      assertVersion('sample', sample.version, version);
      await work(manager, sample);
      return (await this.samples.findById(manager, id))!;
    });
  }

  /** Locks a draft sample the caller may change: its author, a sales head of its unit, or the owner. */
  private async writable(manager: EntityManager, user: Principal, id: string): Promise<SampleView> {
    const sample = await this.samples.findById(manager, id, true);
    if (!sample || !this.canSee(user, sample)) throw notFound('sample', id);
    if (sample.status !== 'draft') {
      throw funnelError(
        FunnelErrorCode.SampleNotDraft,
        `The sample is ${sample.status.replace('_', ' ')}; only a draft can be changed.`,
      );
    }
    // Whoever changes the sample becomes one of its authors, who may not approve it.
    await this.samples.addContributor(manager, id, user.userId);
    return { ...sample, contributorIds: [...new Set([...sample.contributorIds, user.userId])] };
  }

  private async visible(manager: EntityManager, user: Principal, id: string): Promise<SampleView> {
    const sample = await this.samples.findById(manager, id);
    if (!sample || !this.canSee(user, sample)) throw notFound('sample', id);
    return sample;
  }

  private canSee(user: Principal, sample: SampleView): boolean {
    const actor = actorOf(user);
    return hasRole(actor, Role.Owner) || isHeadOfUnit(actor, sample.unitId) || sample.authorId === user.userId;
  }
}
