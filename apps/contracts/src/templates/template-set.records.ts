import { TaskTemplate } from '@dealgate/domain';

/** The task template set as TemplatesRepository hands it out. */
export interface TemplateSet {
  templates: TaskTemplate[];
  version: number;
  updatedBy: string | null;
  /** ISO 8601. */
  updatedAt: string;
}
