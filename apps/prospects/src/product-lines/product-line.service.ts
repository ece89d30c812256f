import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertValidProductLine, DomainError } from '@dealgate/domain';
import { Page, toPage } from '@dealgate/common';
import { notFound, versionConflict } from '../shared/errors';
import { CreateProductLineDto, ProductLineQuery, UpdateProductLineDto } from './product-line.dto';
import { ProductLineData, ProductLineRepository, ProductLineView } from './product-line.repository';

function dataOf(dto: CreateProductLineDto, fallbackActive = true): ProductLineData {
  const data = {
    name: dto.name.trim(),
    cycleDays: { ...dto.cycleDays },
    stageLimitDays: { ...dto.stageLimitDays },
    active: dto.active ?? fallbackActive,
  };
  assertValidProductLine(data);
  return data;
}

@Injectable()
export class ProductLineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ProductLineRepository,
  ) {}

  async list(query: ProductLineQuery): Promise<Page<ProductLineView>> {
    const { items, total } = await this.repo.list(this.dataSource.manager, query);
    return toPage(items, total, query);
  }

  async get(id: string): Promise<ProductLineView> {
    const line = await this.repo.findById(this.dataSource.manager, id);
    if (!line) throw notFound('product line', id);
    return line;
  }

  async create(dto: CreateProductLineDto): Promise<ProductLineView> {
    const data = dataOf(dto);
    return this.dataSource.transaction(async (manager) => {
      if (await this.repo.nameTaken(manager, data.name)) throw nameTaken(data.name);
      return this.repo.insert(manager, data);
    });
  }

  async update(id: string, dto: UpdateProductLineDto): Promise<ProductLineView> {
    const data = dataOf(dto);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.repo.findById(manager, id);
      if (!current) throw notFound('product line', id);
      if (await this.repo.nameTaken(manager, data.name, id)) throw nameTaken(data.name);
      const updated = await this.repo.update(manager, id, dto.version, data);
      if (!updated) throw versionConflict('product line', dto.version, current.version);
      return updated;
    });
  }
}

function nameTaken(name: string): DomainError {
  return new DomainError('conflict', `A product line named "${name}" already exists.`, {
    fields: [{ field: 'name', problems: ['is taken by another product line'] }],
  });
}
