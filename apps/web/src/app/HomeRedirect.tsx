import { Navigate } from 'react-router';
import { useSession, type Role } from '../api/session';

export const HOME_BY_ROLE: Record<Role, string> = {
  sponsor: '/sponsor',
  officer: '/officer',
  committee: '/committee',
  auditor: '/audit',
  admin: '/admin/users',
  partner: '/partner',
};

const ORDER: Role[] = ['officer', 'committee', 'auditor', 'admin', 'sponsor', 'partner'];

/** `/`: the home of the user's first role. */
export function homeFor(roles: readonly Role[]): string {
  const role = ORDER.find((candidate) => roles.includes(candidate));
  return role ? HOME_BY_ROLE[role] : '/login';
}

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={homeFor(user?.roles ?? [])} replace />;
}
