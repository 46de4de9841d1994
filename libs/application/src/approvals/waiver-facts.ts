import { type CheckOutcome, type EsCategory, isRecord, type WaiverFacts } from '@forge/domain';
import { type ApplicationAggregate } from '@forge/persistence';

/**
 * What decides whether a check may be waived now (`waiverRefusal` in libs/domain): the check's outcome and
 * detail, the confirmed category (the proposed one while none is confirmed), whether Indigenous Peoples are
 * present, and the stored screening result.
 */
export function waiverFacts(
  aggregate: ApplicationAggregate,
  check: { outcome: string; detail: unknown },
): WaiverFacts {
  const app = aggregate.application;
  const input = app.input as { social?: { indigenousPeoplesPresent?: unknown } };
  const present = input.social?.indigenousPeoplesPresent;
  const result = (app.screening as { result?: unknown } | null)?.result;
  return {
    outcome: check.outcome as CheckOutcome,
    detail: isRecord(check.detail) ? check.detail : {},
    category: ((app.category ?? app.proposedCategory) as EsCategory | null) ?? null,
    indigenousPeoplesPresent: typeof present === 'boolean' ? present : null,
    screeningResult: result === 'clear' || result === 'review' || result === 'blocked' ? result : null,
  };
}
