// `.js`: the root tsconfig (NodeNext) type-checks this file through its unit test.
import type { Role } from '../api/roles.js';

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

/** The officer page's tab for each section an application's link target names. */
const OFFICER_TAB: Readonly<Record<string, string>> = {
  'information-requests': 'requests',
  disclosure: 'disclosure',
  disbursements: 'disbursements',
  esap: 'esap',
  'monitoring-reports': 'monitoring',
  incidents: 'incidents',
  watchlist: 'watchlist',
};

const APPLICATION = /^\/applications\/([0-9a-fA-F-]{36})(?:\/([a-z-]+))?/;

/**
 * The console page for a link target of the API (monitoring.md: inbox items and emails carry one): the
 * role-neutral paths the notifications name (`/applications/:id/<section>/…`, `/approvals/:id`,
 * `/admin/portfolio-policies/:id`) become the page of the reader's role, so a link in an email opens the
 * right screen whoever follows it. Anything else goes home.
 */
export function consolePathFor(path: string, roles: readonly Role[]): string {
  const application = APPLICATION.exec(path);
  if (application) {
    const [, id, section = ''] = application;
    if (section === 'committee' && roles.includes('committee')) return `/committee/applications/${id}`;
    if (roles.includes('officer')) {
      const tab = OFFICER_TAB[section];
      return `/officer/applications/${id}${tab ? `?tab=${tab}` : ''}`;
    }
    if (roles.includes('committee')) return `/committee/applications/${id}`;
    if (roles.includes('auditor')) return `/audit/applications/${id}`;
    if (roles.includes('sponsor')) return `/sponsor/applications/${id}`;
    if (roles.includes('partner')) return `/partner/projects/${id}`;
    return homeFor(roles);
  }
  if (/^\/approvals(\/|$)/.test(path) && roles.includes('officer')) return '/officer/approvals';
  if (/^\/admin\/portfolio-policies(\/|$)/.test(path) && roles.includes('admin'))
    return '/admin/portfolio-policies';
  return homeFor(roles);
}
