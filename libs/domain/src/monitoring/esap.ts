import type { FieldProblem } from '../application/ownership-tree.js';
import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { isIsoDate, isoDateOf, parseInstant } from '../deadlines/time.js';
import {
  actingRole,
  checkOneOf,
  checkText,
  requireRole,
  requireVisible,
  throwIfProblems,
  validationFailed,
  wrongStage,
} from './monitoring-validation.js';

/**
 * monitoring.md "Environmental and Social Action Plan": items created by officers during
 * `esg_review` or later, against an IFC Performance Standard, with a due date and evidence. The
 * sponsor updates status and attaches evidence; an officer verifies.
 */
export const PERFORMANCE_STANDARDS = ['PS1', 'PS2', 'PS3', 'PS4', 'PS5', 'PS6', 'PS7', 'PS8'] as const;
export type PerformanceStandard = (typeof PERFORMANCE_STANDARDS)[number];

export const ESAP_STATUSES = ['open', 'in_progress', 'done', 'verified'] as const;
export type EsapStatus = (typeof ESAP_STATUSES)[number];

/** Where ESAP items are created and worked on: from `esg_review` to the end of monitoring. */
export const ESAP_STAGES: readonly string[] = [
  'esg_review',
  'financing',
  'committee',
  'approved',
  'financed',
  'disbursing',
  'monitoring',
];

export interface EsapItem {
  id: string;
  applicationId: string;
  description: string;
  standard: PerformanceStandard;
  dueDate: string;
  status: EsapStatus;
  evidenceDocumentIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  /** The last note (sponsor's update, officer's verification or return). */
  note: string | null;
}

/** Status changes the sponsor (or an officer on its behalf) may make. `verified` is the officer's. */
const SPONSOR_MOVES: Readonly<Record<EsapStatus, readonly EsapStatus[]>> = {
  open: ['in_progress', 'done'],
  in_progress: ['open', 'done'],
  done: ['in_progress'],
  verified: [],
};

export const MAX_ESAP_DESCRIPTION = 2000;
export const MAX_EVIDENCE_DOCUMENTS = 50;

interface EsapScope {
  applicationId: string;
  organizationId: string;
  stage: string;
}

function requireEsapStage(stage: string): void {
  if (!ESAP_STAGES.includes(stage))
    throw wrongStage(stage, 'ESAP items are kept from esg_review to the end of monitoring');
}

/** An officer creates an item. The due date may not be before the day of creation. */
export function createEsapItem(
  scope: EsapScope,
  input: { description: unknown; standard: unknown; dueDate: unknown },
  actor: Actor,
  ids: { id: string; now: string },
): EsapItem {
  requireRole(actor, ['officer'], 'creating an ESAP item');
  requireEsapStage(scope.stage);
  const nowMs = parseInstant(ids.now, 'now');
  const problems: FieldProblem[] = [];
  const description = checkText(input.description, 'description', MAX_ESAP_DESCRIPTION, problems);
  const standard = checkOneOf(input.standard, PERFORMANCE_STANDARDS, 'standard', problems);
  const dueDate = isIsoDate(input.dueDate) ? input.dueDate : null;
  if (dueDate === null) {
    problems.push({ field: 'dueDate', message: 'must be a date YYYY-MM-DD' });
  } else if (dueDate < isoDateOf(nowMs)) {
    problems.push({ field: 'dueDate', message: 'must not be in the past' });
  }
  if (dueDate === null || problems.length > 0) throw validationFailed(problems, 'invalid ESAP item');
  const at = new Date(nowMs).toISOString();
  return {
    id: ids.id,
    applicationId: scope.applicationId,
    description,
    standard,
    dueDate,
    status: 'open',
    evidenceDocumentIds: [],
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
    verifiedBy: null,
    verifiedAt: null,
    note: null,
  };
}

/**
 * The sponsor (or an officer) updates an item's status and attaches evidence (document ids of the
 * application, added to those already attached). `done` needs at least one evidence document.
 * A verified item is closed (`ESAP.STATE_CONFLICT`, 409).
 */
export function updateEsapItem(
  scope: EsapScope,
  item: EsapItem,
  input: { status?: unknown; evidenceDocumentIds?: unknown; note?: unknown },
  actor: Actor,
  now: string,
): EsapItem {
  requireVisible(actor, scope.organizationId);
  actingRole(actor, ['sponsor', 'officer']);
  requireEsapStage(scope.stage);
  if (item.status === 'verified')
    throw new DomainError('ESAP.STATE_CONFLICT', 'the item is verified: it is closed');
  const problems: FieldProblem[] = [];
  const status =
    input.status === undefined ? item.status : checkOneOf(input.status, ESAP_STATUSES, 'status', problems);
  let added: string[] = [];
  const listed = input.evidenceDocumentIds;
  if (listed !== undefined) {
    if (
      Array.isArray(listed) &&
      listed.every((d: unknown): d is string => typeof d === 'string' && d !== '')
    ) {
      added = listed;
    } else {
      problems.push({ field: 'evidenceDocumentIds', message: 'must be a list of document ids' });
    }
  }
  let note = item.note;
  if (input.note !== undefined) note = checkText(input.note, 'note', 2000, problems);
  throwIfProblems(problems, 'invalid ESAP update');
  if (status === 'verified') {
    throw new DomainError('VALIDATION.FAILED', 'only an officer verifies an item (verify)', [
      { field: 'status', message: 'must be open, in_progress or done' },
    ]);
  }
  if (status !== item.status && !SPONSOR_MOVES[item.status].includes(status)) {
    throw new DomainError('ESAP.STATE_CONFLICT', `an item cannot go from ${item.status} to ${status}`);
  }
  const evidence = [...new Set([...item.evidenceDocumentIds, ...added])];
  if (evidence.length > MAX_EVIDENCE_DOCUMENTS) {
    throw new DomainError('VALIDATION.FAILED', 'too many evidence documents', [
      { field: 'evidenceDocumentIds', message: `at most ${MAX_EVIDENCE_DOCUMENTS} per item` },
    ]);
  }
  if (status === 'done' && evidence.length === 0) {
    throw new DomainError('VALIDATION.FAILED', 'an item is done with evidence', [
      { field: 'evidenceDocumentIds', message: 'at least one evidence document is needed for done' },
    ]);
  }
  if (status === item.status && added.length === 0 && note === item.note) {
    throw new DomainError('VALIDATION.FAILED', 'nothing to update', [
      { field: 'status', message: 'nothing changes' },
    ]);
  }
  return {
    ...item,
    status,
    evidenceDocumentIds: evidence,
    note,
    updatedAt: new Date(parseInstant(now, 'now')).toISOString(),
  };
}

/**
 * An officer reviews a `done` item: `verify` closes it; `return` sends it back to `in_progress`
 * with the officer's note. A note is required either way.
 */
export function reviewEsapItem(
  scope: EsapScope,
  item: EsapItem,
  decision: unknown,
  note: unknown,
  actor: Actor,
  now: string,
): EsapItem {
  requireRole(actor, ['officer'], 'verifying an ESAP item');
  requireEsapStage(scope.stage);
  const problems: FieldProblem[] = [];
  checkOneOf(decision, ['verify', 'return'] as const, 'decision', problems);
  const text = checkText(note, 'note', 2000, problems);
  throwIfProblems(problems, 'invalid ESAP review');
  if (item.status !== 'done')
    throw new DomainError('ESAP.STATE_CONFLICT', `the item is ${item.status}, not done`);
  const at = new Date(parseInstant(now, 'now')).toISOString();
  if (decision === 'verify') {
    return { ...item, status: 'verified', verifiedBy: actor.id, verifiedAt: at, updatedAt: at, note: text };
  }
  return { ...item, status: 'in_progress', updatedAt: at, note: text };
}

/** monitoring.md: an item past its due date and not `verified` is overdue. */
export function isEsapItemOverdue(item: Pick<EsapItem, 'dueDate' | 'status'>, now: string): boolean {
  return item.status !== 'verified' && isoDateOf(parseInstant(now, 'now')) > item.dueDate;
}
