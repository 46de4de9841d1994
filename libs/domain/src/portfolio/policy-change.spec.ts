import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../pipeline/roles.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import { assertPolicyProposable, decidePolicyProposal, type PolicyProposalFact } from './policy-change.js';

const admin = (id: string): Actor => ({ id, roles: ['admin'], organizationId: null });
const officer: Actor = { id: 'o1', roles: ['officer'], organizationId: null };
const v110 = { ...FORGE_PP_1_0_0, version: '1.1.0' };
const known = { versions: [{ policy: 'FORGE-PP', version: '1.0.0' }], pending: null };
const pending: PolicyProposalFact = {
  id: 'p1',
  policy: 'FORGE-PP',
  version: '1.1.0',
  proposedBy: 'a1',
  status: 'pending',
};

describe('proposing a policy version', () => {
  it('is open to an admin with a new, later version', () => {
    expect(() => assertPolicyProposable(admin('a1'), v110, known)).not.toThrow();
  });
  it.each([
    ['a non-admin', officer, v110, known, 'AUTH.FORBIDDEN'],
    ['while another is pending', admin('a1'), v110, { ...known, pending }, 'POLICY.PROPOSAL_PENDING'],
    ['an existing version', admin('a1'), FORGE_PP_1_0_0, known, 'POLICY.VERSION_EXISTS'],
    [
      'an earlier version',
      admin('a1'),
      { ...FORGE_PP_1_0_0, version: '0.9.0' },
      known,
      'POLICY.VERSION_NOT_LATER',
    ],
  ] as const)('refuses %s', (_name, actor, params, state, code) => {
    expect(() => assertPolicyProposable(actor, params, state)).toThrow(expect.objectContaining({ code }));
  });
});

describe('deciding a proposal (four eyes)', () => {
  it.each([
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const)('a second admin may %s it', (decision, status) => {
    expect(decidePolicyProposal(pending, admin('a2'), decision)).toBe(status);
  });
  it.each([
    ['its maker', admin('a1'), pending, 'APPROVAL.SELF_APPROVAL'],
    ['a non-admin', officer, pending, 'AUTH.FORBIDDEN'],
    ['anyone, once decided', admin('a2'), { ...pending, status: 'approved' as const }, 'POLICY.NOT_PENDING'],
  ] as const)('refuses %s', (_name, actor, proposal, code) => {
    expect(() => decidePolicyProposal(proposal, actor, 'approve')).toThrow(expect.objectContaining({ code }));
  });
});
