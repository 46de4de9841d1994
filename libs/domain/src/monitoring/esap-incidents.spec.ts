import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { createEsapItem, isEsapItemOverdue, reviewEsapItem, updateEsapItem, type EsapItem } from './esap.js';
import {
  addIncidentUpdate,
  closeIncident,
  isLateReport,
  isSeriousIncident,
  reportIncident,
} from './incidents.js';

const sponsor: Actor = { id: 'sponsor-1', roles: ['sponsor'], organizationId: 'org-1' };
const otherSponsor: Actor = { id: 'sponsor-9', roles: ['sponsor'], organizationId: 'org-9' };
const officer: Actor = { id: 'officer-1', roles: ['officer'], organizationId: null };
const auditor: Actor = { id: 'auditor-1', roles: ['auditor'], organizationId: null };
const NOW = '2027-03-01T10:00:00.000Z';
const scope = (stage = 'monitoring') => ({ applicationId: 'app-1', organizationId: 'org-1', stage });

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('ESAP items', () => {
  const item = (): EsapItem =>
    createEsapItem(
      scope('esg_review'),
      { description: 'Water management plan', standard: 'PS3', dueDate: '2027-06-30' },
      officer,
      { id: 'esap-1', now: NOW },
    );

  it('an officer creates an open item from esg_review on', () => {
    expect(item()).toMatchObject({ id: 'esap-1', standard: 'PS3', status: 'open', evidenceDocumentIds: [] });
  });

  it.each([
    ['PS9', '2027-06-30', 'standard'],
    ['PS1', '2027-02-28', 'dueDate'],
    ['PS1', '2027-02-30', 'dueDate'],
  ])('refuses standard %s due %s', (standard, dueDate, field) => {
    const error = errorOf(() =>
      createEsapItem(scope(), { description: 'x', standard, dueDate }, officer, { id: 'e', now: NOW }),
    );
    expect(error.details.map((d) => d.field)).toEqual([field]);
  });

  it.each([
    ['a sponsor', scope(), sponsor, 'AUTH.FORBIDDEN'],
    ['in screening', scope('screening'), officer, 'APPLICATION.INVALID_TRANSITION'],
    ['once repaid', scope('repaid'), officer, 'APPLICATION.INVALID_TRANSITION'],
  ])('not by %s', (_name, s, actor, code) => {
    expect(
      errorOf(() =>
        createEsapItem(s, { description: 'x', standard: 'PS1', dueDate: '2027-06-30' }, actor, {
          id: 'e',
          now: NOW,
        }),
      ).code,
    ).toBe(code);
  });

  it('the sponsor works on it and attaches evidence; done needs evidence; an officer verifies', () => {
    const started = updateEsapItem(scope(), item(), { status: 'in_progress' }, sponsor, NOW);
    expect(started.status).toBe('in_progress');
    expect(
      errorOf(() => updateEsapItem(scope(), started, { status: 'done' }, sponsor, NOW)).details[0].field,
    ).toBe('evidenceDocumentIds');
    const done = updateEsapItem(
      scope(),
      started,
      { status: 'done', evidenceDocumentIds: ['doc-1'], note: 'plan adopted' },
      sponsor,
      NOW,
    );
    expect(done).toMatchObject({ status: 'done', evidenceDocumentIds: ['doc-1'], note: 'plan adopted' });
    const returned = reviewEsapItem(scope(), done, 'return', 'needs the monitoring annex', officer, NOW);
    expect(returned.status).toBe('in_progress');
    const verified = reviewEsapItem(scope(), { ...done }, 'verify', 'checked on site', officer, NOW);
    expect(verified).toMatchObject({ status: 'verified', verifiedBy: 'officer-1' });
    expect(
      errorOf(() => updateEsapItem(scope(), verified, { status: 'in_progress' }, sponsor, NOW)).code,
    ).toBe('ESAP.STATE_CONFLICT');
  });

  it.each([
    ['verify by the sponsor', { status: 'verified' }, sponsor, 'VALIDATION.FAILED'],
    ['unknown status', { status: 'closed' }, sponsor, 'VALIDATION.FAILED'],
    ['another organisation', { status: 'in_progress' }, otherSponsor, 'APPLICATION.NOT_FOUND'],
    ['an auditor', { status: 'in_progress' }, auditor, 'AUTH.FORBIDDEN'],
    ['nothing', {}, sponsor, 'VALIDATION.FAILED'],
    ['bad documents', { evidenceDocumentIds: [3] }, sponsor, 'VALIDATION.FAILED'],
  ])('update refused: %s', (_name, input, actor, code) => {
    expect(errorOf(() => updateEsapItem(scope(), item(), input, actor, NOW)).code).toBe(code);
  });

  it('reviews only done items, by officers, with a note', () => {
    expect(errorOf(() => reviewEsapItem(scope(), item(), 'verify', 'ok', officer, NOW)).code).toBe(
      'ESAP.STATE_CONFLICT',
    );
    const done = { ...item(), status: 'done' as const, evidenceDocumentIds: ['d'] };
    expect(errorOf(() => reviewEsapItem(scope(), done, 'verify', 'ok', sponsor, NOW)).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(errorOf(() => reviewEsapItem(scope(), done, 'verify', '', officer, NOW)).code).toBe(
      'VALIDATION.FAILED',
    );
    expect(errorOf(() => reviewEsapItem(scope(), done, 'approve', 'ok', officer, NOW)).code).toBe(
      'VALIDATION.FAILED',
    );
  });

  it.each([
    ['open, before the due date', 'open', '2027-06-30T23:59:59Z', false],
    ['open, the day after', 'open', '2027-07-01T00:00:00Z', true],
    ['done but not verified, after', 'done', '2027-07-02T00:00:00Z', true],
    ['verified, after', 'verified', '2028-01-01T00:00:00Z', false],
  ] as const)('overdue: %s', (_name, status, now, overdue) => {
    expect(isEsapItemOverdue({ dueDate: '2027-06-30', status }, now)).toBe(overdue);
  });
});

describe('incidents', () => {
  it.each([
    ['fatality', 1, true],
    ['tailings', 2, true],
    ['spill', 3, true],
    ['spill', 2, false],
    ['community_conflict', 1, false],
  ] as const)('%s severity %d serious: %p', (kind, severity, serious) => {
    expect(isSeriousIncident(kind, severity)).toBe(serious);
  });

  it.each([
    ['serious, within 72 hours', true, '2027-03-01T10:00:00Z', '2027-03-04T10:00:00Z', false],
    ['serious, a minute past 72 hours', true, '2027-03-01T10:00:00Z', '2027-03-04T10:01:00Z', true],
    ['not serious, a month later', false, '2027-03-01T10:00:00Z', '2027-04-01T10:00:00Z', false],
  ])('late: %s', (_name, serious, occurredAt, reportedAt, late) => {
    expect(isLateReport(serious, occurredAt, reportedAt)).toBe(late);
  });

  it('a late serious incident goes on the watchlist and queues a re-assessment', () => {
    const reported = reportIncident(
      scope(),
      {
        occurredAt: '2027-02-20T08:00:00Z',
        kind: 'tailings',
        severity: 2,
        description: 'seepage at the TSF toe',
      },
      sponsor,
      { id: 'inc-1', now: NOW },
    );
    expect(reported.incident).toMatchObject({
      serious: true,
      late: true,
      status: 'open',
      reportedBy: 'sponsor-1',
    });
    expect(reported.watchlist).toEqual({
      kind: 'incident',
      ref: 'inc-1',
      detail: 'tailings incident, severity 2, on 2027-02-20 (reported late)',
    });
    expect(reported.queueReassessment).toBe(true);
  });

  it('a minor incident does neither', () => {
    const reported = reportIncident(
      scope('disbursing'),
      { occurredAt: '2027-02-20T08:00:00Z', kind: 'other', severity: 1, description: 'road blocked' },
      officer,
      { id: 'inc-2', now: NOW },
    );
    expect(reported).toMatchObject({
      watchlist: null,
      queueReassessment: false,
      incident: { late: false, serious: false },
    });
  });

  it.each([
    [
      'in the future',
      { occurredAt: '2027-03-02T00:00:00Z', kind: 'spill', severity: 1, description: 'x' },
      ['occurredAt'],
    ],
    ['not a time', { occurredAt: 'last week', kind: 'spill', severity: 1, description: 'x' }, ['occurredAt']],
    [
      'unknown kind and severity',
      { occurredAt: NOW, kind: 'flood', severity: 4, description: '' },
      ['kind', 'severity', 'description'],
    ],
    ['severity as text', { occurredAt: NOW, kind: 'spill', severity: '3', description: 'x' }, ['severity']],
  ])('refuses an incident %s', (_name, input, fields) => {
    expect(
      errorOf(() => reportIncident(scope(), input, sponsor, { id: 'i', now: NOW })).details.map(
        (d) => d.field,
      ),
    ).toEqual(fields);
  });

  it.each([
    ['another organisation', scope(), otherSponsor, 'APPLICATION.NOT_FOUND'],
    ['an auditor', scope(), auditor, 'AUTH.FORBIDDEN'],
    ['before close', scope('approved'), sponsor, 'APPLICATION.INVALID_TRANSITION'],
    ['after repayment', scope('repaid'), officer, 'APPLICATION.INVALID_TRANSITION'],
  ])('refuses a report by %s', (_name, s, actor, code) => {
    const input = { occurredAt: NOW, kind: 'spill', severity: 1, description: 'x' };
    expect(errorOf(() => reportIncident(s, input, actor, { id: 'i', now: NOW })).code).toBe(code);
  });

  it('root cause and corrective actions follow; an officer closes it', () => {
    const { incident } = reportIncident(
      scope(),
      { occurredAt: NOW, kind: 'spill', severity: 3, description: 'x' },
      officer,
      {
        id: 'inc-3',
        now: NOW,
      },
    );
    const updated = addIncidentUpdate(
      scope(),
      incident,
      { kind: 'root_cause', text: 'valve failure' },
      sponsor,
      NOW,
    );
    expect(updated.updates).toEqual([
      { kind: 'root_cause', text: 'valve failure', authorId: 'sponsor-1', at: NOW },
    ]);
    expect(errorOf(() => closeIncident(updated, 'fixed', sponsor, NOW)).code).toBe('AUTH.FORBIDDEN');
    const closed = closeIncident(updated, 'valve replaced, soil remediated', officer, NOW);
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'officer-1' });
    expect(errorOf(() => closeIncident(closed, 'again', officer, NOW)).code).toBe('INCIDENT.STATE_CONFLICT');
    expect(
      errorOf(() => addIncidentUpdate(scope(), closed, { kind: 'note', text: 'x' }, sponsor, NOW)).code,
    ).toBe('INCIDENT.STATE_CONFLICT');
    expect(
      errorOf(() => addIncidentUpdate(scope(), updated, { kind: 'blame', text: 'x' }, sponsor, NOW)).code,
    ).toBe('VALIDATION.FAILED');
  });
});
