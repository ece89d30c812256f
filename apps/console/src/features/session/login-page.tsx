import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { toApiError } from '../../api/errors';
import { login } from '../../api/session';
import { LanguageSwitch } from '../../components/language-switch';

export function LoginPage() {
  const { t } = useTranslation(['session', 'common']);
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setFieldErrors({});
    try {
      const answer = await login(email, password);
      if (answer.ok) {
        const from = (location.state as { from?: string } | null)?.from;
        // After a password change the session ends on /password: the new login goes home, not back to the form.
        const back = from && from !== '/login' && from !== '/password' ? from : '/';
        void navigate(back, { replace: true });
        return;
      }
      const error = toApiError(answer.status, await answer.json().catch(() => null));
      if (answer.status === 400 && error.body.fields) {
        setFieldErrors(Object.fromEntries(error.body.fields.map((f) => [f.field, (f.problems ?? []).join('; ')])));
      } else {
        setFailure(answer.status === 429 ? t('login.throttled') : t('login.failed'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} radius="md">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h2">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('common:tagline')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              error={fieldErrors.email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              error={fieldErrors.password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
