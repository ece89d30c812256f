import {
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { usePageParam } from '../approvals/page-param';
import { Confirm } from './confirm';
import { notifyDone } from './notify';
import { type ApiKey, type CreatedApiKey, useApiKeys, useCreateApiKey, useRevokeApiKey } from './queries';

const LIMIT = 20;

function CreateKey({ onClose, onCreated }: { onClose: () => void; onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation(['adminOps', 'common']);
  const me = useMe();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const refused = create.error instanceof ApiError ? create.error : null;
  const named = ['name', 'roles'].some((f) => refused?.problemsFor(f));
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('apiKeys.add')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, roles: roles as ApiKey['roles'] }, { onSuccess: onCreated });
        }}
      >
        <Stack>
          {create.error && !named ? <ErrorState error={create.error} /> : null}
          <TextInput
            label={t('apiKeys.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={refused?.problemsFor('name')}
          />
          <MultiSelect
            label={t('apiKeys.roles')}
            required
            data={me.roles.map((r) => ({ value: r, label: t(`common:roles.${r}`, { defaultValue: r }) }))}
            value={roles}
            onChange={setRoles}
            error={refused?.problemsFor('roles')}
            searchable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The new key, shown this once with a copy button. */
function ShowSecret({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation('adminOps');
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('apiKeys.secretTitle')}
    >
      <Stack>
        <Text>{t('apiKeys.secretBody')}</Text>
        <TextInput
          label={t('apiKeys.secretLabel')}
          value={created.key}
          readOnly
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group justify="flex-end">
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal.9' : undefined} onClick={copy}>
                {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('apiKeys.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** API keys: list (an admin sees all), create showing the secret once, revoke confirmed. */
export function ApiKeysPage() {
  const { t } = useTranslation(['adminOps', 'common']);
  const format = useFormat();
  const [page, setPage] = usePageParam();
  const list = useApiKeys({ limit: LIMIT, offset: (page - 1) * LIMIT });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useRevokeApiKey();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('apiKeys.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('apiKeys.add')}</Button>
      </Group>
      <Text c="gray.7">{t('apiKeys.intro')}</Text>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('apiKeys.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={680}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiKeys.name')}</Table.Th>
                  <Table.Th>{t('apiKeys.roles')}</Table.Th>
                  <Table.Th>{t('apiKeys.created')}</Table.Th>
                  <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                  <Table.Th>{t('apiKeys.state')}</Table.Th>
                  <Table.Th>{t('apiKeys.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td>{k.roles.map((r) => t(`common:roles.${r}`, { defaultValue: r })).join(', ')}</Table.Td>
                    <Table.Td>{format.dateTime(k.createdAt)}</Table.Td>
                    <Table.Td>{k.lastUsedAt ? format.dateTime(k.lastUsedAt) : t('common.never')}</Table.Td>
                    <Table.Td>
                      {k.revokedAt ? (
                        <Badge color="gray.7" variant="filled">
                          {t('apiKeys.revoked', { at: format.date(k.revokedAt) })}
                        </Badge>
                      ) : (
                        <Badge color="teal.9" variant="filled">
                          {t('apiKeys.live')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {k.revokedAt ? null : (
                        <Button
                          size="xs"
                          color="red.8"
                          variant="light"
                          aria-label={t('apiKeys.revokeOf', { name: k.name })}
                          onClick={() => setRevoking(k)}
                        >
                          {t('apiKeys.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            offset={(page - 1) * LIMIT}
            shown={list.data.items.length}
            total={list.data.total}
            pages={Math.ceil(list.data.total / LIMIT)}
            page={page}
            onChange={setPage}
          />
        </>
      )}
      {creating ? (
        <CreateKey
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
        />
      ) : null}
      {created ? <ShowSecret created={created} onClose={() => setCreated(null)} /> : null}
      {revoking ? (
        <Confirm
          title={t('apiKeys.revokeTitle')}
          body={t('apiKeys.revokeBody', { name: revoking.name })}
          action={t('apiKeys.revoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onClose={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                notifyDone(t('apiKeys.revokedToast'), t);
                setRevoking(null);
              },
            })
          }
        />
      ) : null}
    </Stack>
  );
}
