import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem } from '../api/problem';
import { useSession } from '../api/session';
import { homeFor } from '../app/HomeRedirect';
import { LanguagePicker } from '../components/LanguagePicker';
import { ProblemAlert } from '../components/ProblemAlert';

/** Sign-in (console.md: fields **Email** and **Password**, button **Sign in**), then the second factor if asked. */
export function LoginPage() {
  const { t } = useTranslation();
  const { user, loading, signIn, completeMfa } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const next = params.get('next');
  const destination = (roles: Parameters<typeof homeFor>[0]) =>
    next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(roles);

  useEffect(() => {
    document.title = `${t('login.title')} · FORGE Pipeline`;
  }, [t]);

  if (!loading && user) return <Navigate to={destination(user.roles)} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mfaToken) {
        await completeMfa(mfaToken, code.trim());
      } else {
        const answer = await signIn(email.trim(), password);
        if ('mfaRequired' in answer) {
          setMfaToken(answer.mfaToken);
          return;
        }
        navigate(destination(answer.user.roles), { replace: true });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const wrongCredentials = error instanceof ApiProblem && error.status === 401 && !mfaToken;
  return (
    <Container size={440} py={48} component="main">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={700} c="forge.8" size="lg">
            FORGE Pipeline
          </Text>
          <LanguagePicker />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {mfaToken ? t('login.mfaTitle') : t('login.title')}
              </Title>
              <Text size="sm" c="dark.5">
                {mfaToken ? t('login.mfaHint') : t('login.subtitle')}
              </Text>
              {wrongCredentials ? (
                <Alert color="red" role="alert" title={t('login.failed')}>
                  {t('login.failedHint')}
                </Alert>
              ) : (
                <ProblemAlert error={error} />
              )}
              {mfaToken ? (
                <TextInput
                  label={t('login.code')}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  required
                  withAsterisk={false}
                  autoFocus
                />
              ) : (
                <>
                  <TextInput
                    label={t('login.email')}
                    type="email"
                    value={email}
                    onChange={(event) => setEmail(event.currentTarget.value)}
                    autoComplete="username"
                    required
                    withAsterisk={false}
                  />
                  <PasswordInput
                    label={t('login.password')}
                    value={password}
                    onChange={(event) => setPassword(event.currentTarget.value)}
                    autoComplete="current-password"
                    required
                    withAsterisk={false}
                  />
                </>
              )}
              <Button type="submit" loading={busy} fullWidth>
                {mfaToken ? t('login.verify') : t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
