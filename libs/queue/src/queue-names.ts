/** Queue names (no ':' allowed by BullMQ). Payloads carry ids only; processors re-read the state. */
export const QUEUE_NAMES = {
  screening: 'screening',
  riskScoring: 'risk-scoring',
  auditCheckpoint: 'audit-checkpoint',
  /** The overdue job (monitoring.md "Deadlines, escalation"), fed by a BullMQ job scheduler. */
  deadlines: 'deadlines',
  /** The committee deadline job (pipeline.md "Investment committee"), fed by a BullMQ job scheduler. */
  committeeDeadlines: 'committee-deadlines',
  noop: 'noop',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface ScreeningJobPayload {
  applicationId: string;
  applicationVersion: number;
  sanctionsListSha256: string;
  reason: 'submitted' | 'amended' | 'list_loaded' | 'requested';
}

export interface RiskScoringJobPayload {
  applicationId: string;
  inputsHash: string;
  modelVersion: string;
  reason:
    | 'submitted'
    | 'amended'
    | 'financing_changed'
    | 'requested'
    | 'model_activated'
    /** A document that evidences a mitigant was attached (FORGE-RRS 1.1.0 reads the evidence). */
    | 'document_added'
    /** After close (monitoring.md): a new annual report, or a serious incident. */
    | 'annual_report'
    | 'incident';
}

export interface AuditCheckpointJobPayload {
  requestedBy: string;
}

/**
 * Builds a deterministic BullMQ job id from its parts: the same logical job always gets the same id,
 * so a re-relayed outbox row is deduplicated by BullMQ. ':' is reserved by BullMQ, so parts are joined by '.'.
 */
export function deterministicJobId(...parts: Array<string | number>): string {
  return parts.map((part) => String(part).replaceAll(':', '_')).join('.');
}
