import { type EntityManager } from 'typeorm';

export interface LatestAssessment {
  id: string;
  /** Computed on today's inputs under the active model (scoring.md). */
  current: boolean;
  grossBand: string;
  /** The residual band after an approved override, if any. */
  residualBand: string;
  /** The full record of scoring.md plus `current`, as the application view shows it. */
  view: Record<string, unknown>;
}

/**
 * The application's latest risk assessment and whether it is current. PLACEHOLDER until the scoring issue
 * lands: answers null, so the committee guard fails closed.
 */
export async function latestRiskAssessment(
  _manager: EntityManager,
  _applicationId: string,
): Promise<LatestAssessment | null> {
  return null;
}
