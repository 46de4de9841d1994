import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';
import { LoginPage } from '../pages/LoginPage';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteError } from './RouteError';

/** Each page is its own chunk (code-split per role and route): the first load carries only the shell. */
function page(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      // sponsor
      { path: 'sponsor', ...page(() => import('../pages/sponsor/SponsorHomePage')) },
      { path: 'sponsor/new', ...page(() => import('../pages/sponsor/ApplicationWizardPage')) },
      {
        path: 'sponsor/applications/:id/edit',
        ...page(() => import('../pages/sponsor/ApplicationWizardPage')),
      },
      { path: 'sponsor/applications/:id', ...page(() => import('../pages/sponsor/SponsorApplicationPage')) },
      // officer
      { path: 'officer', ...page(() => import('../pages/officer/WorkQueuePage')) },
      { path: 'officer/approvals', ...page(() => import('../pages/officer/ApprovalsPage')) },
      { path: 'officer/applications/:id', ...page(() => import('../pages/officer/OfficerApplicationPage')) },
      // committee
      { path: 'committee', ...page(() => import('../pages/committee/CommitteeHomePage')) },
      {
        path: 'committee/applications/:id',
        ...page(() => import('../pages/committee/CommitteeApplicationPage')),
      },
      // auditor
      { path: 'audit', ...page(() => import('../pages/auditor/AuditIntegrityPage')) },
      { path: 'audit/events', ...page(() => import('../pages/auditor/AuditLogPage')) },
      { path: 'audit/applications', ...page(() => import('../pages/auditor/AuditApplicationsPage')) },
      { path: 'audit/applications/:id', ...page(() => import('../pages/auditor/AuditApplicationPage')) },
      // the fund as a whole (officer, committee, auditor, admin)
      { path: 'portfolio', ...page(() => import('../pages/portfolio/PortfolioPage')) },
      // admin
      { path: 'admin/users', ...page(() => import('../pages/admin/UsersPage')) },
      { path: 'admin/organizations', ...page(() => import('../pages/admin/OrganizationsPage')) },
      { path: 'admin/sanctions', ...page(() => import('../pages/admin/SanctionsPage')) },
      { path: 'admin/scoring', ...page(() => import('../pages/admin/ScoringModelPage')) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
