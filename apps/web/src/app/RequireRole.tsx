import { Outlet } from 'react-router';
import { hasRole, useSession, type Role } from '../api/session';
import { NotFoundPage } from '../pages/NotFoundPage';

/**
 * A role's pages (the route guard): shown to a user with one of `roles`, and to anyone else as a page that
 * does not exist, as the API answers a route or a record outside one's role (403/404).
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { user } = useSession();
  return hasRole(user, ...roles) ? <Outlet /> : <NotFoundPage />;
}
