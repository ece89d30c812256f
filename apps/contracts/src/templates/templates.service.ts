import { Injectable } from '@nestjs/common';
import { Clock } from '@dealgate/common';
import { Principal } from '@dealgate/auth';
import { DomainError, TaskTemplate, validateTemplateSet } from '@dealgate/domain';
import { ReplaceTemplatesDto } from './templates.dto';
import { TemplateSet } from './template-set.records';
import { TemplatesRepository } from './templates.repository';

/** The task set every new case starts from. Cases already open keep the tasks they were given. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly repository: TemplatesRepository,
    private readonly clock: Clock,
  ) {}

  current(): Promise<TemplateSet> {
    return this.repository.current();
  }

  async replace(user: Principal, dto: ReplaceTemplatesDto): Promise<TemplateSet> {
    const templates: TaskTemplate[] = dto.templates.map((t) => ({
      key: t.key,
      title: t.title.trim(),
      group: t.group,
      dependsOn: [...new Set(t.dependsOn)],
      dueDays: t.dueDays,
      required: t.required,
    }));
    validateTemplateSet(templates);
    if (!(await this.repository.replace(templates, dto.version, user.userId, this.clock.now()))) {
      throw new DomainError(
        'version_conflict',
        'The task templates were changed by someone else: reload them and edit again.',
      );
    }
    return this.repository.current();
  }
}
