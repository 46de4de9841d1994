import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { MITIGANT_EVIDENCE_KINDS, parseCountriesReference } from '../../../libs/domain/src/index.js';

const REFERENCE_DIR = join(process.cwd(), 'config', 'reference');

interface SampleEntry {
  key: string;
  input: Record<string, unknown>;
  financing: Record<string, unknown> | null;
}

/** One sample of config/reference/sample-portfolio.json (S01–S14, N01–N03). */
export function sample(key: string): SampleEntry {
  const portfolio = JSON.parse(readFileSync(join(REFERENCE_DIR, 'sample-portfolio.json'), 'utf8')) as {
    applications: SampleEntry[];
    negatives: SampleEntry[];
  };
  const found = [...portfolio.applications, ...(portfolio.negatives ?? [])].find((s) => s.key === key);
  if (!found) throw new Error(`no sample ${key}`);
  return structuredClone(found);
}

/** Loads config/reference/countries.json as the active 'countries' snapshot unless one is active already. */
export async function ensureCountriesSnapshot(dataSource: DataSource): Promise<string> {
  const active: Array<{ sha256: string }> = await dataSource.query(
    `SELECT sha256 FROM reference_snapshots WHERE kind = 'countries' AND active`,
  );
  if (active[0]) return active[0].sha256.trim();
  const snapshot = parseCountriesReference(
    JSON.parse(readFileSync(join(REFERENCE_DIR, 'countries.json'), 'utf8')),
  );
  await dataSource.query(
    `INSERT INTO reference_snapshots (id, kind, name, sha256, content, entries, active, loaded_by)
     VALUES ($1, 'countries', 'countries.json', $2, $3::jsonb, $4, true, 'test')`,
    [randomUUID(), snapshot.sha256, JSON.stringify(snapshot.content), snapshot.content.countries.length],
  );
  return snapshot.sha256;
}

/** An organization, a sponsor user and an application row in `stage` with the given input and financing. */
export async function insertApplication(
  dataSource: DataSource,
  options: {
    input: Record<string, unknown>;
    financing?: Record<string, unknown> | null;
    stage?: string;
    organizationId?: string;
  },
): Promise<{ applicationId: string; organizationId: string }> {
  let organizationId = options.organizationId;
  if (!organizationId) {
    organizationId = randomUUID();
    await dataSource.query(
      `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, $2, 'AR', $3)`,
      [organizationId, `Org ${organizationId.slice(0, 8)}`, `REG-${organizationId}`],
    );
  }
  const userId = randomUUID();
  await dataSource.query(
    `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id)
     VALUES ($1, $2, 'x', 'Sponsor', ARRAY['sponsor'], $3)`,
    [userId, `sponsor-${userId}@forge.test`, organizationId],
  );
  const applicationId = randomUUID();
  await dataSource.query(
    `INSERT INTO applications (id, reference, organization_id, created_by, stage, input, financing, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, now())`,
    [
      applicationId,
      `T-${applicationId}`,
      organizationId,
      userId,
      options.stage ?? 'submitted',
      JSON.stringify(options.input),
      options.financing === undefined || options.financing === null
        ? null
        : JSON.stringify(options.financing),
    ],
  );
  return { applicationId, organizationId };
}

/** The evidence document kind of every mitigant in `financing` (FORGE-RRS 1.1.0), optionally but some types. */
export function evidenceKindsOf(
  financing: { mitigants?: Array<{ type: string }> } | null | undefined,
  except: readonly string[] = [],
): string[] {
  const kinds = (financing?.mitigants ?? [])
    .filter((m) => !except.includes(m.type))
    .map((m) => MITIGANT_EVIDENCE_KINDS[m.type as keyof typeof MITIGANT_EVIDENCE_KINDS]);
  return [...new Set(kinds)];
}

/** Attaches one (placeholder) document of each kind to the application, uploaded by its creator. */
export async function attachDocuments(
  dataSource: DataSource,
  applicationId: string,
  kinds: readonly string[],
): Promise<void> {
  for (const kind of kinds) {
    await dataSource.query(
      `INSERT INTO documents (id, application_id, kind, sha256, size, media_type, uploaded_by)
       SELECT $3, id, $2, repeat('a', 64), 1, 'application/pdf', created_by FROM applications WHERE id = $1`,
      [applicationId, kind, randomUUID()],
    );
  }
}

/** Polls `probe` until it answers true (bounded; no sleeps as synchronisation beyond the poll interval). */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
