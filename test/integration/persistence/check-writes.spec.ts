import {
  listChecks,
  loadChecks,
  writeChecks,
  writeChecksAndList,
  type CheckWrite,
} from '../../../libs/persistence/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { insertApplication, sample } from '../screening/screening-fixtures.js';

const timing = { createdAt: new Date(), dueAt: null };

function write(
  code: string,
  outcome: CheckWrite['outcome'],
  detail: Record<string, unknown> = {},
): CheckWrite {
  return {
    code: code as CheckWrite['code'],
    stage: 'screening',
    outcome,
    automated: true,
    detail,
    note: null,
    resolvedBy: null,
  };
}

/** Check writes in one statement (issue 18.4): the same rows as one statement per check, and the list read back. */
describe('check writes', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('inserts, updates and leaves alone as before, and lists exactly what a read after the writes lists', async () => {
    const { id } = await insertApplication(db.dataSource, sample('S01').input);
    const first = await db.dataSource.transaction(async (manager) =>
      writeChecks(
        manager,
        id,
        await loadChecks(manager, id, true),
        [
          write('SANCTIONS.PARTIES', 'pass'),
          write('ELIG.TICKET', 'fail', { ticketUsd: 1 }),
          write('ELIG.COUNTRY', 'pass'),
        ],
        timing,
      ),
    );
    expect(first).toEqual({
      created: ['SANCTIONS.PARTIES', 'ELIG.TICKET', 'ELIG.COUNTRY'],
      updated: [],
      unchanged: [],
    });
    const idsBefore = new Map((await listChecks(db.dataSource.manager, id)).map((c) => [c.code, c.id]));

    const { summary, checks, readBack } = await db.dataSource.transaction(async (manager) => {
      const written = await writeChecksAndList(
        manager,
        id,
        await loadChecks(manager, id, true),
        [
          write('SANCTIONS.PARTIES', 'pass'),
          write('ELIG.TICKET', 'pass', { ticketUsd: 2 }),
          write('ESG.FPIC', 'needs_review'),
          // A code written twice keeps its last write.
          write('ESG.FPIC', 'fail'),
        ],
        timing,
      );
      return { ...written, readBack: await listChecks(manager, id) };
    });
    expect(summary).toEqual({
      created: ['ESG.FPIC', 'ESG.FPIC'],
      updated: ['ELIG.TICKET'],
      unchanged: ['SANCTIONS.PARTIES'],
    });
    expect(checks).toEqual(readBack);
    expect(checks).toEqual(await listChecks(db.dataSource.manager, id));
    expect(checks.map((c) => [c.code, c.outcome])).toEqual([
      ['ELIG.COUNTRY', 'pass'],
      ['ELIG.TICKET', 'pass'],
      ['ESG.FPIC', 'fail'],
      ['SANCTIONS.PARTIES', 'pass'],
    ]);
    // An update keeps the row (and its id).
    expect(checks.find((c) => c.code === 'ELIG.TICKET')).toMatchObject({
      id: idsBefore.get('ELIG.TICKET'),
      detail: { ticketUsd: 2 },
    });
  });

  it('lists the stored checks when nothing changes', async () => {
    const { id } = await insertApplication(db.dataSource, sample('S02').input);
    await db.dataSource.transaction(async (manager) =>
      writeChecks(manager, id, new Map(), [write('SANCTIONS.PARTIES', 'pass')], timing),
    );
    const { summary, checks } = await db.dataSource.transaction(async (manager) =>
      writeChecksAndList(
        manager,
        id,
        await loadChecks(manager, id, true),
        [write('SANCTIONS.PARTIES', 'pass')],
        timing,
      ),
    );
    expect(summary.unchanged).toEqual(['SANCTIONS.PARTIES']);
    expect(checks).toEqual(await listChecks(db.dataSource.manager, id));
  });
});
