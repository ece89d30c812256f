import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/states';
import { notifyDone } from './notify';
import { Unit, useUnitMembers, useUpdateUnit } from './queries';
import { FormRefusal, useRefusal } from './refusal';

/**
 * Appoints a unit's head from its active members (each shown with their roles). The server decides who may head a
 * unit (a sales head or the owner) and says so on the field when the choice is refused.
 */
export function SetHeadModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation(['adminOrg', 'common']);
  const members = useUnitMembers(unit.id);
  const update = useUpdateUnit();
  const { forField } = useRefusal(update.error);
  const [headUserId, setHeadUserId] = useState<string | null>(unit.headUserId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: unit.id, version: unit.version, headUserId },
      {
        onSuccess: () => {
          notifyDone(t('units.headSet', { name: unit.name }), t);
          onClose();
        },
      },
    );
  };
  const choices = (members.data ?? []).map((m) => ({
    value: m.id,
    label: t('units.member', { name: m.name, roles: m.roles.map((r) => t(`common:roles.${r}`)).join(', ') }),
  }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('units.setHeadOf', { name: unit.name })}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('units.setHeadBody')}</Text>
          <FormRefusal error={update.error} fields={['headUserId']} />
          {members.isPending ? (
            <Loading />
          ) : choices.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('units.noMembers')}
            </Text>
          ) : null}
          <Select
            label={t('units.head')}
            placeholder={t('units.noHead')}
            clearable
            searchable
            data={choices}
            value={headUserId}
            onChange={setHeadUserId}
            error={forField('headUserId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Closing a unit (or reopening it) is asked again before it happens. */
export function CloseUnitModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation('adminOrg');
  const update = useUpdateUnit();
  const closing = unit.active;
  const go = () =>
    update.mutate(
      { id: unit.id, version: unit.version, active: !closing },
      {
        onSuccess: () => {
          notifyDone(t(closing ? 'units.closedDone' : 'units.reopened', { name: unit.name }), t);
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(closing ? 'units.closeOf' : 'units.reopenOf', { name: unit.name })}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      <Stack>
        <Text size="sm">{t(closing ? 'units.closeBody' : 'units.reopenBody')}</Text>
        <FormRefusal error={update.error} fields={[]} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button color={closing ? 'red' : undefined} loading={update.isPending} onClick={go}>
            {t(closing ? 'units.close' : 'units.reopen')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
