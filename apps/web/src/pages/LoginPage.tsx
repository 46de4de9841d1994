import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Code,
  Divider,
  List,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { send } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useSession, type TotpEnrolment } from '../api/session';
import { homeFor } from '../lib/link-targets';
import { ProblemAlert } from '../components/ProblemAlert';
import { SignedOutCard } from '../components/SignedOutCard';
import { useFormat } from '../lib/format';

/**
 * Sign-in (console.md: fields **Email** and **Password**, button **Sign in**), then the second factor when the
 * account needs one (docs/identity.md): a code, or first the enrolment of an authenticator app (the secret as text
 * and an otpauth:// link), the recovery codes shown once, then the next code. A staff account without a second
 * factor in its grace period is signed in at once, and the page says by when to enrol (`secondFactor.dueAt`),
 * offering the enrolment now or later. "Sign in with your organisation" when the server offers single sign-on.
 */
type Step = 'password' | 'due' | 'code' | 'enrol' | 'recovery';

const SSO_ERRORS: Record<string, string> = {
  'AUTH.OIDC_NO_ROLE': 'login.ssoNoRole',
  'AUTH.OIDC_ROLES_CONFLICT': 'login.ssoRolesConflict',
};

export function LoginPage() {
  const { t } = useTranslation();
  const { user, loading, signIn, enrolTotp, confirmTotp } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState<string | null>(null);
  const format = useFormat();
  const [justEnrolled, setJustEnrolled] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: () => send<{ oidc: boolean }>('/api/v1/auth/providers'),
    staleTime: Infinity,
    retry: false,
  });

  const next = params.get('next');
  const ssoError = params.get('signInError');
  const destination = (roles: Parameters<typeof homeFor>[0]) =>
    next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(roles);

  useEffect(() => {
    document.title = `${t('login.title')} · FORGE Pipeline`;
  }, [t]);

  // Already signed in when the page opens: on to the console. Once this page signed in, it navigates itself (or
  // stays for the second factor's notice and enrolment).
  if (!loading && user && step === 'password' && !busy) {
    return <Navigate to={destination(user.roles)} replace />;
  }

  async function finish(answer: Awaited<ReturnType<typeof signIn>>) {
    if (answer.secondFactor?.status === 'enrolment_due') {
      setDueAt(answer.secondFactor.dueAt);
      setStep('due');
      return;
    }
    navigate(destination(answer.user.roles), { replace: true });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (step === 'password') {
        try {
          await finish(await signIn(email.trim(), password));
        } catch (caught) {
          if (caught instanceof ApiProblem && caught.code === 'AUTH.TOTP_REQUIRED') {
            setStep('code');
            return;
          }
          if (caught instanceof ApiProblem && caught.code === 'AUTH.TOTP_ENROLMENT_REQUIRED') {
            setEnrolment(await enrolTotp(email.trim(), password));
            setStep('enrol');
            return;
          }
          throw caught;
        }
      } else if (step === 'due') {
        setEnrolment(await enrolTotp(email.trim(), password));
        setStep('enrol');
      } else if (step === 'enrol') {
        setRecoveryCodes(await confirmTotp(email.trim(), password, code.trim()));
        setCode('');
        setJustEnrolled(true);
        setStep('recovery');
      } else if (step === 'recovery') {
        setStep('code');
      } else {
        await finish(await signIn(email.trim(), password, code.trim()));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const wrongCredentials =
    error instanceof ApiProblem && error.code === 'AUTH.INVALID_CREDENTIALS' && step === 'password';
  const wrongCode = error instanceof ApiProblem && error.code === 'AUTH.TOTP_INVALID';
  const title = {
    password: t('login.title'),
    due: t('login.dueTitle'),
    code: t('login.mfaTitle'),
    enrol: t('login.enrolTitle'),
    recovery: t('login.recoveryTitle'),
  }[step];
  const hint = {
    password: t('login.subtitle'),
    due: null,
    code: justEnrolled ? t('login.nextCodeHint') : t('login.mfaHint'),
    enrol: t('login.enrolHint'),
    recovery: t('login.recoveryHint'),
  }[step];
  const submitLabel = {
    password: t('login.submit'),
    due: t('login.enrolNow'),
    code: t('login.verify'),
    enrol: t('login.confirm'),
    recovery: t('login.continue'),
  }[step];

  return (
    <SignedOutCard>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {title}
          </Title>
          {hint ? (
            <Text size="sm" c="dark.5">
              {hint}
            </Text>
          ) : null}
          {step === 'due' && dueAt ? (
            <Alert color="yellow" role="status" title={t('login.dueNotice')}>
              {t('login.dueHint', { dueAt: format.dateTime(dueAt) })}
            </Alert>
          ) : null}
          {step === 'password' && ssoError && !error ? (
            <Alert color="red" role="alert" title={t('login.ssoFailed')}>
              {t(SSO_ERRORS[ssoError] ?? 'login.ssoGeneric')}
            </Alert>
          ) : null}
          {wrongCredentials ? (
            <Alert color="red" role="alert" title={t('login.failed')}>
              {t('login.failedHint')}
            </Alert>
          ) : wrongCode ? (
            <Alert color="red" role="alert" title={t('login.codeInvalid')}>
              {t('login.codeInvalidHint')}
            </Alert>
          ) : (
            <ProblemAlert error={error} />
          )}
          {step === 'password' ? (
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
          ) : null}
          {step === 'enrol' && enrolment ? (
            <Stack gap="xs">
              <Text size="sm" fw={600} id="totp-secret-label">
                {t('login.secret')}
              </Text>
              <Code block aria-labelledby="totp-secret-label" data-testid="totp-secret">
                {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
              </Code>
              <Anchor href={enrolment.otpauthUri} size="sm">
                {t('login.openInApp')}
              </Anchor>
            </Stack>
          ) : null}
          {step === 'recovery' ? (
            <List spacing={4} aria-label={t('login.recoveryTitle')}>
              {recoveryCodes.map((recovery) => (
                <List.Item key={recovery}>
                  <Code>{recovery}</Code>
                </List.Item>
              ))}
            </List>
          ) : null}
          {step === 'code' || step === 'enrol' ? (
            <TextInput
              label={t('login.code')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              autoComplete="one-time-code"
              inputMode={step === 'enrol' ? 'numeric' : 'text'}
              required
              withAsterisk={false}
              autoFocus
            />
          ) : null}
          <Button type="submit" loading={busy} fullWidth>
            {submitLabel}
          </Button>
          {step === 'due' && user ? (
            <Button
              variant="default"
              fullWidth
              onClick={() => navigate(destination(user.roles), { replace: true })}
            >
              {t('login.enrolLater')}
            </Button>
          ) : null}
          {step === 'password' && providers.data?.oidc ? (
            <>
              <Divider label={t('login.ssoOr')} labelPosition="center" />
              <Button component="a" href="/api/v1/auth/oidc/start" variant="default" fullWidth>
                {t('login.sso')}
              </Button>
            </>
          ) : null}
        </Stack>
      </form>
    </SignedOutCard>
  );
}
