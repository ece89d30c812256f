import '@mantine/dates/styles.css';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { nowForPicker, pickerToIso } from './date-time';
import { FormError } from './form-error';
import { Meeting } from './queries';
import { useWrite } from './use-write';

export type MeetingAction = 'held' | 'cancel' | 'reschedule';

/** Marks a meeting held, moves it or cancels it (a cancellation needs a reason). */
export function MeetingActionModal({
  prospectId,
  meeting,
  action,
  onClose,
}: {
  prospectId: string;
  meeting: Meeting;
  action: MeetingAction;
  onClose: () => void;
}) {
  const { t } = useTranslation('prospects');
  const [when, setWhen] = useState<string | null>(action === 'held' ? nowForPicker() : null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const path = { params: { path: { id: prospectId, meetingId: meeting.id } } };
  const write = useWrite(
    prospectId,
    () => {
      if (action === 'held')
        return unwrap(
          api.POST('/api/prospects/{id}/meetings/{meetingId}/held', {
            ...path,
            body: { heldAt: pickerToIso(when)!, note: text.trim() || undefined },
          }),
        );
      if (action === 'cancel')
        return unwrap(
          api.POST('/api/prospects/{id}/meetings/{meetingId}/cancel', { ...path, body: { reason: text.trim() } }),
        );
      return unwrap(
        api.POST('/api/prospects/{id}/meetings/{meetingId}/reschedule', {
          ...path,
          body: { scheduledAt: pickerToIso(when)!, reason: text.trim() || undefined },
        }),
      );
    },
    t(action === 'held' ? 'meetings.held' : action === 'cancel' ? 'meetings.cancelled' : 'meetings.rescheduled'),
    onClose,
  );
  const title = t(
    action === 'held'
      ? 'meetings.holdTitle'
      : action === 'cancel'
        ? 'meetings.cancelTitle'
        : 'meetings.rescheduleTitle',
  );
  const needsTime = action !== 'cancel';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (needsTime && !pickerToIso(when)) return;
    if (action === 'cancel' && !text.trim()) return;
    write.mutate(undefined);
  };
  const timeField = action === 'held' ? 'heldAt' : 'scheduledAt';
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('form.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {needsTime ? (
            <DateTimePicker
              label={t(action === 'held' ? 'meetings.heldAt' : 'meetings.newTime')}
              required
              value={when}
              onChange={setWhen}
              valueFormat="YYYY-MM-DD HH:mm"
              submitButtonProps={{ 'aria-label': t('meetings.pickerDone') }}
              popoverProps={{ withinPortal: true }}
              error={tried && !pickerToIso(when) ? t('form.required') : write.fieldError(timeField)}
            />
          ) : null}
          <Textarea
            label={t(action === 'held' ? 'meetings.note' : 'meetings.reason')}
            required={action === 'cancel'}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={
              action === 'cancel' && tried && !text.trim()
                ? t('form.required')
                : write.fieldError(action === 'held' ? 'note' : 'reason')
            }
          />
          {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:form.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} color={action === 'cancel' ? 'red.8' : undefined}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
