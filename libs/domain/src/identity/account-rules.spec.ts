import {
  accountRoleProblems,
  holdsStaffRole,
  roleGrantApprovalProblems,
  rolesNeedingApproval,
} from './account-rules.js';

const ORG = '0b6a1f7e-3c1d-4a8e-9f0e-2d3c4b5a6978';

describe('accountRoleProblems', () => {
  it.each([
    ['an officer', ['officer'], null],
    ['an auditor and an admin', ['auditor', 'admin'], null],
    ['an officer and a committee member', ['officer', 'committee'], null],
    ['a sponsor of an organisation', ['sponsor'], ORG],
  ])('accepts %s', (_name, roles, organizationId) => {
    expect(accountRoleProblems(roles, organizationId)).toEqual([]);
  });

  it.each([
    ['no role', [], null, 'roles', /at least one/],
    ['an unknown role', ['root'], null, 'roles', /unknown role/],
    [
      'admin with officer',
      ['admin', 'officer'],
      null,
      'roles',
      /segregation of duties: admin cannot be combined with officer/,
    ],
    [
      'admin with committee',
      ['committee', 'admin'],
      null,
      'roles',
      /admin cannot be combined with committee/,
    ],
    ['a sponsor with a staff role', ['sponsor', 'officer'], ORG, 'roles', /holds no other role/],
    ['a sponsor without organisation', ['sponsor'], null, 'organizationId', /needs organizationId/],
    ['staff with an organisation', ['auditor'], ORG, 'organizationId', /no organisation/],
  ])('refuses %s', (_name, roles, organizationId, field, message) => {
    const problems = accountRoleProblems(roles, organizationId);
    expect(problems).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
  });
});

describe('privileged grants and staff', () => {
  it('by default (issue 19) only granting admin waits for a second admin', () => {
    expect(rolesNeedingApproval([], ['officer', 'committee'], ['admin'])).toEqual([]);
    expect(rolesNeedingApproval([], ['admin'], ['admin'])).toEqual(['admin']);
    expect(rolesNeedingApproval(['auditor'], ['auditor', 'admin'], ['admin'])).toEqual(['admin']);
    expect(rolesNeedingApproval(['admin'], ['admin'], ['admin'])).toEqual([]);
  });

  it('names the roles of the stricter set a change adds', () => {
    const strict = ['admin', 'officer', 'committee'] as const;
    expect(rolesNeedingApproval([], ['officer', 'committee'], strict)).toEqual(['officer', 'committee']);
    expect(rolesNeedingApproval(['officer'], ['officer', 'committee'], strict)).toEqual(['committee']);
    expect(rolesNeedingApproval(['admin'], ['auditor'], strict)).toEqual([]);
    expect(rolesNeedingApproval([], ['auditor'], strict)).toEqual([]);
  });

  it('granting admin always waits, whatever the set says', () => {
    expect(rolesNeedingApproval([], ['admin'], [])).toEqual(['admin']);
    expect(rolesNeedingApproval([], ['officer'], [])).toEqual([]);
  });

  it('accepts an approval set of officer, committee and admin that holds admin', () => {
    expect(roleGrantApprovalProblems(['admin'])).toEqual([]);
    expect(roleGrantApprovalProblems(['admin', 'officer', 'committee'])).toEqual([]);
    expect(roleGrantApprovalProblems(['officer'])).toEqual(['it must include admin']);
    expect(roleGrantApprovalProblems(['admin', 'auditor'])).toEqual([
      'unknown role(s) auditor (allowed: officer, committee, admin)',
    ]);
  });

  it('staff are officers, committee members, auditors and admins', () => {
    expect(holdsStaffRole(['auditor'])).toBe(true);
    expect(holdsStaffRole(['sponsor'])).toBe(false);
    expect(holdsStaffRole([])).toBe(false);
  });
});
