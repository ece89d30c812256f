import { Button, Group, Menu, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyDone } from './notify';
import { User, useResetPassword, useSetActive } from './queries';
import { FormRefusal, useRefusal } from './refusal';
import { strongPassword } from './strong-password';

/** A user's row menu: edit, reset the password, deactivate or reactivate (both asked again before they happen). */
export function UserActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const { t } = useTranslation('adminOrg');
  const [confirming, confirm] = useDisclosure();
  const [resetting, reset] = useDisclosure();
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" aria-label={t('users.actionsFor', { name: user.name })}>
            {t('users.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEdit}>{t('users.edit')}</Menu.Item>
          <Menu.Item onClick={reset.open}>{t('users.resetPassword')}</Menu.Item>
          <Menu.Item color={user.active ? 'red' : undefined} onClick={confirm.open}>
            {t(user.active ? 'users.deactivate' : 'users.activate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {confirming ? <ActivationModal user={user} onClose={confirm.close} /> : null}
      {resetting ? <ResetPasswordModal user={user} onClose={reset.close} /> : null}
    </>
  );
}

function ActivationModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('adminOrg');
  const write = useSetActive();
  const deactivating = user.active;
  const go = () =>
    write.mutate(
      { id: user.id, active: !deactivating },
      {
        onSuccess: () => {
          notifyDone(t(deactivating ? 'users.deactivated' : 'users.activated', { name: user.name }), t);
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(deactivating ? 'users.deactivateTitle' : 'users.activateTitle', { name: user.name })}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      <Stack>
        <Text size="sm">{t(deactivating ? 'users.deactivateBody' : 'users.activateBody')}</Text>
        <FormRefusal error={write.error} fields={[]} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button color={deactivating ? 'red' : undefined} loading={write.isPending} onClick={go}>
            {t(deactivating ? 'users.deactivate' : 'users.activate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('adminOrg');
  const write = useResetPassword();
  const { forField } = useRefusal(write.error);
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notifyDone(t('users.passwordSet', { name: user.name }), t);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.resetTitle', { name: user.name })}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('users.resetBody')}</Text>
          <FormRefusal error={write.error} fields={['password']} />
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            visible={visible}
            onVisibilityChange={setVisible}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={forField('password')}
          />
          <Group justify="space-between">
            <Button
              variant="light"
              onClick={() => {
                setPassword(strongPassword());
                setVisible(true);
              }}
            >
              {t('users.generate')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={write.isPending} disabled={!password}>
                {t('users.setPassword')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
