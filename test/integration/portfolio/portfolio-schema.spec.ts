import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * What the database itself guarantees for the portfolio (migration 1795969023696-portfolio): organisation kinds,
 * the partner role, lines only of cofinanciers, immutable policy versions (one active, one pending), append-only
 * disclosure packages, and the stage clock columns.
 */
describe('portfolio schema (PostgreSQL)', () => {
  let db: TestDatabase;
  let sponsorOrg: string;
  let bank: string;
  let sponsorId: string;
  let adminA: string;
  let adminB: string;

  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    sponsorOrg = randomUUID();
    bank = randomUUID();
    await q(
      `INSERT INTO organizations (id, name, country, registration_number, kind, sector) VALUES
         ($1, 'Puna Clara S.A.', 'AR', 'P-1', 'sponsor', NULL), ($2, 'Andean Bank', 'PE', 'B-1', 'cofinancier', 'private')`,
      [sponsorOrg, bank],
    );
    sponsorId = randomUUID();
    adminA = randomUUID();
    adminB = randomUUID();
    await q(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id) VALUES
         ($1, 's@p.test', 'x', 'Sponsor', '{sponsor}', $4), ($2, 'a@p.test', 'x', 'Admin A', '{admin}', NULL),
         ($3, 'b@p.test', 'x', 'Admin B', '{admin}', NULL)`,
      [sponsorId, adminA, adminB, sponsorOrg],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  async function application(stage = 'financing'): Promise<string> {
    const id = randomUUID();
    await q(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, input)
       VALUES ($1, $2, $3, $4, $5, '{}')`,
      [id, `FORGE-2027-${id.slice(0, 6)}`, sponsorOrg, sponsorId, stage],
    );
    return id;
  }

  it('gives organisations a kind, and a sector exactly to cofinanciers', async () => {
    const rows = await q(`SELECT kind, sector FROM organizations WHERE id = $1`, [sponsorOrg]);
    expect(rows).toEqual([{ kind: 'sponsor', sector: null }]);
    await expect(
      q(
        `INSERT INTO organizations (id, name, country, registration_number, kind) VALUES ($1, 'X', 'AR', 'X-1', 'cofinancier')`,
        [randomUUID()],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'organizations_sector_of_cofinancier' });
    await expect(
      q(
        `INSERT INTO organizations (id, name, country, registration_number, kind, sector) VALUES ($1, 'X', 'AR', 'X-2', 'fund', 'public')`,
        [randomUUID()],
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      q(
        `INSERT INTO organizations (id, name, country, registration_number, kind) VALUES ($1, 'X', 'AR', 'X-3', 'bank')`,
        [randomUUID()],
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('knows the partner role, which needs an organisation', async () => {
    await q(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id) VALUES ($1, 'p@p.test', 'x', 'P', '{partner}', $2)`,
      [randomUUID(), bank],
    );
    await expect(
      q(
        `INSERT INTO users (id, email, password_hash, display_name, roles) VALUES ($1, 'p2@p.test', 'x', 'P', '{partner}')`,
        [randomUUID()],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'users_partner_organization' });
    await expect(
      q(
        `INSERT INTO users (id, email, password_hash, display_name, roles) VALUES ($1, 'p3@p.test', 'x', 'P', '{root}')`,
        [randomUUID()],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'users_roles_check' });
  });

  it('takes co-financing lines only from cofinanciers', async () => {
    const app = await application();
    await q(
      `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
       VALUES ($1, $2, 'senior_loan', 100000000, 'indicated', now())`,
      [app, bank],
    );
    await expect(
      q(
        `INSERT INTO cofinancing_lines (application_id, organization_id, instrument, amount_usd, status, updated_at)
         VALUES ($1, $2, 'equity', 5, 'indicated', now())`,
        [app, sponsorOrg],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'cofinancing_lines_cofinancier' });
    await expect(
      q(`UPDATE cofinancing_lines SET amount_usd = 0 WHERE application_id = $1`, [app]),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('keeps policy versions immutable, one active and one pending at most', async () => {
    const insert = (
      version: string,
      status: string,
      active: boolean,
      proposedBy: string | null,
      builtIn = false,
    ) =>
      q(
        `INSERT INTO portfolio_policies (id, policy, version, params, params_hash, status, active, built_in, proposed_by,
           proposed_at, decided_by, decided_at)
         VALUES ($1, 'FORGE-PP', $2, '{}', $3, $4, $5, $6, $7, now(), $8, $9) RETURNING id`,
        [
          randomUUID(),
          version,
          'a'.repeat(64),
          status,
          active,
          builtIn,
          proposedBy,
          status === 'pending' || builtIn ? null : adminB,
          status === 'pending' ? null : new Date(),
        ],
      );
    const [seed] = await insert('1.0.0', 'approved', true, null, true);
    await expect(insert('1.0.1', 'approved', true, adminA)).rejects.toMatchObject({ code: '23505' });
    await insert('1.1.0', 'pending', false, adminA);
    await expect(insert('1.2.0', 'pending', false, adminA)).rejects.toMatchObject({ code: '23505' });
    await expect(
      q(`UPDATE portfolio_policies SET params = '{"x":1}' WHERE id = $1`, [seed.id]),
    ).rejects.toMatchObject({
      code: '42501',
    });
    await expect(q(`DELETE FROM portfolio_policies WHERE id = $1`, [seed.id])).rejects.toMatchObject({
      code: '42501',
    });
    // the maker never decides their own proposal
    await expect(
      q(
        `UPDATE portfolio_policies SET status = 'approved', decided_by = $1, decided_at = now() WHERE version = '1.1.0'`,
        [adminA],
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await q(
      `UPDATE portfolio_policies SET status = 'approved', decided_by = $1, decided_at = now() WHERE version = '1.1.0'`,
      [adminB],
    );
  });

  it('keeps every disclosure package version, never edited or deleted', async () => {
    const app = await application('esg_review');
    const [row] = await q(
      `INSERT INTO disclosure_packages (id, application_id, version, disclosed_at, disclosed_by, content, content_hash)
       VALUES ($1, $2, 1, now(), $3, '{"summary":"s"}', $4) RETURNING id`,
      [randomUUID(), app, adminA, 'b'.repeat(64)],
    );
    await expect(
      q(`UPDATE disclosure_packages SET content = '{}' WHERE id = $1`, [row.id]),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(q(`DELETE FROM disclosure_packages WHERE id = $1`, [row.id])).rejects.toMatchObject({
      code: '42501',
    });
    await expect(
      q(
        `INSERT INTO disclosure_packages (id, application_id, version, disclosed_at, disclosed_by, content, content_hash)
         VALUES ($1, $2, 1, now(), $3, '{}', $4)`,
        [randomUUID(), app, adminA, 'c'.repeat(64)],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('stamps when an application entered its stage and when it was decided', async () => {
    const app = await application('committee');
    const clock = '2026-03-01T10:00:00.000Z';
    await q(`UPDATE applications SET stage_entered_at = $2 WHERE id = $1`, [app, '2026-01-01T00:00:00Z']);
    // a command that gives its clock in the same UPDATE is believed
    await q(`UPDATE applications SET stage = 'approved', stage_entered_at = $2 WHERE id = $1`, [app, clock]);
    let [row] = await q(`SELECT stage_entered_at, decided_at FROM applications WHERE id = $1`, [app]);
    expect(row.stage_entered_at.toISOString()).toBe(clock);
    expect(row.decided_at.toISOString()).toBe(clock);
    // one that does not gets the database's clock; decided_at stays the decision's
    await q(`UPDATE applications SET stage = 'financed' WHERE id = $1`, [app]);
    [row] = await q(`SELECT stage_entered_at, decided_at, now() AS now FROM applications WHERE id = $1`, [
      app,
    ]);
    expect(row.stage_entered_at.getTime()).toBeGreaterThan(Date.parse(clock));
    expect(row.decided_at.toISOString()).toBe(clock);
    // an UPDATE that leaves the stage alone leaves the clock alone
    const before = row.stage_entered_at.toISOString();
    await q(`UPDATE applications SET stage = 'financed', version = version + 1 WHERE id = $1`, [app]);
    [row] = await q(`SELECT stage_entered_at FROM applications WHERE id = $1`, [app]);
    expect(row.stage_entered_at.toISOString()).toBe(before);
  });
});
