import { Button, Drawer, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { PolicyForm } from './policy-form';
import { type ApproverRule, type PolicyStep, type StoredPolicy, usePolicies } from './queries';

/** /admin/approval-policies: each subject kind's approval chain; the one being edited is in the URL (`edit`). */
export function PoliciesPage() {
  const { t } = useTranslation('adminWorkflow');
  const policies = usePolicies();
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit');
  const open = (kind: string | null) => {
    const next = new URLSearchParams(params);
    if (kind) next.set('edit', kind);
    else next.delete('edit');
    setParams(next, { replace: true });
  };
  const stored = policies.data?.find((p) => p.policy.subjectKind === editing);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('policies.title')}</Title>
        <Text size="sm" c="gray.7" maw={640}>
          {t('policies.intro')}
        </Text>
      </Stack>
      {policies.isPending ? (
        <Loading />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <Empty title={t('policies.empty')} />
      ) : (
        policies.data.map((p) => <PolicyCard key={p.policy.subjectKind} stored={p} onEdit={open} />)
      )}
      <Drawer
        opened={stored !== undefined}
        onClose={() => open(null)}
        position="right"
        size="xl"
        title={stored ? t('policies.editing', { kind: t(`kinds.${stored.policy.subjectKind}`) }) : ''}
        closeButtonProps={{ 'aria-label': t('form.close') }}
      >
        {stored ? <PolicyForm key={stored.version} stored={stored} onDone={() => open(null)} /> : null}
      </Drawer>
    </Stack>
  );
}

function PolicyCard({ stored, onEdit }: { stored: StoredPolicy; onEdit: (kind: string) => void }) {
  const { t } = useTranslation('adminWorkflow');
  const format = useFormat();
  const kind = stored.policy.subjectKind;
  const id = `policy-${kind}`;
  const rule = useRuleText();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4" id={id}>
            {t(`kinds.${kind}`)}
          </Title>
          <Group gap="sm">
            <Text size="xs" c="gray.7">
              {t('form.version', { version: stored.version })} ·{' '}
              {t('form.updated', { at: format.dateTime(stored.updatedAt) })}
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => onEdit(kind)}
              aria-label={t('policies.editLabel', { kind: t(`kinds.${kind}`) })}
            >
              {t('policies.edit')}
            </Button>
          </Group>
        </Group>
        <ScrollTable minWidth={640} label={t('policies.steps', { kind: t(`kinds.${kind}`) })}>
          <Table striped verticalSpacing="xs" aria-label={t('policies.steps', { kind: t(`kinds.${kind}`) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('policies.approver')}</Table.Th>
                <Table.Th>{t('policies.condition')}</Table.Th>
                <Table.Th>{t('policies.sla')}</Table.Th>
                <Table.Th>{t('policies.escalateTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stored.policy.steps.map((step, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>{rule(step.approver)}</Table.Td>
                  <Table.Td>
                    <ConditionText step={step} />
                  </Table.Td>
                  <Table.Td>
                    {t('policies.slaValue', {
                      due: format.minutes(step.dueAfterMinutes),
                      grace: format.minutes(step.escalationGraceMinutes),
                    })}
                  </Table.Td>
                  <Table.Td>{step.escalateTo ? rule(step.escalateTo) : t('policies.nobody')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Paper>
  );
}

function useRuleText() {
  const { t } = useTranslation('adminWorkflow');
  const { t: common } = useTranslation();
  return (rule: ApproverRule) => {
    const role = rule.kind === 'unit_head' ? rule.fallback : rule;
    const name = common(`roles.${role?.role ?? 'owner'}`);
    if (rule.kind === 'unit_head') return t('policies.ruleUnitHead', { role: name });
    return role?.unitScoped ? t('policies.ruleRoleUnit', { role: name }) : t('policies.ruleRole', { role: name });
  };
}

function ConditionText({ step }: { step: PolicyStep }) {
  const { t } = useTranslation('adminWorkflow');
  const format = useFormat();
  const amount = step.condition?.amountAbove;
  const discount = step.condition?.discountPercentAbove;
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (has(amount) && has(discount)) {
    return <>{t('policies.conditionBoth', { amount: format.number(amount), discount: format.number(discount) })}</>;
  }
  if (has(amount)) return <>{t('policies.conditionAmount', { amount: format.number(amount) })}</>;
  if (has(discount)) return <>{t('policies.conditionDiscount', { discount: format.number(discount) })}</>;
  return <>{t('policies.always')}</>;
}
