import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notify } from './notify';
import { ScrollTable } from './scroll-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Empty, ErrorState, Loading } from '../../components/states';
import { hasRole, useMe } from '../../components/use-session';
import { ListFooter } from '../../components/list-footer';
import { PAGE_SIZE, SampleDetail, useAssignProspects, useSampleProspects, useUnitMembers } from './queries';

/**
 * An approved sample's prospects with their salesperson. The sales head of the unit (or the owner) picks some and
 * assigns them to one salesperson at once; the server does all or none and says why when it refuses.
 */
export function AssignmentPanel({ sample }: { sample: SampleDetail }) {
  const { t } = useTranslation('samples');
  const { t: tc } = useTranslation();
  const me = useMe();
  const canAssign = hasRole(me, 'sales_head', 'owner');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('prospects')) || 1);
  const prospects = useSampleProspects(sample.id, page, true);
  const members = useUnitMembers(sample.unitId, canAssign);
  const assign = useAssignProspects(sample.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignee, setAssignee] = useState<string | null>(null);

  const salespeople = (members.data ?? []).filter((m) => m.roles.includes('salesperson'));
  const nameOf = (id: string | null) => {
    if (!id) return null;
    if (id === me.id) return me.name;
    return members.data?.find((m) => m.id === id)?.name ?? t('detail.colleague');
  };
  const setPage = (value: number) => {
    const next = new URLSearchParams(params);
    if (value === 1) next.delete('prospects');
    else next.set('prospects', String(value));
    setParams(next, { replace: true });
    setSelected(new Set());
  };

  const items = prospects.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((p) => selected.has(p.id));
  const someSelected = items.some((p) => selected.has(p.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const submit = () => {
    if (!assignee) return;
    const chosen = items.filter((p) => selected.has(p.id)).map((p) => ({ id: p.id, version: p.version }));
    assign.mutate(
      { ownerId: assignee, prospects: chosen },
      {
        onSuccess: (done) => {
          notify('green', t('assign.done', { count: done.length, name: nameOf(assignee) ?? '' }));
          setSelected(new Set());
        },
      },
    );
  };
  const refusal = assign.error instanceof ApiError || assign.error instanceof Error ? assign.error.message : null;

  const data = prospects.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assign-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="assign-heading">
          {t('assign.heading')}
        </Title>
        <Text size="sm" c="gray.7">
          {canAssign ? t('assign.intro') : t('assign.onlyHead')}
        </Text>
        {prospects.isPending ? (
          <Loading />
        ) : prospects.isError ? (
          <ErrorState error={prospects.error} onRetry={() => void prospects.refetch()} />
        ) : items.length === 0 ? (
          <Empty title={t('assign.empty')} />
        ) : (
          <>
            {canAssign ? (
              <Group align="flex-end">
                <Select
                  label={t('assign.salesperson')}
                  placeholder={t('assign.pick')}
                  data={salespeople.map((m) => ({ value: m.id, label: m.name }))}
                  value={assignee}
                  onChange={setAssignee}
                  miw={240}
                  error={members.isError ? members.error.message : undefined}
                />
                <Button onClick={submit} disabled={!assignee || !someSelected} loading={assign.isPending}>
                  {t('assign.submit', { count: items.filter((p) => selected.has(p.id)).length })}
                </Button>
              </Group>
            ) : null}
            {canAssign && members.isSuccess && salespeople.length === 0 ? (
              <Alert color="yellow">{t('assign.noSalespeople')}</Alert>
            ) : null}
            {refusal ? (
              <Alert color="red" role="alert">
                {refusal}
              </Alert>
            ) : null}
            <ScrollTable minWidth={560} label={t('assign.caption')}>
              <Table striped verticalSpacing="xs" aria-label={t('assign.caption')}>
                <Table.Thead>
                  <Table.Tr>
                    {canAssign ? (
                      <Table.Th w={40}>
                        <Checkbox
                          aria-label={t('assign.selectAll')}
                          checked={allSelected}
                          indeterminate={someSelected && !allSelected}
                          onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((p) => p.id)))}
                        />
                      </Table.Th>
                    ) : null}
                    <Table.Th>{t('assign.company')}</Table.Th>
                    <Table.Th>{t('assign.stage')}</Table.Th>
                    <Table.Th>{t('assign.owner')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((prospect) => {
                    const owner = nameOf(prospect.ownerId);
                    return (
                      <Table.Tr key={prospect.id}>
                        {canAssign ? (
                          <Table.Td>
                            <Checkbox
                              aria-label={t('assign.select', { name: prospect.companyName })}
                              checked={selected.has(prospect.id)}
                              onChange={() => toggle(prospect.id)}
                            />
                          </Table.Td>
                        ) : null}
                        <Table.Td>{prospect.companyName}</Table.Td>
                        <Table.Td>{tc(`stages.${prospect.stage}`)}</Table.Td>
                        <Table.Td>
                          {owner ?? (
                            <Text span size="sm" c="gray.7">
                              {t('assign.unassigned')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {data ? (
              <ListFooter
                offset={data.offset}
                shown={items.length}
                total={data.total}
                pages={pages}
                page={page}
                onChange={setPage}
              />
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
