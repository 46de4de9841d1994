import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send, setCsrfToken } from './client';
import { ApiProblem } from './problem';
import type { Role } from './roles';
import type { components } from './schema.gen';

/**
 * The console's session (COORDINATION.md, session contract): an HttpOnly cookie set by the API, a CSRF token
 * kept in memory for writes, sign-out ending the session on the server. Staff accounts need a second factor
 * (docs/identity.md): the password step answers 401 AUTH.TOTP_REQUIRED (send `code` with the password) or
 * AUTH.TOTP_ENROLMENT_REQUIRED (enrol an authenticator app first, `enrolTotp` / `confirmTotp`), or, within the
 * account's grace period, signs in and says by when to enrol (`secondFactor`).
 */
export type { Role };
export type SessionUser = Omit<components['schemas']['UserResponseDto'], 'roles'> & { roles: Role[] };

interface SessionBody {
  user: SessionUser;
  csrfToken: string;
  /** Sign-in only: a staff account without a second factor, in its grace period (enrol by `dueAt`). */
  secondFactor?: components['schemas']['SecondFactorNoticeDto'];
}
export type TotpEnrolment = components['schemas']['TotpEnrolmentResponseDto'];

const SESSION_PATH = '/api/v1/auth/session';
export const SESSION_KEY = ['session'] as const;

async function readSession(): Promise<SessionBody | null> {
  try {
    return await send<SessionBody>(SESSION_PATH);
  } catch (error) {
    // No session (401), or an API without session support yet (404): the sign-in page.
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 404)) return null;
    throw error;
  }
}

interface SessionValue {
  user: SessionUser | null;
  loading: boolean;
  /** Signs in (with the second factor's `code` when the account needs one); throws ApiProblem when refused. */
  signIn(email: string, password: string, code?: string): Promise<SessionBody>;
  /** Starts enrolling an authenticator app (proved by the password): the secret and its otpauth:// URI. */
  enrolTotp(email: string, password: string): Promise<TotpEnrolment>;
  /** Confirms the enrolment with a first code: the ten recovery codes, shown once. */
  confirmTotp(email: string, password: string, code: string): Promise<string[]>;
  signOut(): Promise<void>;
  /**
   * True once this tab signed out: signed-in pages then go to the plain sign-in page, not to
   * `/login?next=…` (the sign-out button's own navigation and the pages' redirect raced under load).
   */
  signedOut: boolean;
  /** Called when the API answers 401 to a signed-in user (session ended, account disabled, roles changed). */
  expire(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: readSession,
    staleTime: Infinity,
    retry: false,
  });
  const [signedOut, setSignedOut] = useState(false);
  setCsrfToken(session.data?.csrfToken);

  const accept = (body: SessionBody) => {
    setSignedOut(false);
    setCsrfToken(body.csrfToken);
    queryClient.setQueryData(SESSION_KEY, body);
  };
  const signInMutation = useMutation({
    mutationFn: (credentials: { email: string; password: string; code?: string }) =>
      send<SessionBody>(SESSION_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      }),
  });
  const value = useMemo<SessionValue>(
    () => ({
      user: session.data?.user ?? null,
      loading: session.isPending,
      signedOut,
      async signIn(email, password, code) {
        const answer = await signInMutation.mutateAsync({ email, password, ...(code ? { code } : {}) });
        accept(answer);
        return answer;
      },
      enrolTotp(email, password) {
        return send<TotpEnrolment>('/api/v1/auth/totp/enrolment', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      },
      async confirmTotp(email, password, code) {
        const answer = await send<{ recoveryCodes: string[] }>('/api/v1/auth/totp/enrolment/confirm', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password, code }),
        });
        return answer.recoveryCodes;
      },
      async signOut() {
        try {
          await send<void>(SESSION_PATH, { method: 'DELETE' });
        } finally {
          setSignedOut(true);
          setCsrfToken(undefined);
          queryClient.clear();
          queryClient.setQueryData(SESSION_KEY, null);
        }
      },
      expire() {
        setCsrfToken(undefined);
        queryClient.setQueryData(SESSION_KEY, null);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session.data, session.isPending, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function hasRole(user: SessionUser | null, ...roles: Role[]): boolean {
  return Boolean(user && roles.some((role) => user.roles.includes(role)));
}
