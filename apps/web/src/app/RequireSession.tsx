import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';

/** Signed-in pages: the sign-in page first (coming back here after), a spinner while the session is read. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { user, loading, signedOut } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    if (signedOut || next === '/') return <Navigate to="/login" replace />;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
