import { DomainError } from '../errors/domain-error.js';
import type { VoteDecision } from './committee.js';
import type { CommitteeRound, RoundVote } from './committee-round.js';
import { PIPELINE_GUARDS, SCREENING_CHECK_CODES, requiredEsgCheckCodes } from './pipeline-guards.js';
import type { CheckFact, PipelineCommand, PipelineState } from './pipeline-state.js';
import { SYSTEM_ACTOR, type Actor, type ActorRole } from './roles.js';
import { decide, withIcPackHash } from './stage-machine.js';
import { STAGES, type Stage } from './stages.js';

const ORG = 'org-1';
const QUORUM = 3;

const actors: Record<ActorRole, Actor> = {
  sponsor: { id: 'sponsor-1', roles: ['sponsor'], organizationId: ORG },
  officer: { id: 'officer-1', roles: ['officer'], organizationId: null },
  committee: { id: 'member-1', roles: ['committee'], organizationId: null },
  auditor: { id: 'auditor-1', roles: ['auditor'], organizationId: null },
  admin: { id: 'admin-1', roles: ['admin'], organizationId: null },
  partner: { id: 'partner-1', roles: ['partner'], organizationId: 'cofinancier-1' },
  system: SYSTEM_ACTOR,
};

const NOW = '2026-03-05T09:00:00.000Z';
const DECIDED = { type: 'committee_decided', quorum: QUORUM, now: NOW } as const;

function vote(userId: string, decision: VoteDecision): RoundVote {
  return { userId, decision, rationale: 'r', conflictOfInterest: false, conditions: [], castAt: NOW };
}

/** A round of members m1..m3 (the mover officer-0 excluded), open until after NOW, with these votes. */
function round(votes: RoundVote[], eligible = ['m1', 'm2', 'm3']): CommitteeRound {
  return {
    round: 1,
    movedToCommitteeBy: 'officer-0',
    eligibleMemberIds: eligible,
    openedAt: '2026-03-01T09:00:00.000Z',
    deadline: '2026-03-11T09:00:00.000Z',
    votes,
    closedAt: null,
    closeReason: null,
    outcome: null,
  };
}

function passing(codes: readonly string[], stage: Stage): CheckFact[] {
  return codes.map((code) => ({ code, stage, outcome: 'pass' as const }));
}

const ES_FACTS = { indigenousPeoplesPresent: false, tailingsFacility: false };

/** A state in which every guard of every move is met. */
function green(stage: Stage, overrides: Partial<PipelineState> = {}): PipelineState {
  return {
    applicationId: 'app-1',
    organizationId: ORG,
    stage,
    version: 7,
    assigneeId: null,
    inputProblems: [],
    esFacts: ES_FACTS,
    proposedCategory: 'B',
    confirmedCategory: 'B',
    checks: [
      ...passing(SCREENING_CHECK_CODES, 'screening'),
      ...passing(requiredEsgCheckCodes('B', ES_FACTS), 'esg_review'),
    ],
    screening: { result: 'clear', undisposedPotentialMatches: 0 },
    screeningJobDone: true,
    documentKinds: ['esia'],
    openInformationRequests: 0,
    pendingApprovals: 0,
    financingRecorded: true,
    latestAssessment: { id: 'ra-1', current: true, residualBand: 'moderate' },
    conditionsPrecedent: [{ id: 'cp-1', satisfied: true }],
    committee: round([vote('m1', 'approve'), vote('m2', 'approve'), vote('m3', 'reject')]),
    icPack: { assessmentId: 'ra-1', icPackHash: 'a'.repeat(64) },
    postClose: { forgeAmountUsd: 100_000_000, disbursedUsd: 100_000_000, repaidUsd: 100_000_000 },
    ...overrides,
  };
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function guardIds(fn: () => unknown): string[] {
  const error = errorOf(fn);
  expect(error.code).toBe('APPLICATION.GUARD_FAILED');
  return [...new Set(error.details.map((d) => d.guard ?? ''))].sort();
}

// ---------------------------------------------------------------------------------------------
// The whole (stage × command × role) table, generated from an independent statement of the graph.
// ---------------------------------------------------------------------------------------------

interface NamedCommand {
  name: string;
  command: PipelineCommand;
  role: ActorRole;
  /** A second role that may issue it (the committee round's close: the last voter or the deadline job). */
  alsoRole?: ActorRole;
  /** Stages the command is valid in, and where it leads (`null`: the stage does not change). */
  from: Partial<Record<Stage, Stage | null>>;
  /** Whether an open information request blocks it. */
  blockedByInformationRequest: boolean;
}

const BEFORE_APPROVAL: Stage[] = ['draft', 'submitted', 'screening', 'esg_review', 'financing', 'committee'];
const OPEN_AFTER_DRAFT: Stage[] = [
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
];
const all = (stages: Stage[], to: Stage | null) => Object.fromEntries(stages.map((s) => [s, to]));

const officerEdges: Partial<Record<Stage, Partial<Record<Stage, Stage>>>> = {
  esg_review: { screening: 'esg_review' },
  financing: { esg_review: 'financing', committee: 'financing' },
  committee: { financing: 'committee' },
  financed: { approved: 'financed' },
  rejected: all(OPEN_AFTER_DRAFT, 'rejected'),
  repaid: { monitoring: 'repaid' },
};

const COMMANDS: NamedCommand[] = [
  {
    name: 'submit',
    command: { type: 'submit' },
    role: 'sponsor',
    from: { draft: 'submitted' },
    blockedByInformationRequest: true,
  },
  {
    name: 'withdraw',
    command: { type: 'withdraw', reason: 'no longer needed' },
    role: 'sponsor',
    from: all(BEFORE_APPROVAL, 'withdrawn'),
    blockedByInformationRequest: false,
  },
  {
    name: 'screening_completed',
    command: { type: 'screening_completed' },
    role: 'system',
    from: { submitted: 'screening' },
    blockedByInformationRequest: true,
  },
  ...STAGES.map((to): NamedCommand => ({
    name: `transition→${to}`,
    command: { type: 'transition', to, reason: 'because' },
    role: 'officer',
    from: officerEdges[to] ?? {},
    blockedByInformationRequest: to !== 'rejected',
  })),
  {
    name: 'assign',
    command: { type: 'assign', assignee: { id: 'officer-2', roles: ['officer'] } },
    role: 'officer',
    from: all(OPEN_AFTER_DRAFT, null),
    blockedByInformationRequest: false,
  },
  {
    name: 'committee_decided',
    command: DECIDED,
    role: 'committee',
    alsoRole: 'system',
    from: { committee: 'approved' },
    blockedByInformationRequest: true,
  },
  {
    // green() has Σ disbursed = FORGE amount: the last dollar moves the project to monitoring.
    name: 'disbursed',
    command: { type: 'disbursed', disbursedUsd: 100_000_000 },
    role: 'officer',
    from: { financed: 'monitoring', disbursing: 'monitoring' },
    blockedByInformationRequest: false,
  },
  {
    name: 'write_off',
    command: { type: 'write_off', reason: 'borrower insolvent' },
    role: 'officer',
    from: all(['financed', 'disbursing', 'monitoring'], 'written_off'),
    blockedByInformationRequest: false,
  },
];

type Expected = 'allowed' | 'AUTH.FORBIDDEN' | 'APPLICATION.INVALID_TRANSITION' | 'APPLICATION.GUARD_FAILED';

interface Row {
  stage: Stage;
  name: string;
  role: ActorRole;
  met: Expected;
  blocked: Expected;
  cmd: NamedCommand;
}
const table: Row[] = [];
for (const stage of STAGES) {
  for (const cmd of COMMANDS) {
    for (const role of Object.keys(actors) as ActorRole[]) {
      let met: Expected;
      let blocked: Expected;
      if (role !== cmd.role && role !== cmd.alsoRole) met = blocked = 'AUTH.FORBIDDEN';
      else if (!(stage in cmd.from)) met = blocked = 'APPLICATION.INVALID_TRANSITION';
      else {
        met = 'allowed';
        blocked = cmd.blockedByInformationRequest ? 'APPLICATION.GUARD_FAILED' : 'allowed';
      }
      table.push({ stage, name: cmd.name, role, met, blocked, cmd });
    }
  }
}

function outcome(state: PipelineState, cmd: NamedCommand, role: ActorRole): Expected {
  try {
    decide(state, cmd.command, actors[role]);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code as Expected;
  }
}

describe('decide: every (stage, command, role)', () => {
  it('covers 14 stages × 21 commands × 7 actors', () => {
    expect(table).toHaveLength(14 * 21 * 7);
  });

  test.each(table)(
    '$stage · $name · $role → $met (guards met) / $blocked (information request open)',
    ({ stage, role, met, blocked, cmd }) => {
      expect(outcome(green(stage), cmd, role)).toBe(met);
      expect(outcome(green(stage, { openInformationRequests: 1 }), cmd, role)).toBe(blocked);
      if (met === 'allowed') {
        const { state, event } = decide(green(stage), cmd.command, actors[role]);
        const to = cmd.from[stage] ?? stage;
        expect(state.stage).toBe(to);
        expect(state.version).toBe(8);
        expect(event.before.stage).toBe(stage);
        expect(event.after.stage).toBe(to);
        expect(event.actor).toEqual({ id: actors[role].id, role });
        expect(event.context.version).toBe(8);
      }
    },
  );
});

describe('decide: events', () => {
  const officer = actors.officer;
  const eventCases: {
    name: string;
    state: PipelineState;
    command: PipelineCommand;
    role: ActorRole;
    action: string;
    kind: string;
  }[] = [
    {
      name: 'submit',
      state: green('draft'),
      command: { type: 'submit' },
      role: 'sponsor',
      action: 'application.submitted',
      kind: 'submit',
    },
    {
      name: 'screening',
      state: green('submitted'),
      command: { type: 'screening_completed' },
      role: 'system',
      action: 'application.stage_changed',
      kind: 'screening_completed',
    },
    {
      name: 'advance',
      state: green('screening'),
      command: { type: 'transition', to: 'esg_review' },
      role: 'officer',
      action: 'application.stage_changed',
      kind: 'advance',
    },
    {
      name: 'defer',
      state: green('committee'),
      command: { type: 'transition', to: 'financing', reason: 'x' },
      role: 'officer',
      action: 'application.stage_changed',
      kind: 'defer',
    },
    {
      name: 'close',
      state: green('approved'),
      command: { type: 'transition', to: 'financed' },
      role: 'officer',
      action: 'application.stage_changed',
      kind: 'close',
    },
    {
      name: 'reject',
      state: green('esg_review'),
      command: { type: 'transition', to: 'rejected', reason: 'x' },
      role: 'officer',
      action: 'application.rejected',
      kind: 'reject',
    },
    {
      name: 'withdraw',
      state: green('financing'),
      command: { type: 'withdraw', reason: 'x' },
      role: 'sponsor',
      action: 'application.withdrawn',
      kind: 'withdraw',
    },
    {
      name: 'committee',
      state: green('committee'),
      command: DECIDED,
      role: 'committee',
      action: 'committee.decided',
      kind: 'committee_decision',
    },
  ];
  it.each(eventCases)('$name writes $action ($kind)', ({ state, command, role, action, kind }) => {
    const { event } = decide(state, command, actors[role]);
    expect(event.action).toBe(action);
    expect(event.context.transition).toBe(kind);
    expect(event.subject).toEqual({ type: 'application', id: 'app-1' });
    expect(event.applicationId).toBe('app-1');
  });

  it('carries the reason, required for reject, defer and withdraw', () => {
    const reject = decide(
      green('screening'),
      { type: 'transition', to: 'rejected', reason: 'ineligible' },
      officer,
    );
    expect(reject.event.reason).toBe('ineligible');
    for (const [stage, command, actor] of [
      ['screening', { type: 'transition', to: 'rejected' }, officer],
      ['committee', { type: 'transition', to: 'financing', reason: '  ' }, officer],
      ['draft', { type: 'withdraw', reason: '' }, actors.sponsor],
    ] as [Stage, PipelineCommand, Actor][]) {
      const error = errorOf(() => decide(green(stage), command, actor));
      expect(error.code).toBe('VALIDATION.FAILED');
      expect(error.details).toEqual([{ field: 'reason', message: 'is required' }]);
    }
    expect(
      decide(green('screening'), { type: 'transition', to: 'esg_review' }, officer).event.reason,
    ).toBeNull();
  });

  it('submit queues screening and the first risk assessment, and marks screening pending', () => {
    const result = decide(green('draft'), { type: 'submit' }, actors.sponsor);
    expect(result.effects).toEqual(['queue.screening', 'queue.risk_assessment']);
    expect(result.state.screeningJobDone).toBe(false);
  });

  it('entering committee asks for a round, names the assessment and leaves the IC pack hash to fill', () => {
    const state = green('financing', { committee: null, icPack: null });
    const result = decide(state, { type: 'transition', to: 'committee' }, officer);
    expect(result.event.context).toEqual({
      transition: 'advance',
      version: 8,
      assessmentId: 'ra-1',
      icPackHash: null,
    });
    // The caller opens the round (members and deadline need I/O and the clock).
    expect(result.state.committee).toBeNull();
    expect(result.effects).toEqual(['ic_pack.freeze', 'committee.open_round']);
    const filled = withIcPackHash(result, 'f'.repeat(64));
    expect(filled.event.context.icPackHash).toBe('f'.repeat(64));
    expect(filled.state.icPack).toEqual({ assessmentId: 'ra-1', icPackHash: 'f'.repeat(64) });
    const given = decide(state, { type: 'transition', to: 'committee', icPackHash: 'e'.repeat(64) }, officer);
    expect(given.event.context.icPackHash).toBe('e'.repeat(64));
    expect(() =>
      withIcPackHash(decide(green('screening'), { type: 'transition', to: 'esg_review' }, officer), 'x'),
    ).toThrow(DomainError);
  });

  it('defer closes the committee round', () => {
    const result = decide(
      green('committee'),
      { type: 'transition', to: 'financing', reason: 'restructure' },
      officer,
    );
    expect(result.state.committee).toBeNull();
    expect(result.state.icPack).toBeNull();
    expect(result.effects).toEqual(['committee.close_round']);
  });

  it('the committee decision carries decision, tally, round, reason and the frozen IC pack hash', () => {
    const { state, event, effects } = decide(green('committee'), DECIDED, actors.committee);
    expect(state.stage).toBe('approved');
    expect(state.committee).toMatchObject({ outcome: 'approved', closeReason: 'all_voted', closedAt: NOW });
    expect(event.context).toMatchObject({
      decision: 'approved',
      round: 1,
      closeReason: 'all_voted',
      conditions: [],
      icPackHash: 'a'.repeat(64),
    });
    expect(event.context.tally).toMatchObject({
      approve: 2,
      reject: 1,
      nonAbstaining: 3,
      quorumReached: true,
    });
    expect(effects).toEqual(['committee.close_round']);
  });

  it('an approval carries the conditions proposed with approving votes', () => {
    const withConditions = round([
      { ...vote('m1', 'approve'), conditions: ['Hedge 50% of the copper price'] },
      vote('m2', 'approve'),
      vote('m3', 'approve'),
    ]);
    const { event } = decide(green('committee', { committee: withConditions }), DECIDED, actors.committee);
    expect(event.context.conditions).toEqual(['Hedge 50% of the copper price']);
  });

  it('a high residual band without unanimity makes the committee decision a rejection', () => {
    const state = green('committee', {
      latestAssessment: { id: 'ra-1', current: true, residualBand: 'high' },
    });
    const { state: next, event } = decide(state, DECIDED, actors.committee);
    expect(next.stage).toBe('rejected');
    expect(event.context.decision).toBe('rejected');
  });

  it('a waived concentration limit needs unanimity too (portfolio.md)', () => {
    const state = green('committee', {
      checks: [
        ...green('committee').checks,
        { code: 'PORTFOLIO.CONCENTRATION', stage: 'financing', outcome: 'waived' },
      ],
    });
    expect(decide(state, DECIDED, actors.committee).state.stage).toBe('rejected');
  });

  it('without quorum the round lapses: back to financing with the reason recorded, never blocked', () => {
    const state = green('committee', {
      pendingApprovals: 1,
      committee: round([vote('m1', 'approve'), vote('m2', 'abstain'), vote('m3', 'abstain')]),
    });
    const { state: next, event, effects } = decide(state, DECIDED, actors.committee);
    expect(next.stage).toBe('financing');
    expect(next.committee).toBeNull();
    expect(next.icPack).toBeNull();
    expect(event.action).toBe('application.stage_changed');
    expect(event.context).toMatchObject({
      transition: 'committee_lapse',
      decision: 'lapsed',
      closeReason: 'all_voted',
    });
    expect(event.reason).toBe('committee round 1 lapsed without quorum: 1 of 3 non-abstaining votes');
    expect(effects).toEqual(['committee.close_round']);
  });

  it('the deadline job (system) closes a round past its deadline, whoever has not voted', () => {
    const state = green('committee', { committee: round([vote('m1', 'approve')]) });
    const late = { ...DECIDED, now: '2026-03-11T09:00:00.000Z' };
    const { state: next, event } = decide(state, late, actors.system);
    expect(next.stage).toBe('financing');
    expect(event.actor).toEqual({ id: 'system', role: 'system' });
    expect(event.context).toMatchObject({ decision: 'lapsed', closeReason: 'deadline' });
    expect(event.context.tally).toMatchObject({ approve: 1, notVoted: 2 });
  });

  it('assign records the assignee before and after, in the same stage', () => {
    const { state, event } = decide(
      green('screening', { assigneeId: 'officer-9' }),
      { type: 'assign', assignee: { id: 'officer-2', roles: ['officer', 'committee'] } },
      officer,
    );
    expect(state.assigneeId).toBe('officer-2');
    expect(event.action).toBe('application.assigned');
    expect(event.before).toEqual({ stage: 'screening', assigneeId: 'officer-9' });
    expect(event.after).toEqual({ stage: 'screening', assigneeId: 'officer-2' });
  });

  it('assign refuses an assignee who is not an officer', () => {
    const error = errorOf(() =>
      decide(green('screening'), { type: 'assign', assignee: { id: 'u', roles: ['committee'] } }, officer),
    );
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.details[0]?.field).toBe('assigneeId');
  });

  it('never mutates the state it is given', () => {
    const state = green('financing', { committee: null });
    const copy = structuredClone(state);
    decide(state, { type: 'transition', to: 'committee' }, officer);
    expect(state).toEqual(copy);
  });
});

describe('decide: who and which version', () => {
  it('a sponsor of another organisation gets NOT_FOUND for any command', () => {
    const stranger: Actor = { id: 's2', roles: ['sponsor'], organizationId: 'org-2' };
    for (const command of [
      { type: 'submit' },
      { type: 'withdraw', reason: 'x' },
      { type: 'transition', to: 'rejected', reason: 'x' },
    ] as PipelineCommand[]) {
      expect(errorOf(() => decide(green('draft'), command, stranger)).code).toBe('APPLICATION.NOT_FOUND');
    }
  });

  it('a user with several roles acts with the one the command needs', () => {
    const both: Actor = { id: 'u', roles: ['committee', 'officer'], organizationId: null };
    const { event } = decide(green('screening'), { type: 'transition', to: 'esg_review' }, both);
    expect(event.actor).toEqual({ id: 'u', role: 'officer' });
  });

  it('a stale expectedVersion is a VERSION_CONFLICT; the current one passes', () => {
    const stale = errorOf(() =>
      decide(
        green('screening'),
        { type: 'transition', to: 'esg_review', expectedVersion: 6 },
        actors.officer,
      ),
    );
    expect(stale.code).toBe('APPLICATION.VERSION_CONFLICT');
    expect(
      decide(green('screening'), { type: 'transition', to: 'esg_review', expectedVersion: 7 }, actors.officer)
        .state.version,
    ).toBe(8);
  });

  it('an unknown target stage is an INVALID_TRANSITION', () => {
    const command = { type: 'transition', to: 'nowhere' } as unknown as PipelineCommand;
    expect(errorOf(() => decide(green('screening'), command, actors.officer)).code).toBe(
      'APPLICATION.INVALID_TRANSITION',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Every guard, failing alone and named.
// ---------------------------------------------------------------------------------------------

const G = PIPELINE_GUARDS;
const officerTo = (to: Stage, reason?: string): PipelineCommand => ({ type: 'transition', to, reason });
const withoutCheck = (state: PipelineState, code: string) => state.checks.filter((c) => c.code !== code);
const withOutcome = (state: PipelineState, code: string, outcome: CheckFact['outcome']) =>
  state.checks.map((c) => (c.code === code ? { ...c, outcome } : c));

const ES_A_IP = { indigenousPeoplesPresent: true, tailingsFacility: true };
function categoryA(overrides: Partial<PipelineState> = {}): PipelineState {
  return green('esg_review', {
    confirmedCategory: 'A',
    proposedCategory: 'A',
    esFacts: ES_A_IP,
    checks: [
      ...passing(SCREENING_CHECK_CODES, 'screening'),
      ...passing(requiredEsgCheckCodes('A', ES_A_IP), 'esg_review'),
    ],
    documentKinds: ['independent_es_review', 'fpic_evidence'],
    ...overrides,
  });
}

interface GuardCase {
  name: string;
  state: PipelineState;
  command: PipelineCommand;
  actor: Actor;
  guard: string;
}

const s = green('screening');
const e = green('esg_review');
const guardCases: GuardCase[] = [
  // draft → submitted
  {
    name: 'submit with a missing field',
    state: green('draft', { inputProblems: [{ field: 'title', message: 'is required' }] }),
    command: { type: 'submit' },
    actor: actors.sponsor,
    guard: G.inputValid,
  },
  {
    name: 'submit with an open information request',
    state: green('draft', { openInformationRequests: 2 }),
    command: { type: 'submit' },
    actor: actors.sponsor,
    guard: G.noOpenInformationRequest,
  },
  {
    name: 'submit with a pending approval',
    state: green('draft', { pendingApprovals: 1 }),
    command: { type: 'submit' },
    actor: actors.sponsor,
    guard: G.noPendingApproval,
  },
  // submitted → screening
  {
    name: 'screening job not done',
    state: green('submitted', { screeningJobDone: false }),
    command: { type: 'screening_completed' },
    actor: SYSTEM_ACTOR,
    guard: G.screeningJobDone,
  },
  {
    name: 'no screening result',
    state: green('submitted', { screening: null }),
    command: { type: 'screening_completed' },
    actor: SYSTEM_ACTOR,
    guard: G.screeningResultRecorded,
  },
  {
    name: 'no proposed category',
    state: green('submitted', { proposedCategory: null }),
    command: { type: 'screening_completed' },
    actor: SYSTEM_ACTOR,
    guard: G.categoryProposed,
  },
  {
    name: 'screening_completed with a pending approval',
    state: green('submitted', { pendingApprovals: 1 }),
    command: { type: 'screening_completed' },
    actor: SYSTEM_ACTOR,
    guard: G.noPendingApproval,
  },
  // screening → esg_review
  {
    name: 'eligibility check missing',
    state: green('screening', { checks: withoutCheck(s, 'ELIG.TICKET') }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.checksRequiredPresent,
  },
  {
    name: 'eligibility check needs review',
    state: green('screening', { checks: withOutcome(s, 'ELIG.TICKET', 'needs_review') }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.checksStageResolved,
  },
  {
    name: 'a fail check of another stage',
    state: green('screening', {
      checks: [...s.checks, { code: 'ESG.TAILINGS', stage: 'esg_review', outcome: 'fail' }],
    }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.checksNoFail,
  },
  {
    name: 'sanctions blocked',
    state: green('screening', { screening: { result: 'blocked', undisposedPotentialMatches: 0 } }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.screeningNotBlocked,
  },
  {
    name: 'potential match without disposition',
    state: green('screening', { screening: { result: 'review', undisposedPotentialMatches: 1 } }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.potentialMatchesDisposed,
  },
  {
    name: 'screening result unknown',
    state: green('screening', { screening: null }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.screeningResultRecorded,
  },
  {
    name: 're-screen pending',
    state: green('screening', { screeningJobDone: false }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.screeningJobDone,
  },
  {
    name: 'screening with an open information request',
    state: green('screening', { openInformationRequests: 1 }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.noOpenInformationRequest,
  },
  {
    name: 'screening with a pending waiver',
    state: green('screening', { pendingApprovals: 1 }),
    command: officerTo('esg_review'),
    actor: actors.officer,
    guard: G.noPendingApproval,
  },
  // esg_review → financing
  {
    name: 'category not confirmed',
    state: green('esg_review', { confirmedCategory: null }),
    command: officerTo('financing'),
    actor: actors.officer,
    guard: G.categoryConfirmed,
  },
  {
    name: 'ESG check missing for the category',
    state: green('esg_review', { checks: withoutCheck(e, 'TRANS.CONTRACTS') }),
    command: officerTo('financing'),
    actor: actors.officer,
    guard: G.checksRequiredPresent,
  },
  {
    name: 'ESG facts unknown',
    state: green('esg_review', { esFacts: null }),
    command: officerTo('financing'),
    actor: actors.officer,
    guard: G.checksRequiredPresent,
  },
  {
    name: 'ESG check needs review',
    state: green('esg_review', { checks: withOutcome(e, 'ESG.WATER', 'needs_review') }),
    command: officerTo('financing'),
    actor: actors.officer,
    guard: G.checksStageResolved,
  },
  {
    name: 'category A without independent review',
    state: categoryA({ documentKinds: ['fpic_evidence'] }),
    command: officerTo('financing'),
    actor: actors.officer,
    guard: G.independentReview,
  },
  {
    name: 'category A, Indigenous Peoples, no FPIC evidence',
    state: categoryA({ documentKinds: ['independent_es_review'] }),
    command: officerTo('financing'),
    actor: actors.officer,
    guard: G.fpicEvidence,
  },
  // financing → committee
  {
    name: 'no financing structure',
    state: green('financing', { financingRecorded: false }),
    command: officerTo('committee'),
    actor: actors.officer,
    guard: G.financingRecorded,
  },
  {
    name: 'no risk assessment',
    state: green('financing', { latestAssessment: null }),
    command: officerTo('committee'),
    actor: actors.officer,
    guard: G.assessmentCurrent,
  },
  {
    name: 'stale risk assessment',
    state: green('financing', { latestAssessment: { id: 'ra-1', current: false, residualBand: 'low' } }),
    command: officerTo('committee'),
    actor: actors.officer,
    guard: G.assessmentCurrent,
  },
  {
    name: 'a re-screen hit opened in financing',
    state: green('financing', {
      checks: [...s.checks, { code: 'SANCTIONS.PARTIES', stage: 'financing', outcome: 'needs_review' }],
    }),
    command: officerTo('committee'),
    actor: actors.officer,
    guard: G.checksStageResolved,
  },
  // committee → financing (defer)
  {
    name: 'defer with a pending risk override',
    state: green('committee', { pendingApprovals: 1 }),
    command: officerTo('financing', 'x'),
    actor: actors.officer,
    guard: G.noPendingApproval,
  },
  // committee → approved | rejected
  {
    name: 'the round is not due (a member has not voted, deadline ahead)',
    state: green('committee', { committee: round([vote('m1', 'approve'), vote('m2', 'approve')]) }),
    command: DECIDED,
    actor: actors.committee,
    guard: G.roundDue,
  },
  {
    name: 'no committee round',
    state: green('committee', { committee: null }),
    command: DECIDED,
    actor: actors.committee,
    guard: G.roundDue,
  },
  {
    name: 'the round is already closed',
    state: green('committee', {
      committee: {
        ...round([vote('m1', 'approve')]),
        closedAt: NOW,
        closeReason: 'deadline',
        outcome: 'lapsed',
      },
    }),
    command: DECIDED,
    actor: actors.committee,
    guard: G.roundDue,
  },
  {
    name: 'approval with a pending item',
    state: green('committee', { pendingApprovals: 1 }),
    command: DECIDED,
    actor: actors.committee,
    guard: G.noPendingApproval,
  },
  // approved → financed
  {
    name: 'a condition precedent unsatisfied',
    state: green('approved', {
      conditionsPrecedent: [
        { id: 'cp-1', satisfied: true },
        { id: 'cp-2', satisfied: false },
      ],
    }),
    command: officerTo('financed'),
    actor: actors.officer,
    guard: G.conditionsSatisfied,
  },
  {
    name: 'repaid with money still outstanding',
    state: green('monitoring', {
      postClose: { forgeAmountUsd: 100_000_000, disbursedUsd: 100_000_000, repaidUsd: 99_999_999 },
    }),
    command: officerTo('repaid'),
    actor: actors.officer,
    guard: G.repaymentComplete,
  },
  {
    name: 'repaid before any repayment is known',
    state: green('monitoring', { postClose: null }),
    command: officerTo('repaid'),
    actor: actors.officer,
    guard: G.repaymentComplete,
  },
  {
    name: 'conditions precedent unknown',
    state: green('approved', { conditionsPrecedent: null }),
    command: officerTo('financed'),
    actor: actors.officer,
    guard: G.conditionsSatisfied,
  },
  {
    name: 'close with a pending condition satisfaction',
    state: green('approved', { pendingApprovals: 1 }),
    command: officerTo('financed'),
    actor: actors.officer,
    guard: G.noPendingApproval,
  },
  {
    name: 'close with a fail check',
    state: green('approved', {
      checks: [...s.checks, { code: 'SANCTIONS.PARTIES', stage: 'screening', outcome: 'fail' }],
    }),
    command: officerTo('financed'),
    actor: actors.officer,
    guard: G.checksNoFail,
  },
  // withdraw
  {
    name: 'withdraw a blocked application',
    state: green('screening', { screening: { result: 'blocked', undisposedPotentialMatches: 0 } }),
    command: { type: 'withdraw', reason: 'x' },
    actor: actors.sponsor,
    guard: G.screeningNotBlocked,
  },
];

describe('decide: each guard fails alone and is named', () => {
  test.each(guardCases)('$name → $guard', (c) => {
    expect(guardIds(() => decide(c.state, c.command, c.actor))).toEqual([c.guard]);
  });

  it('every guard id is exercised', () => {
    expect(new Set(guardCases.map((c) => c.guard))).toEqual(new Set(Object.values(PIPELINE_GUARDS)));
  });

  it('the input problems are listed one by one with their field', () => {
    const state = green('draft', {
      inputProblems: [
        { field: 'title', message: 'is required' },
        { field: 'sponsor.equityPct', message: 'must be a number from 0 to 100' },
      ],
    });
    const error = errorOf(() => decide(state, { type: 'submit' }, actors.sponsor));
    expect(error.details.map((d) => [d.guard, d.field])).toEqual([
      [G.inputValid, 'title'],
      [G.inputValid, 'sponsor.equityPct'],
    ]);
  });

  it('lists every unmet guard at once', () => {
    const state = green('financing', {
      openInformationRequests: 1,
      pendingApprovals: 1,
      financingRecorded: false,
      latestAssessment: null,
      screeningJobDone: false,
      screening: { result: 'blocked', undisposedPotentialMatches: 3 },
      checks: [{ code: 'ELIG.COUNTRY', stage: 'financing', outcome: 'fail' }],
    });
    expect(guardIds(() => decide(state, officerTo('committee'), actors.officer))).toEqual(
      [
        G.noOpenInformationRequest,
        G.noPendingApproval,
        G.screeningJobDone,
        G.screeningNotBlocked,
        G.checksNoFail,
        G.checksStageResolved,
        G.financingRecorded,
        G.assessmentCurrent,
      ].sort(),
    );
  });

  it('an unmet guard is a 409-class GUARD_FAILED with a message per guard', () => {
    const error = errorOf(() =>
      decide(green('financing', { financingRecorded: false }), officerTo('committee'), actors.officer),
    );
    expect(error.details).toEqual([
      { guard: G.financingRecorded, message: 'no financing structure is recorded' },
    ]);
  });
});

describe('decide: reject and withdraw are never blocked by the review guards', () => {
  const worst = (stage: Stage) =>
    green(stage, {
      openInformationRequests: 1,
      pendingApprovals: 1,
      screeningJobDone: false,
      screening: { result: 'review', undisposedPotentialMatches: 2 },
      checks: [{ code: 'ELIG.COUNTRY', stage: 'screening', outcome: 'fail' }],
      latestAssessment: null,
      financingRecorded: false,
      conditionsPrecedent: null,
    });

  it.each(['submitted', 'screening', 'esg_review', 'financing', 'committee', 'approved'] as Stage[])(
    'an officer rejects from %s',
    (stage) => {
      const blocked = worst(stage);
      const withBlockedScreening = {
        ...blocked,
        screening: { result: 'blocked' as const, undisposedPotentialMatches: 0 },
      };
      expect(decide(blocked, officerTo('rejected', 'ineligible'), actors.officer).state.stage).toBe(
        'rejected',
      );
      expect(
        decide(withBlockedScreening, officerTo('rejected', 'sanctions'), actors.officer).state.stage,
      ).toBe('rejected');
    },
  );

  it.each(['draft', 'submitted', 'screening', 'esg_review', 'financing', 'committee'] as Stage[])(
    'the sponsor withdraws from %s',
    (stage) => {
      expect(
        decide(worst(stage), { type: 'withdraw', reason: 'changed plans' }, actors.sponsor).state.stage,
      ).toBe('withdrawn');
    },
  );

  it('a committee rejection is applied even with an open information request', () => {
    const state = green('committee', {
      openInformationRequests: 1,
      committee: round([vote('m1', 'reject'), vote('m2', 'reject'), vote('m3', 'approve')]),
    });
    expect(decide(state, DECIDED, actors.committee).state.stage).toBe('rejected');
  });
});

describe('after close (monitoring.md)', () => {
  const money = (disbursedUsd: number, repaidUsd = 0) => ({
    forgeAmountUsd: 100_000_000,
    disbursedUsd,
    repaidUsd,
  });

  it.each([
    ['the first partial disbursement', 'financed', 0, 40_000_000, 'disbursing', ['disbursing']],
    ['a single full disbursement', 'financed', 0, 100_000_000, 'monitoring', ['disbursing', 'monitoring']],
    ['another partial one', 'disbursing', 40_000_000, 70_000_000, 'disbursing', ['disbursing']],
    ['the last dollar', 'disbursing', 70_000_000, 100_000_000, 'monitoring', ['monitoring']],
  ] as const)('%s: %s → %s', (_name, stage, before, after, to, path) => {
    const { state, event } = decide(
      green(stage, { postClose: money(before) }),
      { type: 'disbursed', disbursedUsd: after },
      actors.officer,
    );
    expect(state.stage).toBe(to);
    expect(state.postClose?.disbursedUsd).toBe(after);
    expect(event.context).toMatchObject({ transition: 'disburse', disbursedUsd: after, path });
  });

  it('Σ disbursed never passes the FORGE amount, and nothing is disbursed before close', () => {
    expect(
      errorOf(() =>
        decide(
          green('disbursing', { postClose: money(1) }),
          { type: 'disbursed', disbursedUsd: 100_000_001 },
          actors.officer,
        ),
      ).details[0].guard,
    ).toBe('disbursement.within_amount');
    expect(
      errorOf(() =>
        decide(
          green('financed', { postClose: null }),
          { type: 'disbursed', disbursedUsd: 1 },
          actors.officer,
        ),
      ).code,
    ).toBe('APPLICATION.INVALID_TRANSITION');
  });

  it('a write-off needs a reason; nothing leaves repaid or written_off', () => {
    expect(
      errorOf(() => decide(green('monitoring'), { type: 'write_off', reason: ' ' }, actors.officer)).code,
    ).toBe('VALIDATION.FAILED');
    for (const stage of ['repaid', 'written_off'] as const) {
      for (const command of [
        officerTo('monitoring'),
        { type: 'write_off', reason: 'x' } as const,
        officerTo('rejected'),
      ]) {
        expect(errorOf(() => decide(green(stage), command, actors.officer)).code).toBe(
          'APPLICATION.INVALID_TRANSITION',
        );
      }
    }
  });

  it('a financed project is neither rejected nor withdrawn', () => {
    for (const stage of ['financed', 'disbursing', 'monitoring'] as const) {
      expect(errorOf(() => decide(green(stage), officerTo('rejected'), actors.officer)).code).toBe(
        'APPLICATION.INVALID_TRANSITION',
      );
      expect(
        errorOf(() => decide(green(stage), { type: 'withdraw', reason: 'x' }, actors.sponsor)).code,
      ).toBe('APPLICATION.INVALID_TRANSITION');
    }
  });
});
