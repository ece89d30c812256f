import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { endLocally } from '../../api/session';
import { useMe } from '../../components/use-session';

export function ChangePasswordPage() {
  const { t } = useTranslation('session');
  const me = useMe();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat !== '' && repeat !== next;
  const mustChange = (me as { mustChangePassword?: boolean }).mustChangePassword === true;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/auth/password', { body: { currentPassword: current, newPassword: next } }));
      // Every session of the user ends on the server, this one too.
      endLocally('logged-out');
      void navigate('/login', { replace: true, state: { notice: 'password-changed' } });
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      else throw failure;
    } finally {
      setBusy(false);
    }
  }

  const generalError = error && !error.problemsFor('newPassword') && !error.problemsFor('currentPassword');
  return (
    <Paper withBorder p="xl" maw={480} radius="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('password.title')}
          </Title>
          {mustChange ? <Alert color="yellow">{t('password.firstTime')}</Alert> : null}
          {generalError ? (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            value={current}
            error={error?.problemsFor('currentPassword')}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password.next')}
            description={t('password.nextHint')}
            autoComplete="new-password"
            required
            value={next}
            error={error?.problemsFor('newPassword') ?? error?.problemsFor('password')}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password.repeat')}
            autoComplete="new-password"
            required
            value={repeat}
            error={mismatch ? t('password.mismatch') : undefined}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} disabled={mismatch}>
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
