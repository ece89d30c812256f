import { Button, Drawer, Group, MultiSelect, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { notifyDone } from './notify';
import { ROLES, Role, TASK_GROUPS, User, useCreateUser, useUnits, useUpdateUser, useUser } from './queries';
import { FormRefusal, useRefusal } from './refusal';
import { strongPassword } from './strong-password';

const FIELDS = ['name', 'email', 'password', 'roles', 'unitId', 'groups', 'leadOf'];

/** A new user (`userId` = 'new') or one to change, beside the list; the server judges roles, unit and password. */
export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation('adminOrg');
  const editing = userId !== null && userId !== 'new' ? userId : null;
  const user = useUser(editing);
  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={editing ? t('users.editTitle', { name: user.data?.name ?? '' }) : t('users.newTitle')}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      {userId === 'new' ? (
        <UserForm onDone={onClose} />
      ) : editing && user.isPending ? (
        <Loading />
      ) : editing && user.isError ? (
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      ) : user.data ? (
        <UserForm key={`${user.data.id}-${user.data.version}`} user={user.data} onDone={onClose} />
      ) : null}
    </Drawer>
  );
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const { t } = useTranslation(['adminOrg', 'common', 'tasks']);
  const units = useUnits();
  const create = useCreateUser();
  const update = useUpdateUser();
  const write = user ? update : create;
  const { forField } = useRefusal(write.error);
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [unitId, setUnitId] = useState<string | null>(user?.unitId ?? null);
  const [groups, setGroups] = useState<string[]>(user?.groups ?? []);
  const [leadOf, setLeadOf] = useState<string[]>(user?.leadOf ?? []);
  const unitChoices = (units.data?.items ?? [])
    .filter((u) => u.active || u.id === unitId)
    .map((u) => ({ value: u.id, label: u.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { name, roles: roles as Role[], unitId, groups, leadOf };
    const done = (saved: User) => {
      notifyDone(t(user ? 'users.saved' : 'users.created', { name: saved.name }), t);
      onDone();
    };
    if (user) update.mutate({ id: user.id, version: user.version, ...common }, { onSuccess: done });
    else create.mutate({ ...common, email, password }, { onSuccess: done });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormRefusal error={write.error} fields={FIELDS} />
        <TextInput
          label={t('users.name')}
          required
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={forField('name')}
        />
        {user ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('users.email')}
            </Text>
            <Text size="sm">{user.email}</Text>
          </Stack>
        ) : (
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={forField('email')}
          />
        )}
        {user ? null : (
          <Stack gap={6}>
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHint')}
              required
              autoComplete="new-password"
              value={password}
              visible={showPassword}
              onVisibilityChange={setShowPassword}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={forField('password')}
            />
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => {
                  setPassword(strongPassword());
                  setShowPassword(true);
                }}
              >
                {t('users.generate')}
              </Button>
            </Group>
          </Stack>
        )}
        <MultiSelect
          label={t('users.roles')}
          description={t('users.rolesHint')}
          required
          data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          value={roles}
          onChange={setRoles}
          error={forField('roles')}
        />
        <Select
          label={t('users.unit')}
          description={t('users.unitHint')}
          placeholder={t('users.noUnit')}
          clearable
          data={unitChoices}
          value={unitId}
          onChange={setUnitId}
          error={forField('unitId')}
        />
        <MultiSelect
          label={t('users.groups')}
          description={t('users.groupsHint')}
          data={TASK_GROUPS.map((g) => ({ value: g, label: t(`tasks:groups.${g}`) }))}
          value={groups}
          onChange={(next) => {
            setGroups(next);
            setLeadOf((current) => current.filter((g) => next.includes(g)));
          }}
          error={forField('groups')}
        />
        <MultiSelect
          label={t('users.leadOf')}
          description={t('users.leadOfHint')}
          data={groups.map((g) => ({ value: g, label: t(`tasks:groups.${g}`) }))}
          value={leadOf}
          onChange={setLeadOf}
          error={forField('leadOf')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {t(user ? 'form.save' : 'users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
