import {
  appendAuditEvent,
  AUDIT_EVENT_COLUMNS,
  auditRecordFromRow,
  verifyChain,
} from '../../../libs/audit/src/index.js';
import { randomUUID } from 'node:crypto';
import { auditCaughtUp } from '../../support/audit.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const actor = { id: 'user-1', role: 'officer' };

describe('audit writer on PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  async function readChain() {
    await auditCaughtUp(db.dataSource);
    const rows = await db.dataSource.query(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events ORDER BY seq`);
    return rows.map(auditRecordFromRow);
  }

  it('keeps the chain gap-free and valid under 100 concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        db.dataSource.transaction((manager) =>
          appendAuditEvent(manager, {
            actor,
            action: 'test.appended',
            subject: { type: 'test', id: String(index) },
            after: { index },
          }),
        ),
      ),
    );
    const chain = await readChain();
    expect(chain.map((event: { seq: number }) => event.seq)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    const result = await verifyChain(chain);
    expect(result.valid).toBe(true);
    expect(result.length).toBe(100);
  });

  it('leaves no event and no gap when the command rolls back', async () => {
    const before = (await readChain()).length;
    await expect(
      db.dataSource.transaction(async (manager) => {
        await appendAuditEvent(manager, {
          actor,
          action: 'test.rolled_back',
          subject: { type: 'test', id: 'x' },
        });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    await db.dataSource.transaction((manager) =>
      appendAuditEvent(manager, { actor, action: 'test.after_rollback', subject: { type: 'test', id: 'y' } }),
    );
    const chain = await readChain();
    expect(chain).toHaveLength(before + 1);
    expect(chain.some((event: { action: string }) => event.action === 'test.rolled_back')).toBe(false);
    expect((await verifyChain(chain)).valid).toBe(true);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET reason = 'edited' WHERE seq = 0`],
    ['DELETE', `DELETE FROM audit_events WHERE seq = 0`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('refuses %s in the database itself', async (_operation, sql) => {
    await expect(db.dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  describe("the actor's display name as of the event", () => {
    async function account(displayName: string): Promise<string> {
      const id = randomUUID();
      await db.dataSource.query(
        `INSERT INTO users (id, email, password_hash, display_name, roles) VALUES ($1, $2, 'x', $3, '{officer}')`,
        [id, `${id}@forge.test`, displayName],
      );
      return id;
    }

    async function appendAs(accountId: string, accountNameHint?: string) {
      const appended = await db.dataSource.transaction((manager) =>
        appendAuditEvent(manager, {
          actor: { id: accountId, role: 'officer' },
          ...(accountNameHint === undefined ? {} : { accountNameHint }),
          action: 'test.named',
          subject: { type: 'test', id: accountId },
        }),
      );
      const [row] = await db.dataSource.query(`SELECT actor_name FROM audit_events WHERE id = $1`, [
        appended.id,
      ]);
      return { appended, stored: (row as { actor_name: string | null }).actor_name };
    }

    it("records the authenticated name the caller passes when it is the account's", async () => {
      const id = await account('Olga Officer');
      const { appended, stored } = await appendAs(id, 'Olga Officer');
      expect(appended.actor).toEqual({ id, role: 'officer', name: 'Olga Officer' });
      expect(stored).toBe('Olga Officer');
    });

    it("records the account's name as the transaction reads it when the passed one is stale", async () => {
      const id = await account('Olga Renamed');
      const { appended, stored } = await appendAs(id, 'Olga Officer');
      expect(appended.actor.name).toBe('Olga Renamed');
      expect(stored).toBe('Olga Renamed');
    });

    it('reads the name when the caller passes none, and records none for an id that names no account', async () => {
      const id = await account('Nadia Noname');
      expect((await appendAs(id)).stored).toBe('Nadia Noname');
      const ghost = randomUUID();
      const { appended, stored } = await appendAs(ghost, 'Ghost');
      expect(appended.actor).toEqual({ id: ghost, role: 'officer' });
      expect(stored).toBeNull();
    });

    it('keeps the chain valid over hinted and read names', async () => {
      expect((await verifyChain(await readChain())).valid).toBe(true);
    });
  });
});
