import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';
import { RequireSession } from './RequireSession';
import type { Role } from '../api/session';
import { LoginPage } from '../pages/LoginPage';
import { HomeRedirect, LinkTargetRedirect } from './HomeRedirect';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteError } from './RouteError';

/** Each page is its own chunk (code-split per role and route): the first load carries only the shell. */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

/** Pages of some roles only (RequireRole): anyone else is shown the not-found page. */
function only(roles: Role[], children: RouteObject[]): RouteObject {
  return { element: <RequireRole roles={roles} />, children };
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/reset-password',
    ...page(() => import('../pages/ResetPasswordPage')),
    errorElement: <RouteError />,
  },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      // The role-neutral paths of the API's link targets (inbox items, links in emails): the reader's page.
      { path: 'applications/*', element: <LinkTargetRedirect /> },
      { path: 'approvals/*', element: <LinkTargetRedirect /> },
      { path: 'admin/portfolio-policies/*', element: <LinkTargetRedirect /> },
      // What awaits me (monitoring.md "Inbox"): every role.
      { path: 'inbox', ...page(() => import('../pages/inbox/InboxPage')) },
      only(
        ['sponsor'],
        [
          { path: 'sponsor', ...page(() => import('../pages/sponsor/SponsorHomePage')) },
          { path: 'sponsor/new', ...page(() => import('../pages/sponsor/ApplicationWizardPage')) },
          {
            path: 'sponsor/applications/:id/edit',
            ...page(() => import('../pages/sponsor/ApplicationWizardPage')),
          },
          {
            path: 'sponsor/applications/:id',
            ...page(() => import('../pages/sponsor/SponsorApplicationPage')),
          },
        ],
      ),
      only(
        ['officer'],
        [
          { path: 'officer', ...page(() => import('../pages/officer/WorkQueuePage')) },
          { path: 'officer/approvals', ...page(() => import('../pages/officer/ApprovalsPage')) },
          {
            path: 'officer/applications/:id',
            ...page(() => import('../pages/officer/OfficerApplicationPage')),
          },
        ],
      ),
      only(
        ['committee'],
        [
          { path: 'committee', ...page(() => import('../pages/committee/CommitteeHomePage')) },
          {
            path: 'committee/applications/:id',
            ...page(() => import('../pages/committee/CommitteeApplicationPage')),
          },
        ],
      ),
      only(
        ['auditor'],
        [
          { path: 'audit', ...page(() => import('../pages/auditor/AuditIntegrityPage')) },
          { path: 'audit/events', ...page(() => import('../pages/auditor/AuditLogPage')) },
          { path: 'audit/applications', ...page(() => import('../pages/auditor/AuditApplicationsPage')) },
          {
            path: 'audit/applications/:id',
            ...page(() => import('../pages/auditor/AuditApplicationPage')),
          },
        ],
      ),
      // the fund as a whole
      only(
        ['officer', 'committee', 'auditor', 'admin'],
        [{ path: 'portfolio', ...page(() => import('../pages/portfolio/PortfolioPage')) }],
      ),
      only(
        ['admin'],
        [
          { path: 'admin/users', ...page(() => import('../pages/admin/UsersPage')) },
          { path: 'admin/organizations', ...page(() => import('../pages/admin/OrganizationsPage')) },
          { path: 'admin/sanctions', ...page(() => import('../pages/admin/SanctionsPage')) },
          { path: 'admin/scoring', ...page(() => import('../pages/admin/ScoringModelPage')) },
          {
            path: 'admin/portfolio-policies',
            ...page(() => import('../pages/admin/PortfolioPoliciesPage')),
          },
          { path: 'admin/webhooks', ...page(() => import('../pages/admin/WebhooksPage')) },
        ],
      ),
      // a co-financing partner (portfolio.md): what its organisation co-finances
      only(
        ['partner'],
        [
          { path: 'partner', ...page(() => import('../pages/partner/PartnerHomePage')) },
          { path: 'partner/projects/:id', ...page(() => import('../pages/partner/PartnerProjectPage')) },
        ],
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
