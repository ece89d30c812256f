import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ScrollTable } from '../samples/scroll-table';
import { notifyDone } from './notify';
import { Unit, useCreateUnit, useUnits, useUserNames } from './queries';
import { FormRefusal, useRefusal } from './refusal';
import { CloseUnitModal, SetHeadModal } from './unit-modals';

/** /admin/units: the sales units, each with its head; add one, appoint a head from its members, close or reopen. */
export function UnitsPage() {
  const { t } = useTranslation('adminOrg');
  const units = useUnits();
  const items = units.data?.items ?? [];
  const heads = useUserNames(items.flatMap((u) => (u.headUserId ? [u.headUserId] : [])));
  let body;
  if (units.isPending) body = <Loading />;
  else if (units.isError) body = <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  else if (items.length === 0) body = <Empty title={t('units.empty')}>{t('units.emptyBody')}</Empty>;
  else
    body = (
      <ScrollTable minWidth={560} label={t('units.title')}>
        <Table striped verticalSpacing="xs" aria-label={t('units.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.name')}</Table.Th>
              <Table.Th>{t('units.head')}</Table.Th>
              <Table.Th>{t('units.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('units.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((unit) => (
              <UnitRow
                key={unit.id}
                unit={unit}
                head={unit.headUserId ? (heads.data?.get(unit.headUserId) ?? '…') : null}
              />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    );
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>{t('units.title')}</Title>
        <Text size="sm" c="gray.7" maw={560}>
          {t('units.intro')}
        </Text>
      </Stack>
      <NewUnitForm />
      {body}
    </Stack>
  );
}

function UnitRow({ unit, head }: { unit: Unit; head: string | null }) {
  const { t } = useTranslation('adminOrg');
  const [heading, headModal] = useDisclosure();
  const [closing, closeModal] = useDisclosure();
  return (
    <Table.Tr>
      <Table.Td>{unit.name}</Table.Td>
      <Table.Td>
        {head ?? (
          <Text size="sm" c="gray.7">
            {t('units.noHead')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge tt="none" color={unit.active ? 'teal.9' : 'gray.7'}>
          {t(unit.active ? 'units.open' : 'units.closed')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {unit.active ? (
            <Button
              size="xs"
              variant="default"
              onClick={headModal.open}
              aria-label={t('units.setHeadOf', { name: unit.name })}
            >
              {t('units.setHead')}
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="default"
            onClick={closeModal.open}
            aria-label={t(unit.active ? 'units.closeOf' : 'units.reopenOf', { name: unit.name })}
          >
            {t(unit.active ? 'units.close' : 'units.reopen')}
          </Button>
        </Group>
        {heading ? <SetHeadModal unit={unit} onClose={headModal.close} /> : null}
        {closing ? <CloseUnitModal unit={unit} onClose={closeModal.close} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function NewUnitForm() {
  const { t } = useTranslation('adminOrg');
  const create = useCreateUnit();
  const { forField } = useRefusal(create.error);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name },
      {
        onSuccess: (unit) => {
          setName('');
          notifyDone(t('units.created', { name: unit.name }), t);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-unit-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="new-unit-title">
            {t('units.new')}
          </Title>
          <FormRefusal error={create.error} fields={['name']} />
          <Group align="flex-start">
            <TextInput
              label={t('units.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={forField('name')}
              w={280}
            />
            <Button type="submit" mt={25} loading={create.isPending} disabled={!name.trim()}>
              {t('units.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
