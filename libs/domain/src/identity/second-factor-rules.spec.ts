import { secondFactorRequirement } from './second-factor-rules.js';

const CREATED = '2026-11-30T08:00:00.000Z';
const hoursLater = (hours: number) => new Date(Date.parse(CREATED) + hours * 3_600_000);
const REQUIRED = { staffTotp: 'required', graceHours: 72 } as const;

describe('secondFactorRequirement', () => {
  const officer = { roles: ['officer'], createdAt: CREATED, enrolled: false };

  it('lets an unenrolled staff account in with its password during the grace, saying by when to enrol', () => {
    expect(secondFactorRequirement(officer, REQUIRED, hoursLater(0))).toEqual({
      kind: 'enrolment_due',
      dueAt: new Date('2026-12-03T08:00:00.000Z'),
    });
    expect(secondFactorRequirement(officer, REQUIRED, hoursLater(71.99)).kind).toBe('enrolment_due');
  });

  it('asks for the enrolment once the grace is over (at dueAt exactly, and after)', () => {
    expect(secondFactorRequirement(officer, REQUIRED, hoursLater(72))).toEqual({ kind: 'enrolment' });
    expect(secondFactorRequirement(officer, REQUIRED, hoursLater(500))).toEqual({ kind: 'enrolment' });
  });

  it('gives no grace with AUTH_STAFF_MFA_GRACE_HOURS=0', () => {
    const none = { staffTotp: 'required', graceHours: 0 } as const;
    expect(secondFactorRequirement(officer, none, hoursLater(0))).toEqual({ kind: 'enrolment' });
  });

  it('always asks an enrolled account for its code, staff or not, whatever the setting and the age', () => {
    for (const roles of [['officer'], ['sponsor']]) {
      for (const staffTotp of ['required', 'off'] as const) {
        const account = { roles, createdAt: CREATED, enrolled: true };
        expect(secondFactorRequirement(account, { staffTotp, graceHours: 72 }, hoursLater(1))).toEqual({
          kind: 'code',
        });
      }
    }
  });

  it('asks nothing of a sponsor without a factor, nor of staff with AUTH_STAFF_MFA=off', () => {
    const sponsor = { roles: ['sponsor'], createdAt: CREATED, enrolled: false };
    expect(secondFactorRequirement(sponsor, REQUIRED, hoursLater(500))).toEqual({ kind: 'none' });
    expect(secondFactorRequirement(officer, { staffTotp: 'off', graceHours: 0 }, hoursLater(500))).toEqual({
      kind: 'none',
    });
  });

  it('counts every staff role, auditors included, and an account without a role as not staff', () => {
    for (const roles of [['committee'], ['auditor'], ['admin']]) {
      const account = { roles, createdAt: CREATED, enrolled: false };
      expect(secondFactorRequirement(account, REQUIRED, hoursLater(73))).toEqual({ kind: 'enrolment' });
    }
    const waiting = { roles: [], createdAt: CREATED, enrolled: false };
    expect(secondFactorRequirement(waiting, REQUIRED, hoursLater(73))).toEqual({ kind: 'none' });
  });
});
