import { consolePathFor } from '../../../apps/web/src/lib/link-targets.js';

const ID = '5d1e1c64-8f2a-4b7e-9a51-0c3f6f0b9e21';

/**
 * monitoring.md: inbox items (and the links in emails) carry a link target; the API names role-neutral paths
 * (`/applications/:id/…`, `/approvals/:id`). The console opens the page of the reader's role.
 */
describe('console link targets', () => {
  it.each([
    [`/applications/${ID}/information-requests/ir-1`, ['sponsor'], `/sponsor/applications/${ID}`],
    [
      `/applications/${ID}/information-requests/ir-1`,
      ['officer'],
      `/officer/applications/${ID}?tab=requests`,
    ],
    [`/applications/${ID}/esap/e-1`, ['officer'], `/officer/applications/${ID}?tab=esap`],
    [`/applications/${ID}/watchlist`, ['officer'], `/officer/applications/${ID}?tab=watchlist`],
    [
      `/applications/${ID}/monitoring-reports/2027`,
      ['officer'],
      `/officer/applications/${ID}?tab=monitoring`,
    ],
    [`/applications/${ID}`, ['officer'], `/officer/applications/${ID}`],
    [`/applications/${ID}/committee`, ['committee'], `/committee/applications/${ID}`],
    [`/applications/${ID}/committee`, ['officer', 'committee'], `/committee/applications/${ID}`],
    [`/applications/${ID}`, ['auditor'], `/audit/applications/${ID}`],
    [`/applications/${ID}`, ['partner'], `/partner/projects/${ID}`],
    [`/approvals/${ID}`, ['officer'], '/officer/approvals'],
    [`/approvals/${ID}`, ['sponsor'], '/sponsor'],
    [`/admin/portfolio-policies/${ID}`, ['admin'], '/admin/portfolio-policies'],
    [`/admin/portfolio-policies/${ID}`, ['officer'], '/officer'],
    ['/somewhere/else', ['admin'], '/admin/users'],
  ] as const)('%s for %j → %s', (path, roles, expected) => {
    expect(consolePathFor(path, roles)).toBe(expected);
  });
});
