import {
  canReadApplication,
  isForeignSponsor,
  NOTHING,
  READ_ACCESS,
  readCondition,
  type ApplicationAccessFacts,
} from './read-access.js';
import { ROLES, SYSTEM_ACTOR, type Actor, type ActorRole } from './roles.js';
import { STAGE_TRAITS, STAGES, type Stage } from './stages.js';

const ORG = 'org-1';
const actors: Record<ActorRole, Actor> = {
  sponsor: { id: 'sponsor-1', roles: ['sponsor'], organizationId: ORG },
  officer: { id: 'officer-1', roles: ['officer'], organizationId: null },
  committee: { id: 'member-1', roles: ['committee'], organizationId: null },
  auditor: { id: 'auditor-1', roles: ['auditor'], organizationId: null },
  admin: { id: 'admin-1', roles: ['admin'], organizationId: null },
  partner: { id: 'partner-1', roles: ['partner'], organizationId: 'cofinancier-1' },
  system: SYSTEM_ACTOR,
};
const app = (
  stage: Stage,
  reachedCommittee = false,
  organizationId = ORG,
  cofinancierOrganizationIds: string[] = [],
): ApplicationAccessFacts => ({
  organizationId,
  stage,
  reachedCommittee,
  cofinancierOrganizationIds,
});

describe('READ_ACCESS', () => {
  it('has a row for every role and for the system', () => {
    expect(Object.keys(READ_ACCESS).sort()).toEqual([...ROLES, 'system'].sort());
  });

  it('sponsors read their own organisation only, in every stage', () => {
    for (const stage of STAGES) {
      expect(canReadApplication(actors.sponsor, app(stage))).toBe(true);
      expect(canReadApplication(actors.sponsor, app(stage, true, 'org-2'))).toBe(false);
    }
    expect(canReadApplication({ ...actors.sponsor, organizationId: null }, app('draft'))).toBe(false);
  });

  it.each(['officer', 'auditor', 'admin', 'system'] as const)('%s reads everything', (role) => {
    for (const stage of STAGES) expect(canReadApplication(actors[role], app(stage, false, 'x'))).toBe(true);
  });

  it.each([
    ['draft', false, false],
    ['submitted', false, false],
    ['screening', false, false],
    ['esg_review', false, false],
    ['financing', false, false],
    ['financing', true, false],
    ['committee', false, true],
    ['approved', true, true],
    ['financed', true, true],
    ['rejected', true, true],
    ['rejected', false, false],
    ['withdrawn', true, true],
    ['withdrawn', false, false],
  ] as [Stage, boolean, boolean][])(
    'committee members read %s (reached committee: %s): %s',
    (stage, reached, can) => {
      expect(canReadApplication(actors.committee, app(stage, reached))).toBe(can);
    },
  );

  it('partners read what their organisation co-finances, from committee on, and nothing else', () => {
    for (const stage of STAGES) {
      // From committee on: in committee or later, or closed after reaching it (as committee members read).
      const fromCommittee = STAGE_TRAITS[stage].committeeOnward || STAGE_TRAITS[stage].terminal;
      expect(canReadApplication(actors.partner, app(stage, true, ORG, ['cofinancier-1']))).toBe(
        fromCommittee,
      );
      expect(canReadApplication(actors.partner, app(stage, false, ORG, ['cofinancier-1']))).toBe(
        STAGE_TRAITS[stage].committeeOnward,
      );
      expect(canReadApplication(actors.partner, app(stage, true, ORG, ['cofinancier-2']))).toBe(false);
      expect(canReadApplication(actors.partner, app(stage, true, ORG, []))).toBe(false);
    }
    const orphan: Actor = { ...actors.partner, organizationId: null };
    expect(canReadApplication(orphan, app('committee', true, ORG, ['cofinancier-1']))).toBe(false);
  });

  it('a user with several roles reads what any of them reads', () => {
    const both: Actor = { id: 'u', roles: ['sponsor', 'committee'], organizationId: 'org-2' };
    expect(canReadApplication(both, app('draft', false, 'org-2'))).toBe(true);
    expect(canReadApplication(both, app('committee'))).toBe(true);
    expect(canReadApplication(both, app('draft'))).toBe(false);
  });

  it('a role without a row reads nothing', () => {
    expect(readCondition({ id: 'x', roles: [], organizationId: null })).toEqual(NOTHING);
    expect(
      canReadApplication({ id: 'x', roles: ['nobody' as ActorRole], organizationId: ORG }, app('draft')),
    ).toBe(false);
  });
});

describe('isForeignSponsor', () => {
  it('is true for a sponsor of another organisation only', () => {
    expect(isForeignSponsor({ ...actors.sponsor, organizationId: 'org-2' }, ORG)).toBe(true);
    expect(isForeignSponsor(actors.sponsor, ORG)).toBe(false);
    for (const role of ['officer', 'committee', 'auditor', 'admin', 'partner', 'system'] as const) {
      expect(isForeignSponsor(actors[role], ORG)).toBe(false);
    }
  });

  it('is false for a sponsor who also holds a cross-organisation role', () => {
    const both: Actor = { id: 'u', roles: ['sponsor', 'auditor'], organizationId: 'org-2' };
    expect(isForeignSponsor(both, ORG)).toBe(false);
  });
});
