import type { ApplicationInput } from '../application/application-input.js';
import type { AmrFigures } from './amr.js';

/**
 * monitoring.md: a new AMR re-scores the project under the active model with its actual figures
 * (the sponsor's DSCR becomes the actual one), so risk at approval and risk today sit side by
 * side. The model reads no other AMR figure; an incident's re-assessment uses the latest report's
 * figures when there is one, else the application as approved.
 */
export function actualInput(
  input: ApplicationInput,
  latestAmr: Pick<AmrFigures, 'dscrActual'> | null,
): ApplicationInput {
  if (latestAmr === null) return input;
  return { ...input, sponsor: { ...input.sponsor, baseCaseDscr: latestAmr.dscrActual } };
}

/** Why a re-assessment after close was queued (recorded with it). */
export type ReassessmentTrigger =
  { kind: 'amr'; year: number } | { kind: 'incident'; incidentId: string } | { kind: 'sanctions_match' };

/** The deterministic job key of a post-close re-assessment: one per trigger, so retries do nothing. */
export function reassessmentKey(applicationId: string, trigger: ReassessmentTrigger): string {
  switch (trigger.kind) {
    case 'amr':
      return `reassess:${applicationId}:amr:${trigger.year}`;
    case 'incident':
      return `reassess:${applicationId}:incident:${trigger.incidentId}`;
    case 'sanctions_match':
      return `reassess:${applicationId}:sanctions`;
  }
}
