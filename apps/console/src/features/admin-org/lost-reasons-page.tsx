import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useLabelIn } from '../../i18n/labels';
import { ScrollTable } from '../samples/scroll-table';
import { notifyDone } from './notify';
import { LostReason, useLostReasons, useSaveLostReason } from './queries';
import { FormRefusal, useRefusal } from './refusal';

/** /admin/lost-reasons: why a prospect can be lost. Codes stay forever (reports group by them); retire, never delete. */
export function LostReasonsPage() {
  const { t } = useTranslation('adminOrg');
  const reasons = useLostReasons();
  let body;
  if (reasons.isPending) body = <Loading />;
  else if (reasons.isError) body = <ErrorState error={reasons.error} onRetry={() => void reasons.refetch()} />;
  else if (reasons.data.length === 0) body = <Empty title={t('reasons.empty')} />;
  else
    body = (
      <ScrollTable minWidth={760} label={t('reasons.title')}>
        <Table striped verticalSpacing="xs" aria-label={t('reasons.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reasons.labelEn')}</Table.Th>
              <Table.Th>{t('reasons.labelHu')}</Table.Th>
              <Table.Th>{t('reasons.code')}</Table.Th>
              <Table.Th>{t('reasons.note')}</Table.Th>
              <Table.Th>{t('reasons.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('reasons.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reasons.data.map((reason) => (
              <ReasonRow key={reason.code} reason={reason} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    );
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>{t('reasons.title')}</Title>
        <Text size="sm" c="gray.7" maw={600}>
          {t('reasons.intro')}
        </Text>
      </Stack>
      <NewReasonForm />
      {body}
    </Stack>
  );
}

function ReasonRow({ reason }: { reason: LostReason }) {
  const { t } = useTranslation('adminOrg');
  const [editing, edit] = useDisclosure();
  const labelIn = useLabelIn();
  return (
    <Table.Tr>
      <Table.Td>{reason.label}</Table.Td>
      <Table.Td>
        {reason.labelHu ?? (
          <Text size="sm" c="gray.7">
            {t('reasons.noHu')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {reason.code}
        </Text>
      </Table.Td>
      <Table.Td>{t(reason.noteRequired ? 'reasons.noteYes' : 'reasons.noteNo')}</Table.Td>
      <Table.Td>
        <Badge tt="none" miw="max-content" color={reason.active ? 'teal.9' : 'gray.7'}>
          {t(reason.active ? 'reasons.active' : 'reasons.retired')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="default"
          onClick={edit.open}
          aria-label={t('reasons.editOf', { label: labelIn(reason.labels) })}
        >
          {t('reasons.edit')}
        </Button>
        {editing ? <EditReasonModal reason={reason} onClose={edit.close} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function EditReasonModal({ reason, onClose }: { reason: LostReason; onClose: () => void }) {
  const { t } = useTranslation('adminOrg');
  const save = useSaveLostReason();
  const { forField } = useRefusal(save.error);
  const labelIn = useLabelIn();
  const [label, setLabel] = useState(reason.label);
  const [labelHu, setLabelHu] = useState(reason.labelHu ?? '');
  const [noteRequired, setNoteRequired] = useState(reason.noteRequired);
  const [active, setActive] = useState(reason.active);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { code: reason.code, label, labelHu: labelHu.trim() || null, noteRequired, active },
      {
        onSuccess: (saved) => {
          notifyDone(t('reasons.saved', { label: labelIn(saved.labels) }), t);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reasons.editOf', { label: labelIn(reason.labels) })}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormRefusal error={save.error} fields={['label', 'labelHu']} />
          <TextInput
            label={t('reasons.labelEn')}
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={forField('label')}
          />
          <TextInput
            label={t('reasons.labelHu')}
            description={t('reasons.labelHuHint')}
            value={labelHu}
            onChange={(e) => setLabelHu(e.currentTarget.value)}
            error={forField('labelHu')}
          />
          <Checkbox
            label={t('reasons.noteRequired')}
            checked={noteRequired}
            onChange={(e) => setNoteRequired(e.currentTarget.checked)}
          />
          <Switch
            label={t('reasons.offered')}
            description={t('reasons.offeredHint')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function NewReasonForm() {
  const { t } = useTranslation('adminOrg');
  const save = useSaveLostReason();
  const known = useLostReasons().data ?? [];
  const { forField } = useRefusal(save.error);
  const [code, setCode] = useState('');
  // The API's PUT adds or changes: a code in use would silently change that reason, so adding one says so instead.
  const taken = known.some((r) => r.code === code.trim());
  const labelIn = useLabelIn();
  const [label, setLabel] = useState('');
  const [labelHu, setLabelHu] = useState('');
  const [noteRequired, setNoteRequired] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (taken) return;
    save.mutate(
      { code: code.trim(), label, labelHu: labelHu.trim() || null, noteRequired, active: true },
      {
        onSuccess: (saved) => {
          setCode('');
          setLabel('');
          setLabelHu('');
          setNoteRequired(false);
          notifyDone(t('reasons.created', { label: labelIn(saved.labels) }), t);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-reason-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="new-reason-title">
            {t('reasons.new')}
          </Title>
          <FormRefusal error={save.error} fields={['code', 'label', 'labelHu']} />
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('reasons.labelEn')}
              required
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={forField('label')}
              w={260}
            />
            <TextInput
              label={t('reasons.labelHu')}
              description={t('reasons.labelHuHint')}
              value={labelHu}
              onChange={(e) => setLabelHu(e.currentTarget.value)}
              error={forField('labelHu')}
              w={260}
            />
            <TextInput
              label={t('reasons.code')}
              description={t('reasons.codeHint')}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={taken ? t('reasons.codeTaken') : forField('code')}
              w={220}
            />
          </Group>
          <Checkbox
            label={t('reasons.noteRequired')}
            checked={noteRequired}
            onChange={(e) => setNoteRequired(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('reasons.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
