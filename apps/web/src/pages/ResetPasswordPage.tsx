import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { send } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { SignedOutCard } from '../components/SignedOutCard';

/** The one-time token of the emailed link (`/reset-password#token=…`: in the fragment, never sent to a server). */
function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

/**
 * The page the password-reset email links to (docs/identity.md "Password reset"): a new password, typed twice,
 * set with the link's one-time token (`POST /auth/password-reset`). The server's answer is shown as it comes
 * (problem+json: an unknown, used or expired link; a password the policy refuses, with its reasons). The token
 * leaves the address bar as soon as the page has read it, so it stays out of the history.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromLocation);
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    document.title = `${t('resetPassword.title')} · FORGE Pipeline`;
  }, [t]);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMismatch(password !== repeated);
    if (password !== repeated) return;
    setBusy(true);
    try {
      await send('/api/v1/auth/password-reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password }),
      });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SignedOutCard>
      <Stack>
        <Title order={1} size="h2">
          {t('resetPassword.title')}
        </Title>
        {done ? (
          <>
            <Alert color="green" role="status" title={t('resetPassword.done')}>
              {t('resetPassword.doneHint')}
            </Alert>
            <Button component={Link} to="/login" fullWidth>
              {t('login.submit')}
            </Button>
          </>
        ) : !token ? (
          <>
            <Alert color="red" role="alert" title={t('resetPassword.noToken')}>
              {t('resetPassword.noTokenHint')}
            </Alert>
            <Anchor component={Link} to="/login">
              {t('login.submit')}
            </Anchor>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              <Text size="sm" c="dark.5" id="password-policy">
                {t('resetPassword.policy')}
              </Text>
              {mismatch ? (
                <Alert color="red" role="alert" title={t('resetPassword.mismatch')}>
                  {t('resetPassword.mismatchHint')}
                </Alert>
              ) : (
                <ProblemAlert error={error} />
              )}
              <PasswordInput
                label={t('resetPassword.password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                autoComplete="new-password"
                aria-describedby="password-policy"
                required
                withAsterisk={false}
                autoFocus
              />
              <PasswordInput
                label={t('resetPassword.repeat')}
                value={repeated}
                onChange={(event) => setRepeated(event.currentTarget.value)}
                autoComplete="new-password"
                required
                withAsterisk={false}
              />
              <Button type="submit" loading={busy} fullWidth>
                {t('resetPassword.submit')}
              </Button>
              <Anchor component={Link} to="/login" size="sm">
                {t('resetPassword.back')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Stack>
    </SignedOutCard>
  );
}
