// Approval policies (approvals service) and contract task templates (contracts service): the admin edits both whole,
// with the version last read; a save reloads what it changed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

type Schemas = components['schemas'];
export type StoredPolicy = Schemas['StoredPolicy'];
export type SubjectKind = StoredPolicy['policy']['subjectKind'];
export type PolicyStep = Schemas['PolicyStepDto'];
export type ApproverRule = Schemas['ApproverRuleDto'];
export type PolicyBody = Schemas['ReplacePolicyDto'];
export type TemplateSet = Schemas['TemplateSetView'];
export type TaskTemplate = Schemas['TaskTemplateDto'];
export type TemplatesBody = Schemas['ReplaceTemplatesDto'];
export type BusinessRole = NonNullable<ApproverRule['role']>;

/** Roles that may approve (an administrator never decides; the server refuses it too). */
export const APPROVER_ROLES: BusinessRole[] = ['owner', 'sales_head', 'salesperson', 'legal', 'accounting'];
export const TEMPLATE_GROUPS: TaskTemplate['group'][] = ['legal', 'accounting'];

const POLICIES = ['admin-workflow', 'policies'] as const;
const TEMPLATES = ['admin-workflow', 'templates'] as const;

export const usePolicies = () =>
  useQuery({ queryKey: POLICIES, queryFn: () => unwrap(api.GET('/api/approvals/policies')) });

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subjectKind, body }: { subjectKind: SubjectKind; body: PolicyBody }) =>
      unwrap(api.PUT('/api/approvals/policies/{subjectKind}', { params: { path: { subjectKind } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: POLICIES }),
  });
}

export const useTemplates = () =>
  useQuery({ queryKey: TEMPLATES, queryFn: () => unwrap(api.GET('/api/contracts/task-templates')) });

export function useSaveTemplates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplatesBody) => unwrap(api.PUT('/api/contracts/task-templates', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: TEMPLATES }),
  });
}
