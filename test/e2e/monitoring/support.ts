import { randomUUID } from 'node:crypto';
import { type TestApp, type TestUser } from '../../support/test-app.js';
import { createSubmitted } from '../applications/support.js';

/**
 * FIXTURE SHORTCUT (like simulateScreening): puts a submitted application straight into `financed` with a
 * financing structure of US$100 million and one satisfied condition precedent, as financial close leaves it.
 * The pipeline up to close has its own e2e tests; this file tests what comes after.
 */
export async function financed(t: TestApp, sponsor: TestUser): Promise<{ id: string; cpId: string }> {
  const app = await createSubmitted(t, sponsor);
  const cpId = randomUUID();
  await t.db.dataSource.query(
    `UPDATE applications SET stage = 'financed', financed_at = now(), financing = $2::jsonb,
            screening = '{"result":"clear","blockedOwnershipPct":0,"lookThroughPct":0,"listSha256":"simulated","parties":[]}'::jsonb, screening_version = version,
            screening_requested_version = version WHERE id = $1`,
    [
      app.id,
      JSON.stringify({
        instrument: 'senior_loan',
        amountUsd: 100_000_000,
        tenorYears: 12,
        mitigants: [],
        conditionsPrecedent: ['Security package perfected'],
      }),
    ],
  );
  await t.db.dataSource.query(
    `INSERT INTO conditions_precedent (id, application_id, position, text, satisfied, satisfied_at)
     VALUES ($1, $2, 1, 'Security package perfected', true, now())`,
    [cpId, app.id],
  );
  return { id: app.id, cpId };
}
