import { type TestUser } from '../../support/test-app.js';
import { publishDisclosure } from '../../e2e/applications/support.js';
import { type Stack, until } from './harness.js';

/**
 * Applications put in place through the API (as the sponsor and officers would), so a journey starts where
 * its user starts. A category B copper project: clean screening, one ESG check to review (water stress).
 */
export function categoryBProject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicantType: 'project',
    title: 'Rio Salado copper concentrator',
    summary: 'Brownfield expansion of a copper concentrator to 60 ktpa of copper in concentrate',
    country: 'PE',
    region: 'Arequipa',
    location: { lat: -16.4, lon: -71.53 },
    mineral: 'copper',
    valueChainSegment: 'processing',
    projectPhase: 'expansion',
    technologyMaturity: 'proven',
    capexUsd: 420_000_000,
    requestedAmountUsd: 120_000_000,
    instrument: 'senior_loan',
    tenorYears: 10,
    fxExposure: 'local_cost_exposure',
    sponsor: { profile: 'mid_tier', equityPct: 40, baseCaseDscr: 150 },
    environment: {
      waterStress: 'high',
      tailings: 'none',
      tailingsConsequenceClass: 'none',
      criticalHabitat: false,
      protectedAreaOverlap: false,
      esiaStatus: 'completed',
      ghgScope12TonnesPerYear: 85_000,
    },
    social: {
      indigenousPeoplesPresent: false,
      fpicStatus: 'not_required',
      physicalResettlementHouseholds: 0,
      economicDisplacementHouseholds: 0,
      activeConflict: false,
    },
    governance: {
      beneficialOwners: [
        {
          name: 'Cobre Andino S.A.C.',
          type: 'entity',
          country: 'PE',
          ownershipPct: 70,
          isPep: false,
          owners: [
            { name: 'Lucia Mamani Huaman', type: 'person', country: 'PE', ownershipPct: 100, isPep: false },
          ],
        },
        { name: 'Jorge Salinas Prado', type: 'person', country: 'PE', ownershipPct: 30, isPep: false },
      ],
      contractsDisclosed: true,
      paymentsToGovernmentsDisclosed: true,
      adverseMedia: false,
      antiCorruptionProgram: 'policy',
      oecdAnnexIIAttestation: true,
    },
    ...overrides,
  };
}

export interface Seeded {
  id: string;
  reference: string;
}

/** Created and submitted by its sponsor, screened by the worker (stage `screening`). */
export async function screenedApplication(
  stack: Stack,
  sponsor: TestUser,
  input = categoryBProject(),
): Promise<Seeded> {
  const created = await stack.t.request('POST', '/api/v1/applications', {
    token: sponsor.token,
    body: input,
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await stack.t.request('POST', `/api/v1/applications/${created.body.id}/submit`, {
    token: sponsor.token,
    body: { expectedVersion: created.body.version },
  });
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  await until('screening', async () => {
    const view = await stack.t.request('GET', `/api/v1/applications/${created.body.id}`, {
      token: sponsor.token,
    });
    return view.body.stage === 'screening';
  });
  return { id: created.body.id, reference: created.body.reference };
}

async function view(stack: Stack, officer: TestUser, id: string) {
  return (await stack.t.request('GET', `/api/v1/applications/${id}`, { token: officer.token })).body;
}

async function ok(
  stack: Stack,
  what: string,
  method: 'POST' | 'PUT',
  url: string,
  token: string,
  body: Record<string, unknown>,
) {
  const response = await stack.t.request(method, url, { token, body });
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Drives a screened application to stage `financing` through the API: assignment, category, checks resolved;
 * no structure recorded yet.
 */
export async function applicationInFinancing(
  stack: Stack,
  sponsor: TestUser,
  maker: TestUser,
  input = categoryBProject(),
): Promise<Seeded> {
  const seeded = await screenedApplication(stack, sponsor, input);
  const { id } = seeded;
  const base = `/api/v1/applications/${id}`;
  let current = await view(stack, maker, id);
  await ok(stack, 'assign', 'POST', `${base}/assign`, maker.token, {
    assigneeId: maker.id,
    expectedVersion: current.version,
  });
  current = await view(stack, maker, id);
  await ok(stack, 'to esg_review', 'POST', `${base}/transitions`, maker.token, {
    to: 'esg_review',
    expectedVersion: current.version,
  });
  current = await view(stack, maker, id);
  await ok(stack, 'category', 'POST', `${base}/category`, maker.token, {
    category: current.proposedCategory,
    rationale: 'Confirmed as proposed',
    expectedVersion: current.version,
  });
  current = await view(stack, maker, id);
  for (const check of current.checks.filter((c: { outcome: string }) => c.outcome === 'needs_review')) {
    const fresh = await view(stack, maker, id);
    await ok(stack, `resolve ${check.code}`, 'POST', `${base}/checks/${check.code}/resolve`, maker.token, {
      outcome: 'pass',
      note: 'Reviewed against the evidence on file',
      expectedVersion: fresh.version,
    });
  }
  current = await view(stack, maker, id);
  await ok(stack, 'to financing', 'POST', `${base}/transitions`, maker.token, {
    to: 'financing',
    expectedVersion: current.version,
  });
  return seeded;
}

/**
 * From `financing` with its structure recorded to `committee`: a current risk assessment, the disclosure
 * package published in time, and the move that freezes the IC pack.
 */
export async function financingToCommittee(stack: Stack, maker: TestUser, id: string): Promise<void> {
  await until(
    'a current risk assessment',
    async () => (await view(stack, maker, id)).latestRiskAssessment?.current,
  );
  // portfolio.md `disclosure.period`: the package published 31 days back (category B), the clock moved, not slept.
  await publishDisclosure(stack.t, id, maker);
  const current = await view(stack, maker, id);
  await ok(stack, 'to committee', 'POST', `/api/v1/applications/${id}/transitions`, maker.token, {
    to: 'committee',
    reason: 'Structure and risk assessment complete',
    expectedVersion: current.version,
  });
}

/**
 * Drives a screened application to stage `committee` through the API: assignment, category, checks,
 * financing with a mitigant and a condition precedent, a current risk assessment, and the move that
 * freezes the IC pack.
 */
export async function applicationInCommittee(
  stack: Stack,
  sponsor: TestUser,
  maker: TestUser,
  input = categoryBProject(),
): Promise<Seeded> {
  const seeded = await applicationInFinancing(stack, sponsor, maker, input);
  const current = await view(stack, maker, seeded.id);
  await ok(stack, 'financing', 'PUT', `/api/v1/applications/${seeded.id}/financing`, maker.token, {
    instrument: 'senior_loan',
    amountUsd: 120_000_000,
    tenorYears: 10,
    mitigants: [
      {
        type: 'political_risk_insurance',
        covers: ['transfer_convertibility', 'expropriation', 'war_civil_disturbance'],
      },
    ],
    conditionsPrecedent: ['Signed offtake agreement with an investment-grade buyer'],
    expectedVersion: current.version,
  });
  await financingToCommittee(stack, maker, seeded.id);
  return seeded;
}

/**
 * FIXTURE SHORTCUT (as test/e2e/monitoring/support.ts `financed`): a screened application put straight into
 * `financed` in PostgreSQL, as financial close leaves it: category B, a US$100 million senior loan with one
 * satisfied condition precedent (one tranche T1 by default), closed today, the worker's first assessment as
 * the one the committee approved on. The pipeline up to close has its own journeys; these test what follows.
 */
export async function financedProject(
  stack: Stack,
  sponsor: TestUser,
  officer: TestUser,
  input = categoryBProject(),
): Promise<Seeded> {
  const seeded = await screenedApplication(stack, sponsor, input);
  const assessment = await until(
    'the first risk assessment',
    async () => (await view(stack, officer, seeded.id)).latestRiskAssessment,
  );
  await stack.t.db.dataSource.query(
    `UPDATE applications SET stage = 'financed', category = 'B', financing = $2::jsonb, ic_assessment_id = $3,
            committee_round = 1, decided_at = now(), financed_at = now(), stage_entered_at = now(),
            version = version + 1
      WHERE id = $1`,
    [
      seeded.id,
      JSON.stringify({
        instrument: 'senior_loan',
        amountUsd: 100_000_000,
        tenorYears: 10,
        mitigants: [],
        conditionsPrecedent: ['Security package perfected'],
      }),
      assessment.id,
    ],
  );
  await stack.t.db.dataSource.query(
    `INSERT INTO conditions_precedent (id, application_id, position, text, satisfied, satisfied_at)
     VALUES (gen_random_uuid(), $1, 1, 'Security package perfected', true, now())`,
    [seeded.id],
  );
  return seeded;
}

/** A command through the API that must succeed (setting the scene for a journey). */
export async function apiOk(
  stack: Stack,
  what: string,
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  token: string,
  body: Record<string, unknown> = {},
) {
  const response = await stack.t.request(method, url, { token, body });
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A small PDF uploaded to the application through the API (of `kind`, api.md's document kinds); its id. */
export async function uploadPdf(
  stack: Stack,
  token: string,
  applicationId: string,
  name: string,
  kind = 'other',
) {
  const response = await stack.t
    .supertest('POST', `/api/v1/applications/${applicationId}/documents`, { token })
    .field('kind', kind)
    .attach(
      'file',
      Buffer.from(
        `%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
      ),
      {
        filename: name,
        contentType: 'application/pdf',
      },
    );
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}
