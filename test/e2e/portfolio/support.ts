import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestApp } from '../../support/test-app.js';

interface Sample {
  key: string;
  input: Record<string, any>;
  financing?: Record<string, any>;
}

export function samplePortfolio(): Sample[] {
  const json = JSON.parse(
    readFileSync(join(process.cwd(), 'config/reference/sample-portfolio.json'), 'utf8'),
  ) as {
    applications: Sample[];
    negatives: Sample[];
  };
  return [...json.applications, ...json.negatives];
}

const DAY_MS = 86_400_000;

/**
 * The demo's sample portfolio as `npm run demo` leaves it (docs/portfolio.md "The demo's figures, worked"):
 * S01–S14 financed with a financing structure equal to the request and the IC pack's assessment carrying the
 * FORGE-RRS 1.0.0 expected loss of risk-assessment.golden.spec.ts; N01 rejected; N02 in financing without a
 * structure; N03 in esg_review. Written straight to PostgreSQL (the pipeline's own tests drive the moves), each
 * with its own sponsor organisation. `entered[key]` = whole days in the current stage as of `now`.
 */
// prettier-ignore
export const DEMO: Record<string, [stage: string, category: string, grossBp: number, residualBp: number, daysInStage: number]> = {
  S01: ['financed', 'A', 325, 190, 1], S02: ['financed', 'A', 190, 95, 2], S03: ['financed', 'B', 190, 95, 3],
  S04: ['financed', 'A', 190, 95, 4], S05: ['financed', 'B', 27, 27, 5], S06: ['financed', 'A', 325, 85, 6],
  S07: ['financed', 'B', 325, 25, 7], S08: ['financed', 'A', 325, 190, 8], S09: ['financed', 'B', 95, 95, 9],
  S10: ['financed', 'A', 325, 325, 10], S11: ['financed', 'B', 325, 0, 11], S12: ['financed', 'A', 95, 95, 12],
  S13: ['financed', 'B', 27, 27, 13], S14: ['financed', 'C', 27, 2, 14],
  N01: ['rejected', 'B', 190, 190, 40], N02: ['financing', 'FI', 27, 27, 12], N03: ['esg_review', 'B', 190, 190, 3],
};

export interface SeededApplication {
  key: string;
  id: string;
  reference: string;
  organizationId: string;
}

export async function seedSamplePortfolio(t: TestApp, now: Date): Promise<Map<string, SeededApplication>> {
  const ds = t.db.dataSource;
  const [model]: Array<{ version: string; params_hash: string }> = await ds.query(
    `SELECT version, params_hash FROM scoring_models WHERE active`,
  );
  if (!model) throw new Error('no active scoring model');
  const creator = await t.createUser(['officer']);
  const seeded = new Map<string, SeededApplication>();
  for (const sample of samplePortfolio()) {
    const [stage, category, grossBp, residualBp, days] = DEMO[sample.key]!;
    const organizationId = await t.createOrganization(`Sponsor ${sample.key}`);
    const id = randomUUID();
    const reference = `FRG-2026-9${sample.key.slice(1)}${sample.key.startsWith('N') ? '1' : '0'}`;
    const decided = stage === 'financed';
    let assessmentId: string | null = null;
    if (decided) {
      assessmentId = randomUUID();
    }
    const financing = decided ? sample.financing : null;
    const enteredAt = new Date(now.getTime() - days * DAY_MS - 3_600_000);
    await ds.query(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, version, input, proposed_category,
         category, financing, submitted_at, stage_entered_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, 5, $6::jsonb, $7, $8, $9::jsonb, $10, $10, $11)`,
      [
        id,
        reference,
        organizationId,
        creator.id,
        stage,
        JSON.stringify(sample.input),
        category,
        stage === 'esg_review' ? null : category,
        financing ? JSON.stringify(financing) : null,
        enteredAt,
        decided ? new Date(enteredAt.getTime() - 30 * DAY_MS) : stage === 'rejected' ? enteredAt : null,
      ],
    );
    if (assessmentId !== null) {
      await ds.query(
        `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash, inputs_hash,
           inputs, reference_snapshot_hashes, result, gross_score, gross_band, residual_score, residual_band,
           computed_at, job_id)
         VALUES ($1, $2, 4, $3, $4, $5, '{}'::jsonb, '{}'::jsonb, $6::jsonb, 0, 'moderate', 0, 'moderate', $7, $8)`,
        [
          assessmentId,
          id,
          model.version,
          model.params_hash,
          'f'.repeat(64),
          JSON.stringify({ expectedLoss: { grossBp, residualBp, reductionPct: 0 } }),
          enteredAt,
          `seed-${assessmentId}`,
        ],
      );
      await ds.query(`UPDATE applications SET ic_assessment_id = $2, committee_round = 1 WHERE id = $1`, [
        id,
        assessmentId,
      ]);
    }
    seeded.set(sample.key, { key: sample.key, id, reference, organizationId });
  }
  return seeded;
}

/**
 * One financed application written straight to PostgreSQL (a book the guards measure against): its own
 * sponsor organisation, the sample input of `key` with `country`/`mineral` replaced, a financing structure of
 * `amountUsd`.
 */
export async function seedFinanced(
  t: TestApp,
  options: { key?: string; country: string; mineral: string; amountUsd: number; reference: string },
): Promise<string> {
  const sample = samplePortfolio().find((s) => s.key === (options.key ?? 'S08'))!;
  const organizationId = await t.createOrganization(`Book ${options.reference}`);
  const creator = await t.createUser(['officer']);
  const id = randomUUID();
  const input = { ...sample.input, country: options.country, mineral: options.mineral };
  await t.db.dataSource.query(
    `INSERT INTO applications (id, reference, organization_id, created_by, stage, version, input, proposed_category,
       category, financing, submitted_at, decided_at, financed_at)
     VALUES ($1, $2, $3, $4, 'financed', 5, $5::jsonb, 'B', 'B', $6::jsonb, now(), now(), now())`,
    [
      id,
      options.reference,
      organizationId,
      creator.id,
      JSON.stringify(input),
      JSON.stringify({ ...sample.financing, instrument: 'senior_loan', amountUsd: options.amountUsd }),
    ],
  );
  return id;
}
