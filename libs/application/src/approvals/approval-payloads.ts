import {
  AUTOMATED_OUTCOMES,
  DomainError,
  ES_CATEGORIES,
  isOneOf,
  jsonObjectOrNull,
  PIPELINE_RISK_BANDS,
  type ApprovalAction,
  type AutomatedOutcome,
  type EsCategory,
  type PipelineJson,
  type PipelineRiskBand,
  type Role,
} from '@forge/domain';
import { type RoleRequestRecord } from '@forge/persistence';

/** What each maker-checker action carries: what takes effect when a different officer approves it. */
export interface ApprovalPayloads {
  /** Subject: the check code. */
  'check.waive': { note: string };
  /** Subject: the screened party's name. */
  'screening.false_positive': { note: string };
  /** Subject: `category`. */
  'category.downgrade': { category: EsCategory; rationale: string | null; proposed: EsCategory | null };
  /** Subject: the risk assessment id. */
  'risk.override': { band: PipelineRiskBand; rationale: string };
  /** Subject: the condition precedent id. */
  'condition.satisfy': { evidence: string; documentIds: string[] };
  /** Subject: the disbursement id (monitoring.md). */
  'disbursement.release': { amountUsd: number; trancheId: string };
  /** Subject: `application`. */
  'application.write_off': { reason: string };
  /**
   * Subject: the check code. Opened by a re-evaluation of a check whose outcome was set through four eyes
   * (issue 13.4): the outcome automation now computes, the one kept meanwhile, and the first of the two
   * officers who must approve.
   */
  'check.reevaluate': {
    proposedOutcome: AutomatedOutcome;
    keptOutcome: string;
    endorsedBy: string | null;
  };
}

export type ApprovalPayload<A extends ApprovalAction> = ApprovalPayloads[A];

/**
 * Four-eyes actions about an account, not an application (docs/identity.md, "four-eyes grants"): an admin asks, a
 * second admin decides through the same `MakerChecker` and the same rule (`assertFourEyes`). Stored in
 * role_requests, whose typed columns are the payload.
 */
export interface AccountApprovalPayloads {
  /** Subject: the user. The roles the user held when the grant was asked for, and the full set asked for. */
  'user.role_grant': { rolesBefore: Role[]; rolesAfter: Role[]; reason: string };
}

export type AccountApprovalAction = keyof AccountApprovalPayloads;

/** A role request's payload (its columns are typed: nothing to check). */
export function roleGrantPayload(request: RoleRequestRecord): AccountApprovalPayloads['user.role_grant'] {
  return { rolesBefore: request.rolesBefore, rolesAfter: request.rolesAfter, reason: request.reason };
}

function conflict(message: string): DomainError {
  return new DomainError('APPROVAL.EFFECT_CONFLICT', message);
}

function record(payload: PipelineJson): Record<string, PipelineJson> {
  return jsonObjectOrNull(payload) ?? {};
}

const text = (value: PipelineJson | undefined): string | null => (typeof value === 'string' ? value : null);

function payloadOneOf<T extends string>(values: readonly T[], value: PipelineJson | undefined): T | null {
  return isOneOf(values, value) ? value : null;
}

/**
 * Reads a stored payload back into its type (items are stored as JSON): an item whose payload does not fit
 * its action cannot take effect (409 `APPROVAL.EFFECT_CONFLICT`), whatever wrote it.
 */
export const PAYLOAD_READERS: { [A in ApprovalAction]: (payload: PipelineJson) => ApprovalPayloads[A] } = {
  'check.waive': (payload) => ({ note: text(record(payload).note) ?? '' }),
  'screening.false_positive': (payload) => ({ note: text(record(payload).note) ?? '' }),
  'category.downgrade': (payload) => {
    const p = record(payload);
    const category = payloadOneOf(ES_CATEGORIES, p.category);
    if (!category) throw conflict('the item names no category');
    return { category, rationale: text(p.rationale), proposed: payloadOneOf(ES_CATEGORIES, p.proposed) };
  },
  'risk.override': (payload) => {
    const p = record(payload);
    const band = payloadOneOf(PIPELINE_RISK_BANDS, p.band);
    const rationale = text(p.rationale);
    if (!band || !rationale) throw conflict('the item names no band or rationale');
    return { band, rationale };
  },
  'condition.satisfy': (payload) => {
    const p = record(payload);
    const ids = Array.isArray(p.documentIds) ? p.documentIds.filter((id) => typeof id === 'string') : [];
    return { evidence: text(p.evidence) ?? '', documentIds: ids };
  },
  'disbursement.release': (payload) => {
    const p = record(payload);
    if (typeof p.amountUsd !== 'number' || typeof p.trancheId !== 'string')
      throw conflict('the item names no amount');
    return { amountUsd: p.amountUsd, trancheId: p.trancheId };
  },
  'application.write_off': (payload) => {
    const reason = text(record(payload).reason);
    if (!reason) throw conflict('the item names no reason');
    return { reason };
  },
  'check.reevaluate': (payload) => {
    const p = record(payload);
    const proposedOutcome = payloadOneOf(AUTOMATED_OUTCOMES, p.proposedOutcome);
    if (!proposedOutcome) throw conflict('the item names no proposed outcome');
    return { proposedOutcome, keptOutcome: text(p.keptOutcome) ?? 'waived', endorsedBy: text(p.endorsedBy) };
  },
};
