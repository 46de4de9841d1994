import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import {
  auditCount,
  createDraft,
  createSubmitted,
  sampleInput,
  simulateScreening,
  stageOf,
} from './support.js';

describe('applications: organisation isolation, concurrency, information requests, listing', () => {
  let t: TestApp;
  let sponsor: TestUser;
  let stranger: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres' });
    sponsor = await t.createUser(['sponsor']);
    stranger = await t.createUser(['sponsor']);
    officer = await t.createUser(['officer']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a sponsor of another organisation gets 404 on every application route', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id);
    const asked = await t.request('POST', `/api/v1/applications/${app.id}/information-requests`, {
      token: officer.token,
      body: { question: 'Offtake?' },
    });
    expect(asked.status).toBe(201);
    const base = `/api/v1/applications/${app.id}`;
    const routes: Array<['GET' | 'POST' | 'PATCH', string, unknown]> = [
      ['GET', base, undefined],
      ['PATCH', base, { title: 'x', expectedVersion: 1 }],
      ['POST', `${base}/submit`, { expectedVersion: 1 }],
      ['POST', `${base}/withdraw`, { reason: 'x', expectedVersion: 1 }],
      ['POST', `${base}/information-requests/${asked.body.id}/answer`, { answer: 'x' }],
    ];
    for (const [method, url, body] of routes) {
      const response = await t.request(method, url, { token: stranger.token, body });
      expect([url, response.status, response.body.code]).toEqual([url, 404, 'APPLICATION.NOT_FOUND']);
    }
    const list = await t.request('GET', '/api/v1/applications?limit=100', { token: stranger.token });
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(app.id);
    // Officer-only routes refuse a sponsor outright (403), whoever owns the application.
    for (const path of [
      'transitions',
      'assign',
      'category',
      'information-requests',
      'checks/ELIG.TICKET/resolve',
    ]) {
      const response = await t.request('POST', `${base}/${path}`, { token: stranger.token, body: {} });
      expect([path, response.status]).toEqual([path, 403]);
    }
    const financing = await t.request('PUT', `${base}/financing`, { token: stranger.token, body: {} });
    expect(financing.status).toBe(403);
    // An unknown id is 404 too; a malformed one is refused at the edge (400).
    expect(
      (await t.request('GET', `/api/v1/applications/${randomUUID()}`, { token: officer.token })).status,
    ).toBe(404);
    const malformed = await t.request('GET', '/api/v1/applications/not-a-uuid', { token: officer.token });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION.FAILED']);
  });

  it('20 parallel commands on one version: exactly one wins, the rest 409; one version bump, one event', async () => {
    const draft = await createDraft(t, sponsor);
    const before = await auditCount(t, draft.id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request('PATCH', `/api/v1/applications/${draft.id}`, {
          token: sponsor.token,
          body: { title: `Title ${i}`, expectedVersion: 1 },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(
      responses.filter((r) => r.status === 409).every((r) => r.body.code === 'APPLICATION.VERSION_CONFLICT'),
    ).toBe(true);
    expect((await stageOf(t, draft.id)).version).toBe(2);
    expect(await auditCount(t, draft.id)).toBe(before + 1);
  });

  it('20 officers moving the same application at once: exactly one wins', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id);
    const { version } = await stageOf(t, app.id);
    const before = await auditCount(t, app.id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
          token: officer.token,
          body: { to: 'rejected', reason: 'outside mandate', expectedVersion: version },
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await stageOf(t, app.id)).toEqual({ stage: 'rejected', version: version + 1 });
    expect(await auditCount(t, app.id)).toBe(before + 1);
  });

  it('an information request blocks moves; an answer with amendments bumps the version and re-queues both jobs', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id);
    const asked = await t.request('POST', `/api/v1/applications/${app.id}/information-requests`, {
      token: officer.token,
      body: { question: 'Please confirm the capex' },
    });
    expect(asked.status).toBe(201);
    let { version } = await stageOf(t, app.id);
    const blocked = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: officer.token,
      body: { to: 'esg_review', expectedVersion: version },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.map((e: { guard: string }) => e.guard)).toContain(
      'information_request.none_open',
    );

    const badAmendment = await t.request(
      'POST',
      `/api/v1/applications/${app.id}/information-requests/${asked.body.id}/answer`,
      {
        token: sponsor.token,
        body: { answer: 'Corrected', amendments: { capexUsd: -5 } },
      },
    );
    expect(badAmendment.status).toBe(400);
    const massAssignment = await t.request(
      'POST',
      `/api/v1/applications/${app.id}/information-requests/${asked.body.id}/answer`,
      {
        token: sponsor.token,
        body: { answer: 'Corrected', amendments: { stage: 'approved' } },
      },
    );
    expect(massAssignment.status).toBe(400);

    const outboxBefore: Array<{ n: string }> = await t.db.dataSource.query(
      `SELECT count(*) AS n FROM outbox WHERE payload->>'applicationId' = $1`,
      [app.id],
    );
    const answered = await t.request(
      'POST',
      `/api/v1/applications/${app.id}/information-requests/${asked.body.id}/answer`,
      {
        token: sponsor.token,
        body: { answer: 'Corrected', amendments: { capexUsd: 800_000_000, sponsor: { equityPct: 40 } } },
      },
    );
    expect(answered.status).toBe(200);
    expect(answered.body.version).toBe(version + 1);
    expect(answered.body.capexUsd).toBe(800_000_000);
    expect(answered.body.sponsor).toEqual({ ...sampleInput().sponsor, equityPct: 40 });
    expect(answered.body.informationRequests[0]).toMatchObject({ status: 'answered', answer: 'Corrected' });
    const jobs: Array<{ queue: string; reason: string }> = await t.db.dataSource.query(
      `SELECT queue, payload->>'reason' AS reason FROM outbox WHERE payload->>'applicationId' = $1 ORDER BY id OFFSET $2`,
      [app.id, Number(outboxBefore[0]?.n)],
    );
    expect(jobs.map((j) => `${j.queue}:${j.reason}`).sort()).toEqual([
      'risk-scoring:amended',
      'screening:amended',
    ]);

    // The re-screen is queued: moving on waits for it.
    ({ version } = await stageOf(t, app.id));
    const waiting = await t.request('POST', `/api/v1/applications/${app.id}/transitions`, {
      token: officer.token,
      body: { to: 'esg_review', expectedVersion: version },
    });
    expect(waiting.body.errors.map((e: { guard: string }) => e.guard)).toContain('screening.job_done');
    const twice = await t.request(
      'POST',
      `/api/v1/applications/${app.id}/information-requests/${asked.body.id}/answer`,
      {
        token: sponsor.token,
        body: { answer: 'again' },
      },
    );
    expect(twice.status).toBe(409);
  });

  it('lists with filters, keyset cursor and the organisation scope', async () => {
    const own = await t.createUser(['sponsor']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const input = sampleInput();
      input.title = `Keyset probe ${i}`;
      input.mineral = i % 2 === 0 ? 'copper' : 'nickel';
      ids.push((await createDraft(t, own, input)).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/applications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await t.request('GET', url, { token: own.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
      // A concurrent insert does not disturb the pages already being walked.
      if (seen.length === 2) await createDraft(t, own);
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const copper = await t.request('GET', '/api/v1/applications?mineral=copper&q=keyset%20probe', {
      token: officer.token,
    });
    expect(copper.body.items).toHaveLength(3);
    const drafts = await t.request('GET', '/api/v1/applications?stage=draft&limit=100', { token: own.token });
    expect(
      drafts.body.items.every((i: { organizationId: string }) => i.organizationId === own.organizationId),
    ).toBe(true);
    expect((await t.request('GET', '/api/v1/applications?limit=101', { token: officer.token })).status).toBe(
      400,
    );
    expect(
      (await t.request('GET', '/api/v1/applications?cursor=garbage', { token: officer.token })).status,
    ).toBe(400);
    expect((await t.request('GET', '/api/v1/applications?stage=nope', { token: officer.token })).status).toBe(
      400,
    );
    const committee = await t.createUser(['committee']);
    const hidden = await t.request('GET', '/api/v1/applications?limit=100', { token: committee.token });
    expect(hidden.body.items).toEqual([]);
    expect(
      (await t.request('GET', `/api/v1/applications/${ids[0]}`, { token: committee.token })).status,
    ).toBe(404);
  });

  it('searches with q: a case-insensitive substring of the title, the reference or the organisation name', async () => {
    const tag = randomUUID().slice(0, 8);
    const named = await t.createUser(['sponsor'], {
      organizationId: await t.createOrganization(`Puna Litio ${tag} S.A.`),
    });
    const input = sampleInput();
    input.title = `Salar ${tag} 100%_pure brine`;
    const app = await createDraft(t, named, input);
    const other = await createDraft(t, named); // same organisation, another title and reference
    const search = async (q: string) => {
      const page = await t.request('GET', `/api/v1/applications?limit=100&q=${encodeURIComponent(q)}`, {
        token: officer.token,
      });
      expect(page.status).toBe(200);
      return page.body.items.map((i: { id: string }) => i.id).sort();
    };
    const both = [app.id, other.id].sort();
    expect(await search(`sALAR ${tag}`)).toEqual([app.id]); // the title, in any case
    expect(await search(app.reference.toLowerCase())).toEqual([app.id]); // the reference
    expect(await search(app.reference.slice(-4))).toContain(app.id); // a part of it
    expect(await search(`puna litio ${tag}`)).toEqual(both); // the organisation's name
    expect(await search(`zq${tag} no such project`)).toEqual([]); // no hit
    // `%` and `_` are themselves, not wildcards: each pattern below would match the title as a LIKE wildcard.
    expect(await search(`${tag} 100%_pure`)).toEqual([app.id]);
    expect(await search(`${tag} 100%pure`)).toEqual([]);
    expect(await search(`${tag} 100%_p_re`)).toEqual([]);
    expect(await search(`salar_${tag}`)).toEqual([]);
    expect(await search(`puna%${tag}`)).toEqual([]);
    // A substring of one text: not across the title and the organisation's name.
    expect(await search(`brine puna litio ${tag}`)).toEqual([]);
    // The search follows a renamed organisation and an amended title (database triggers).
    await t.db.dataSource.query(`UPDATE organizations SET name = $1 WHERE id = $2`, [
      `Cobre ${tag} Ltda.`,
      named.organizationId,
    ]);
    expect(await search(`puna litio ${tag}`)).toEqual([]);
    expect(await search(`cobre ${tag}`)).toEqual(both);
    const patched = await t.request('PATCH', `/api/v1/applications/${app.id}`, {
      token: named.token,
      body: { title: `Cerro ${tag} copper concentrator`, expectedVersion: app.version },
    });
    expect(patched.status).toBe(200);
    expect(await search(`salar ${tag}`)).toEqual([]);
    expect(await search(`cerro ${tag} copper`)).toEqual([app.id]);
  });

  it('assigns an officer (not a sponsor)', async () => {
    const app = await createSubmitted(t, sponsor);
    const assigned = await t.request('POST', `/api/v1/applications/${app.id}/assign`, {
      token: officer.token,
      body: { assigneeId: officer.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(officer.id);
    const bad = await t.request('POST', `/api/v1/applications/${app.id}/assign`, {
      token: officer.token,
      body: { assigneeId: sponsor.id },
    });
    expect(bad.status).toBe(400);
    const listed = await t.request('GET', `/api/v1/applications?assignee=${officer.id}`, {
      token: officer.token,
    });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(app.id);
  });

  it('lists the applications nobody is assigned to with assignee=none', async () => {
    const assigned = await createSubmitted(t, sponsor);
    const unassigned = await createSubmitted(t, sponsor);
    await t.request('POST', `/api/v1/applications/${assigned.id}/assign`, {
      token: officer.token,
      body: { assigneeId: officer.id },
    });
    const listed = await t.request('GET', '/api/v1/applications?assignee=none&limit=100', {
      token: officer.token,
    });
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(unassigned.id);
    expect(ids).not.toContain(assigned.id);
    expect(listed.body.items.every((i: { assigneeId: string | null }) => i.assigneeId === null)).toBe(true);
    expect(
      (await t.request('GET', '/api/v1/applications?assignee=nobody', { token: officer.token })).status,
    ).toBe(400);
  });
});
