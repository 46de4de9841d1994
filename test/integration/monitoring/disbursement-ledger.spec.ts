import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Σ disbursed ≤ FORGE amount and Σ repaid ≤ Σ disbursed are enforced by the database itself
 * (monitoring.md), whoever writes and however many write at once.
 */
describe('disbursement ledger constraints (PostgreSQL)', () => {
  let db: TestDatabase;
  let sponsorId: string;
  let officerId: string;
  let orgId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orgId = randomUUID();
    sponsorId = randomUUID();
    officerId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, 'Altiplano', 'AR', 'R-1')`,
      [orgId],
    );
    await db.dataSource.query(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id) VALUES
         ($1, 'sponsor@ledger.test', 'x', 'Sponsor', '{sponsor}', $3), ($2, 'officer@ledger.test', 'x', 'Officer', '{officer}', NULL)`,
      [sponsorId, officerId, orgId],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  async function financedApplication(amountUsd: number): Promise<string> {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, input, financing)
       VALUES ($1, $2, $3, $4, 'financed', '{}', $5)`,
      [id, `FORGE-2027-${id.slice(0, 6)}`, orgId, sponsorId, { amountUsd, instrument: 'senior_loan' }],
    );
    return id;
  }

  const disbursed = (applicationId: string, amountUsd: number) => ({
    sql: `INSERT INTO disbursements (id, application_id, tranche_id, amount_usd, status, requested_by, requested_at,
            decided_by, decided_at, value_date) VALUES ($1, $2, 'T1', $3, 'disbursed', $4, now(), $5, now(), current_date)`,
    params: [randomUUID(), applicationId, amountUsd, sponsorId, officerId],
  });

  it('refuses a disbursement that would pass the FORGE amount', async () => {
    const app = await financedApplication(100_000_000);
    const first = disbursed(app, 60_000_000);
    await db.dataSource.query(first.sql, first.params);
    const second = disbursed(app, 40_000_001);
    await expect(db.dataSource.query(second.sql, second.params)).rejects.toMatchObject({
      code: '23514',
      constraint: 'disbursements_within_forge_amount',
    });
    const exact = disbursed(app, 40_000_000);
    await db.dataSource.query(exact.sql, exact.params);
  });

  it('requested amounts do not count until disbursed; a status change to disbursed is checked too', async () => {
    const app = await financedApplication(10);
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO disbursements (id, application_id, tranche_id, amount_usd, status, requested_by, requested_at)
       VALUES ($1, $2, 'T1', 11, 'requested', $3, now())`,
      [id, app, sponsorId],
    );
    await expect(
      db.dataSource.query(
        `UPDATE disbursements SET status = 'disbursed', value_date = current_date WHERE id = $1`,
        [id],
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('two concurrent transactions cannot both fit into the last dollar', async () => {
    const app = await financedApplication(100);
    const clients = [
      new pg.Client({ connectionString: db.url }),
      new pg.Client({ connectionString: db.url }),
    ];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      // Both transactions insert before either commits: the trigger's row lock makes the second wait,
      // then it sums what the first committed.
      await Promise.all(clients.map((c) => c.query('BEGIN')));
      const a = disbursed(app, 60);
      const b = disbursed(app, 60);
      const first = clients[0].query(a.sql, a.params);
      await first;
      const second = clients[1].query(b.sql, b.params).then(
        () => 'inserted',
        (error: { code?: string }) => error.code,
      );
      // The second insert is blocked on the first transaction's lock: wait until PostgreSQL says so.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const [{ n }] = await db.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        if (n > 0) break;
        if (Date.now() > deadline) throw new Error('the second insert never waited for the first');
      }
      await clients[0].query('COMMIT');
      expect(await second).toBe('23514');
      await clients[1].query('ROLLBACK');
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const [{ total }] = await db.dataSource.query(
      `SELECT COALESCE(sum(amount_usd), 0)::bigint AS total FROM disbursements WHERE application_id = $1 AND status = 'disbursed'`,
      [app],
    );
    expect(Number(total)).toBe(60);
  });

  it('the running totals on the application obey the same limits', async () => {
    const app = await financedApplication(100);
    await db.dataSource.query(`UPDATE applications SET disbursed_usd = 100 WHERE id = $1`, [app]);
    await expect(
      db.dataSource.query(`UPDATE applications SET disbursed_usd = 101 WHERE id = $1`, [app]),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'applications_disbursed_within_forge_amount',
    });
    await expect(
      db.dataSource.query(`UPDATE applications SET repaid_usd = 101 WHERE id = $1`, [app]),
    ).rejects.toMatchObject({
      code: '23514',
    });
  });

  it('refuses repayments beyond what was disbursed', async () => {
    const app = await financedApplication(100);
    const d = disbursed(app, 70);
    await db.dataSource.query(d.sql, d.params);
    const repay = (amount: number) =>
      db.dataSource.query(
        `INSERT INTO repayments (id, application_id, amount_usd, value_date, recorded_by, recorded_at) VALUES ($1, $2, $3, current_date, $4, now())`,
        [randomUUID(), app, amount, officerId],
      );
    await repay(50);
    await expect(repay(21)).rejects.toMatchObject({
      code: '23514',
      constraint: 'repayments_within_disbursed',
    });
    await repay(20);
  });

  it('accepts the post-close stages and refuses others', async () => {
    const app = await financedApplication(1);
    for (const stage of ['disbursing', 'monitoring', 'repaid', 'written_off']) {
      await db.dataSource.query(`UPDATE applications SET stage = $2 WHERE id = $1`, [app, stage]);
    }
    await expect(
      db.dataSource.query(`UPDATE applications SET stage = 'closed' WHERE id = $1`, [app]),
    ).rejects.toMatchObject({
      code: '23514',
    });
  });
});
