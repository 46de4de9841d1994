import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DataSource } from 'typeorm';
import { type ApplicationInput } from '../../../libs/domain/src/index.js';
import { scheduleScreening } from '../../../libs/application/src/index.js';

export interface PortfolioSample {
  key: string;
  note: string;
  input: ApplicationInput;
  expect?: string;
}

export const portfolio = JSON.parse(readFileSync('config/reference/sample-portfolio.json', 'utf8')) as {
  applications: PortfolioSample[];
  negatives: PortfolioSample[];
};

export function sample(key: string): PortfolioSample {
  const found = [...portfolio.applications, ...portfolio.negatives].find((s) => s.key === key);
  if (!found) throw new Error(`no sample ${key}`);
  return found;
}

let counter = 0;

/**
 * Inserts an organisation, a sponsor user and an application straight into the database (no dependency on
 * the pipeline routes). The organisation is named after the sample's title, as the domain tests do.
 */
export async function insertApplication(
  dataSource: DataSource,
  input: ApplicationInput,
  options: { stage?: string; version?: number; organizationName?: string } = {},
): Promise<{ id: string; organizationId: string; userId: string }> {
  const organizationId = randomUUID();
  const userId = randomUUID();
  const id = randomUUID();
  counter += 1;
  await dataSource.query(
    `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, $2, $3, $4)`,
    [organizationId, options.organizationName ?? input.title, input.country, `REG-${id.slice(0, 8)}`],
  );
  await dataSource.query(
    `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id)
     VALUES ($1, $2, 'x', 'Sponsor', ARRAY['sponsor'], $3)`,
    [userId, `sponsor-${id.slice(0, 8)}@forge.test`, organizationId],
  );
  await dataSource.query(
    `INSERT INTO applications (id, reference, organization_id, created_by, stage, version, input, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, now())`,
    [
      id,
      `FORGE-2026-${String(900000 + counter).padStart(6, '0')}-${id.slice(0, 4)}`,
      organizationId,
      userId,
      options.stage ?? 'submitted',
      options.version ?? 2,
      JSON.stringify(input),
    ],
  );
  return { id, organizationId, userId };
}

/** Submits (SQL) and queues screening through the outbox, as the submit command does. */
export async function submitForScreening(dataSource: DataSource, input: ApplicationInput): Promise<string> {
  const { id } = await insertApplication(dataSource, input);
  await dataSource.transaction((manager) => scheduleScreening(manager, id, 'submitted'));
  return id;
}

/** Polls `probe` until it returns a truthy value (bounded; no sleeps as synchronisation). */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface CheckRowView {
  code: string;
  stage: string;
  outcome: string;
  automated: boolean;
  detail: Record<string, unknown>;
}

export async function checksOf(
  dataSource: DataSource,
  applicationId: string,
): Promise<Map<string, CheckRowView>> {
  const rows: CheckRowView[] = await dataSource.query(
    `SELECT code, stage, outcome, automated, detail FROM checks WHERE application_id = $1 ORDER BY code`,
    [applicationId],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export async function applicationRow(
  dataSource: DataSource,
  id: string,
): Promise<{
  stage: string;
  version: number;
  screening: any;
  screening_version: number | null;
  proposed_category: string | null;
}> {
  const [row] = await dataSource.query(
    `SELECT stage, version, screening, screening_version, proposed_category FROM applications WHERE id = $1`,
    [id],
  );
  return row;
}

export async function auditCount(
  dataSource: DataSource,
  applicationId: string,
  action: string,
): Promise<number> {
  const [row]: Array<{ n: string }> = await dataSource.query(
    `SELECT count(*) AS n FROM audit_events WHERE application_id = $1 AND action = $2`,
    [applicationId, action],
  );
  return Number(row!.n);
}

/** A sanctions list in the SDN legacy layout: `count` entities plus `aliases` aliases spread over them. */
export function generateSanctionsList(count: number, aliases: number): { sdnCsv: string; altCsv: string } {
  const words = [
    'NORTH',
    'SOUTH',
    'ORIENT',
    'BALTIC',
    'CORAL',
    'DELTA',
    'EMBER',
    'FALCON',
    'GRANITE',
    'HARBOR',
  ];
  const word = (n: number) => words[n % words.length]!;
  const sdn: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `${word(i)} ${word(Math.floor(i / 10))} ${word(Math.floor(i / 100))} TRADING ${i.toString(36).toUpperCase()} LTD`;
    sdn.push(
      `${100000 + i},"${name}","-0-","GEN-${i % 7}","-0-","-0-","-0-","-0-","-0-","-0-","-0-","Generated entry ${i}."`,
    );
  }
  const alt: string[] = [];
  for (let a = 1; a <= aliases; a++) {
    const ent = 100000 + ((a * 7) % count) + 1;
    alt.push(`${ent},${500000 + a},"aka","ALIAS ${a.toString(36).toUpperCase()} ${word(a)} HOLDINGS","-0-"`);
  }
  return { sdnCsv: `${sdn.join('\r\n')}\r\n`, altCsv: `${alt.join('\r\n')}\r\n` };
}
