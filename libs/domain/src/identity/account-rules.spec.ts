import { accountRoleProblems, holdsStaffRole, privilegedRolesAdded } from './account-rules.js';

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
  it('names the officer, committee and admin roles a change adds', () => {
    expect(privilegedRolesAdded([], ['officer', 'committee'])).toEqual(['officer', 'committee']);
    expect(privilegedRolesAdded(['officer'], ['officer', 'committee'])).toEqual(['committee']);
    expect(privilegedRolesAdded(['admin'], ['auditor'])).toEqual([]);
    expect(privilegedRolesAdded([], ['auditor'])).toEqual([]);
  });

  it('staff are officers, committee members, auditors and admins', () => {
    expect(holdsStaffRole(['auditor'])).toBe(true);
    expect(holdsStaffRole(['sponsor'])).toBe(false);
    expect(holdsStaffRole([])).toBe(false);
  });
});
