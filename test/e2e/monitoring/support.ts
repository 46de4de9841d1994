import { randomUUID } from 'node:crypto';
import { type TestApp, type TestUser } from '../../support/test-app.js';
import { waitFor } from '../../integration/screening/screening-fixtures.js';
import { auditCount, createSubmitted, sampleInput } from '../applications/support.js';

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

/** One row of an OFAC SDN CSV (the columns the sanctions loader reads), for a list uploaded in a test. */
export const sdnRow = (n: number, name: string, type = 'individual') =>
  `${n},"${name}","${type}","DEMO-${n}","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"`;

/**
 * FIXTURE SHORTCUT: sample S01 submitted through the API and screened by the worker, then put in `stage` (the
 * stage's own commands are tested elsewhere): what a re-screening after a new list finds.
 */
export async function screenedIn(t: TestApp, sponsor: TestUser, stage: string): Promise<string> {
  const { id } = await createSubmitted(t, sponsor, sampleInput('S01'));
  await waitFor(async () => (await auditCount(t, id, 'screening.completed')) === 1);
  await t.db.dataSource.query(`UPDATE applications SET stage = $2, version = version + 1 WHERE id = $1`, [
    id,
    stage,
  ]);
  return id;
}
