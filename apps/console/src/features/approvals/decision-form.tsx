import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useMe } from '../../components/use-session';
import { Decision, RequestDetail, useDecidable, useDecide } from './queries';

/**
 * Approve or reject with a comment (for those the server lists as deciders), or recall (the requester). A refusal,
 * e.g. a decision that lost a race, shows the server's sentence; the request is read again either way.
 */
export function DecisionForm({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('approvals');
  const me = useMe();
  const decidable = useDecidable(request);
  const decide = useDecide(request.id);
  const [comment, setComment] = useState('');
  const requester = request.requesterId === me.id;
  const own = requester || request.authorIds.includes(me.id);
  const error = decide.error instanceof ApiError ? decide.error : decide.error ? new Error(String(decide.error)) : null;
  const fieldError = decide.error instanceof ApiError ? decide.error.problemsFor('comment') : undefined;
  // A 409 (someone decided first) or 403 is the server's sentence about the request, not about the comment field.
  const refusal = error && !fieldError ? error.message : null;

  const send = (decision: Decision) =>
    decide.mutate(decision, {
      onSuccess: () => {
        setComment('');
        notifications.show({
          color: 'teal',
          message: t(
            `decide.${decision.kind === 'recall' ? 'recalled' : decision.kind === 'approve' ? 'approved' : 'rejected'}`,
          ),
          closeButtonProps: { 'aria-label': t('decide.closeToast') },
        });
      },
    });

  const result = refusal ? (
    <Alert color="red" role="alert" variant="light" title={t('decide.refused')}>
      {refusal}
    </Alert>
  ) : null;

  if (request.status !== 'pending' || (decidable === null && !own)) return result;
  if (!decidable && !own) {
    return (
      <Stack gap="xs">
        {result}
        <Text size="sm" c="gray.7">
          {t('decide.notForMe')}
        </Text>
      </Stack>
    );
  }
  const submit = (event: FormEvent) => event.preventDefault();
  const step = request.currentStepIndex;
  return (
    <form onSubmit={submit} aria-label={t('decide.form')} noValidate>
      <Stack gap="xs">
        {result}
        {own ? (
          <Text size="sm" c="gray.7">
            {t('decide.own')}
          </Text>
        ) : null}
        <Textarea
          label={t('decide.comment')}
          description={own ? undefined : t('decide.commentHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fieldError}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group gap="sm">
          {decidable && !own ? (
            <>
              <Button
                color="teal.9"
                loading={decide.isPending && decide.variables?.kind === 'approve'}
                disabled={decide.isPending}
                onClick={() => send({ kind: 'approve', stepIndex: step, comment })}
              >
                {t('decide.approve')}
              </Button>
              <Button
                color="red.8"
                variant="outline"
                loading={decide.isPending && decide.variables?.kind === 'reject'}
                disabled={decide.isPending}
                onClick={() => send({ kind: 'reject', stepIndex: step, comment })}
              >
                {t('decide.reject')}
              </Button>
            </>
          ) : null}
          {requester ? (
            <Button variant="default" loading={decide.isPending} onClick={() => send({ kind: 'recall', comment })}>
              {t('decide.recall')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
