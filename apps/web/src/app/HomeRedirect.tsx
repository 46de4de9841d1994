import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { consolePathFor, homeFor } from '../lib/link-targets';

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={homeFor(user?.roles ?? [])} replace />;
}

/**
 * A link target of the API (an inbox item, a link in an email: `/applications/:id/…`, `/approvals/:id`): the page
 * of the reader's role (`consolePathFor`).
 */
export function LinkTargetRedirect() {
  const { user } = useSession();
  const location = useLocation();
  return <Navigate to={consolePathFor(location.pathname, user?.roles ?? [])} replace />;
}
