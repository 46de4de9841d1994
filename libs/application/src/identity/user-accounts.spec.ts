import { validateNewUserAccount } from './user-accounts.js';

describe('validateNewUserAccount', () => {
  const base = { email: 'a@fund.example', password: 'twelve chars', roles: ['officer'] };
  const org = '0b6a1f7e-3c1d-4a8e-9f0e-2d3c4b5a6978';

  it.each([
    ['a valid officer', base, null],
    ['admin with committee', { ...base, roles: ['admin', 'committee'] }, 'roles'],
    ['a valid sponsor', { ...base, roles: ['sponsor'], organizationId: org }, null],
    ['a bad email', { ...base, email: 'a@b' }, 'email'],
    ['no role', { ...base, roles: [] }, 'roles'],
    ['an unknown role', { ...base, roles: ['root'] }, 'roles'],
    ['a sponsor without organisation', { ...base, roles: ['sponsor'] }, 'organizationId'],
    ['a sponsor with a staff role', { ...base, roles: ['sponsor', 'admin'], organizationId: org }, 'roles'],
    ['staff with an organisation', { ...base, organizationId: org }, 'organizationId'],
    [
      'an organisation id that is no UUID',
      { ...base, roles: ['sponsor'], organizationId: 'x' },
      'organizationId',
    ],
  ])('%s', (_name, input, field) => {
    if (field === null) {
      expect(() => validateNewUserAccount(input)).not.toThrow();
    } else {
      expect(() => validateNewUserAccount(input)).toThrow(
        expect.objectContaining({ code: 'VALIDATION.FAILED', details: [expect.objectContaining({ field })] }),
      );
    }
  });

  it.each([
    ['an 11-character password', 'eleven char'],
    ['twelve spaces', ' '.repeat(12)],
    ['a common password', 'password1234'],
  ])('refuses %s with AUTH.PASSWORD_REJECTED', (_name, password) => {
    expect(() => validateNewUserAccount({ ...base, password })).toThrow(
      expect.objectContaining({
        code: 'AUTH.PASSWORD_REJECTED',
        details: [expect.objectContaining({ field: 'password' })],
      }),
    );
  });

  it('de-duplicates roles and trims the email', () => {
    expect(
      validateNewUserAccount({ ...base, email: ' a@fund.example ', roles: ['officer', 'officer'] }),
    ).toEqual({
      email: 'a@fund.example',
      roles: ['officer'],
      organizationId: null,
      // No locale given: English, the emails' fallback language (docs/notifications.md).
      locale: 'en',
    });
  });
});
